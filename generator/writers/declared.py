"""Parts a writer knows to be in the document's language already (plain Python: a class on bytes, which mypyc
cannot compile)."""

from __future__ import annotations


class Declared(bytes):
    """A part's XML known to hold nothing package.declare_language changes (a Word body rendered from a bundled
    template that holds no language and drew no picture): not looked over for it."""
