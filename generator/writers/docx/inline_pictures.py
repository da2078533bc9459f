"""Inline pictures (a logo, team members' photos) put into a rendered Word part as docxtpl puts them, the XML made
once per place, id and size instead of parsed and serialized for each, the part's next id counted once per
template (python-docx searches every id of the document for each picture)."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from docx.oxml.shape import CT_Inline
from docx.shared import Length
from docxtpl import InlineImage


class Picture(InlineImage):  # type: ignore[misc]  # docxtpl has no type hints
    """A picture of a template's rendered part: what InlineImage writes (python-docx's new_pic_inline), its image
    part and relationship made by python-docx's get_or_add_image as there."""

    def __init__(self, tpl: Any, data: bytes, width: int | None = None, height: int | None = None) -> None:
        super().__init__(tpl, None, width, height)
        self.data = data

    def _insert_image(self) -> str:
        """Return the run of the picture, closing the text run it stands in and opening the next, as docxtpl does."""
        part, self.tpl.drawn = self.tpl.current_rendering_part, True
        rid, image = part.get_or_add_image(io.BytesIO(self.data))
        cx, cy = image.scaled_dimensions(self.width, self.height)
        shape_id = self.tpl.next_ids.get(part) or part.next_id  # footnotes: counted, as python-docx counts
        pic = _inline_xml(shape_id, rid, image.filename, cx, cy)
        return f'</w:t></w:r><w:r><w:drawing>{pic}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


@lru_cache(maxsize=256)
def _inline_xml(shape_id: int, rid: str, filename: str, cx: Length, cy: Length) -> str:
    """Return a picture's inline element as python-docx makes and docxtpl writes it."""
    return str(CT_Inline.new_pic_inline(shape_id, rid, filename, cx, cy).xml)
