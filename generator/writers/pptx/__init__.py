"""PowerPoint writer: a document's deck part -> .pptx on the master, one layout per block kind.

Text is fitted (never below 10 pt); tables continue on follow-on slides with the header repeated; what had
to be shortened is written in full in the speaker notes.
"""

from generator.writers.pptx.deck import (
    MASTER_PARTS,
    PptxWriter,
    build_deck,
    content_types,
    deck_parts,
    lay_out,
    members,
    rels_xml,
)

__all__ = ["MASTER_PARTS", "PptxWriter", "build_deck", "content_types", "deck_parts", "lay_out", "members", "rels_xml"]
