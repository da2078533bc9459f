"""Inline pictures written once per place and size are what docxtpl's InlineImage writes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx.shared import Mm
from docxtpl import InlineImage

from generator.writers.docx.inline_pictures import Picture
from generator.writers.docx.render import PHOTO_WIDTH, PreparedTemplate, placeholder_photo, prepared

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture()
def template() -> PreparedTemplate:
    """Return a template of its own (the process's prepared ones stay untouched), rendering its body."""
    made = PreparedTemplate(prepared("simple-account-plan").data, "simple-account-plan.docx")
    made.init_docx()
    made.current_rendering_part = made.docx.part
    return made


def test_a_picture_is_written_as_docxtpl_writes_it_with_the_same_image_part(template: PreparedTemplate) -> None:
    """Team photos and a brand's logo look the same in Word as before: same run, same relationship, same image."""
    logo = (ROOT / "data" / "brand" / "nordwind-logo.png").read_bytes()
    for data, size in [
        (placeholder_photo(), {"width": PHOTO_WIDTH}),
        (logo, {"height": Mm(16)}),
        (logo, {"height": Mm(5)}),
        (placeholder_photo(), {"width": PHOTO_WIDTH}),
    ]:
        expected = InlineImage(template, io.BytesIO(data), **size)._insert_image()
        parts = len(template.docx.part.package.image_parts)
        assert Picture(template, data, **size)._insert_image() == expected
        assert len(template.docx.part.package.image_parts) == parts  # the image part docxtpl added, not another
    assert len(template.docx.part.package.image_parts) == 2
    assert '<pic:cNvPr id="0" name="image.png"/>' in expected


def test_a_picture_into_a_fresh_document_adds_its_image_part_and_relationship(template: PreparedTemplate) -> None:
    """The first picture of a render adds its image to the document, as docxtpl's does."""
    part = template.docx.part
    before = set(part.rels)
    run = Picture(template, placeholder_photo(), width=PHOTO_WIDTH)._insert_image()
    (added,) = set(part.rels) - before
    assert f'r:embed="{added}"' in run
    assert part.rels[added].target_part.blob == placeholder_photo()
    assert run.startswith("</w:t></w:r><w:r><w:drawing><wp:inline") and run.endswith('<w:t xml:space="preserve">')
