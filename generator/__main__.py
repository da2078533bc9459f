"""python -m generator: the accountplan command."""

from generator.cli import main

main()
