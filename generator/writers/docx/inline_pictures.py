"""Inline pictures (a logo, team members' photos) put into a rendered Word part as docxtpl puts them, each picture's
image read once a process and its XML made once per place, id and size instead of parsed and serialized for each."""

from __future__ import annotations

import io
from functools import lru_cache
from typing import Any

from docx.image.image import Image
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.shape import CT_Inline
from docx.shared import Length
from docxtpl import InlineImage


class Picture(InlineImage):  # type: ignore[misc]  # docxtpl has no type hints
    """A picture of a template's rendered part: what InlineImage writes (python-docx's new_pic_inline), with its
    image part and relationship made by python-docx as there."""

    def __init__(self, tpl: Any, data: bytes, width: int | None = None, height: int | None = None) -> None:
        super().__init__(tpl, None, width, height)
        self.data = data

    def _insert_image(self) -> str:
        """Return the run of the picture, closing the text run it stands in and opening the next, as docxtpl does."""
        part = self.tpl.current_rendering_part
        image = _image(self.data)
        images = part.package.image_parts
        image_part = images._get_by_sha1(image.sha1) or images._add_image_part(image)  # get_or_add_image_part's
        rid = part.relate_to(image_part, RT.IMAGE)
        image = image_part.image
        cx, cy = image.scaled_dimensions(self.width, self.height)
        pic = _inline_xml(next_id(part), rid, image.filename, cx, cy)
        return f'</w:t></w:r><w:r><w:drawing>{pic}</w:drawing></w:r><w:r><w:t xml:space="preserve">'


@lru_cache(maxsize=64)  # the placeholder photo and a brand's logo, over and over; bounded
def _image(data: bytes) -> Image:
    """Return an image as python-docx reads it from an anonymous stream (its size, resolution, kind and SHA-1)."""
    return Image.from_file(io.BytesIO(data))


_NEXT_IDS: dict[int, tuple[Any, int]] = {}  # by part: the element its next id was counted in, and that id


def next_id(part: Any) -> int:
    """Return python-docx's next id of a story part (one more than the largest id in its XML), counted once for
    each element the part holds: a template's part is rendered as text, its loaded element never changes."""
    found = _NEXT_IDS.get(id(part))
    if found is None or found[0] is not part._element:
        if len(_NEXT_IDS) >= 256:
            _NEXT_IDS.clear()
        found = _NEXT_IDS[id(part)] = part._element, part.next_id
    return found[1]


@lru_cache(maxsize=256)
def _inline_xml(shape_id: int, rid: str, filename: str, cx: Length, cy: Length) -> str:
    """Return a picture's inline element as python-docx makes and docxtpl writes it."""
    return str(CT_Inline.new_pic_inline(shape_id, rid, filename, cx, cy).xml)
