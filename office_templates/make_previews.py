"""Draw the README's pictures: both bundled examples built, printed by LibreOffice, chosen pages tiled.

python office_templates/make_previews.py      (needs soffice and pdftoppm)
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator as lib  # noqa: E402

OUT = ROOT / "office_templates" / "previews"
EXAMPLES = {
    "halden": ROOT / "data" / "example.yaml",
    "rheintal": ROOT / "data" / "examples" / "rheintal-kliniken.yaml",
    "halden-de": ROOT / "data" / "examples" / "halden-freight-de.yaml",
    "halden-ru": ROOT / "data" / "examples" / "halden-freight-ru.yaml",
}
# picture name -> (example, family, format, pages to show, columns)
PICTURES = {
    "strategic-account-plan-pptx": ("halden", "strategic-account-plan", "pptx", (1, 2, 4, 14, 18, 21), 3),
    "strategic-account-plan-docx": ("halden", "strategic-account-plan", "docx", (1, 2, 5, 9), 4),
    "strategic-account-plan-xlsx": ("halden", "strategic-account-plan", "xlsx", (2, 4, 7), 3),
    "second-example-pptx": ("rheintal", "account-map", "pptx", (1, 2, 5, 8), 4),
    "second-example-xlsx": ("rheintal", "account-map", "xlsx", (1, 10), 2),
    "kam-action-plan-xlsx-timeline": ("halden", "kam-action-plan", "xlsx", (9,), 1),
    "german-example-pptx": ("halden-de", "strategic-account-plan", "pptx", (4, 11, 14, 18), 2),
    "russian-example-docx": ("halden-ru", "sales-account-plan", "docx", (1, 2), 2),
    "brand-before-after-pptx": ("halden+halden-brand", "strategic-account-plan", "pptx", (1, 4), 2),
    "brand-before-after-docx": ("halden+halden-brand", "kam-action-plan", "docx", (1, 2), 4),
}


def plan_of(example: str) -> lib.AccountPlan:
    """Return an example's plan; '<name>-brand' dresses it in the example brand (data/brand/nordwind.yaml)."""
    if example.endswith("-brand"):
        plan = lib.load_plan(EXAMPLES[example.removesuffix("-brand")]).plan
        return lib.with_brand(plan, lib.read_brand(ROOT / "data" / "brand" / "nordwind.yaml"))
    return lib.load_plan(EXAMPLES[example]).plan


def render(work: Path, example: str, family: str, fmt: str) -> Path:
    """Return the PDF of one family of one example, as LibreOffice prints it."""
    folder = work / example / fmt
    folder.mkdir(parents=True, exist_ok=True)
    source = folder / f"{family}.{fmt}"
    source.write_bytes(lib.render(plan_of(example), family, fmt))
    profile = f"-env:UserInstallation=file://{work / 'profile'}"
    subprocess.run(
        ["soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(source)],
        check=True,
        capture_output=True,
    )
    return folder / f"{family}.pdf"


def page(pdf: Path, number: int) -> Image.Image:
    """Return one page of a PDF as a picture at 60 dpi."""
    stem = pdf.with_name(f"{pdf.stem}-{number}")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-singlefile", "-f", str(number), "-l", str(number), str(pdf), str(stem)],
        check=True,
    )
    return Image.open(f"{stem}.png").convert("RGB")


def tile(images: list[Image.Image], columns: int) -> Image.Image:
    """Return the pictures in a grid on grey, each with a thin frame."""
    gap = 12
    width, height = max(i.width for i in images), max(i.height for i in images)
    rows = (len(images) + columns - 1) // columns
    sheet = Image.new("RGB", (columns * (width + gap) + gap, rows * (height + gap) + gap), "#d9dee6")
    for index, image in enumerate(images):
        x, y = gap + (index % columns) * (width + gap), gap + (index // columns) * (height + gap)
        sheet.paste(Image.new("RGB", (image.width + 2, image.height + 2), "#9aa5b5"), (x - 1, y - 1))
        sheet.paste(image, (x, y))
    return sheet


def main() -> None:
    """Write every picture of PICTURES into office_templates/previews."""
    with tempfile.TemporaryDirectory() as tmp:
        pdfs: dict[tuple[str, str, str], Path] = {}
        for name, (examples, family, fmt, numbers, columns) in PICTURES.items():
            pages = []
            for example in examples.split("+"):  # 'a+b': the same pages of two examples, side by side
                key = (example, family, fmt)
                if key not in pdfs:
                    pdfs[key] = render(Path(tmp), *key)
                pages += [page(pdfs[key], n) for n in numbers]
            tile(pages, columns).save(OUT / f"{name}.png", optimize=True)
            print(f"wrote {OUT / name}.png")


if __name__ == "__main__":
    main()
