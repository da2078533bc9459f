"""PowerPoint writer: a document's deck part -> .pptx on the master, one layout per block kind.

Text is fitted (never below 10 pt); tables continue on follow-on slides with the header repeated; what had
to be shortened is written in full in the speaker notes.
"""

from generator.writers.pptx.deck import PptxWriter, build_deck, deck_parts

__all__ = ["PptxWriter", "build_deck", "deck_parts"]
