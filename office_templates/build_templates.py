"""Build the bundled Word templates from the families' blank documents: python office_templates/build_templates.py.

Each .docx is drawn from its family's document (generator.writers.docx.template), so its tags name exactly
what the family provides. The files are committed; a person may restyle them in Word (styles, colours,
fonts, header and footer) as long as the {{ tags }} stay.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generator import in_language
from generator.catalog import LANGUAGES
from generator.families import FAMILIES, document
from generator.model.plan import AccountPlan
from generator.writers.docx.template import draw


def placeholder_photo(path: Path) -> Path:
    """Write the grey silhouette shown for a team member without a photo."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (240, 240), (226, 231, 238))
    pen = ImageDraw.Draw(image)
    pen.ellipse((80, 40, 160, 120), fill=(160, 172, 189))
    pen.ellipse((40, 130, 200, 300), fill=(160, 172, 189))
    image.save(path, format="PNG", optimize=True)
    return path


def build_all(folder: Path) -> list[Path]:
    """Write every Word template and the placeholder photo into folder; return their paths."""
    written = [placeholder_photo(folder / "placeholder-photo.png")]
    for name, family in FAMILIES.items():
        if "docx" in family.formats:
            path = folder / f"{name}.docx"
            translations = [document(in_language(AccountPlan(), language), name) for language in LANGUAGES]
            draw(document(AccountPlan(), name), translations).save(path)
            written.append(path)
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent
    for written_path in build_all(target):
        print(written_path)
