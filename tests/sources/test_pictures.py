"""Team photos are checked when the source is read: inside its folder, a real picture, bounded; kept as read."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

import generator as lib
from generator.errors import SourceError
from tests.conftest import MINIMAL, write_yaml


def png(width: int = 40, height: int = 30, mode: str = "RGB") -> bytes:
    """Return a small PNG."""
    out = io.BytesIO()
    Image.new(mode, (width, height), 200).save(out, format="PNG")
    return out.getvalue()


def problem(tmp_path: Path, photo: str) -> str:
    """Return the one message reading a plan with this photo gives."""
    source = write_yaml(tmp_path, MINIMAL + f"team:\n  - {{name: A, photo: '{photo}'}}\n")
    with pytest.raises(SourceError) as caught:
        lib.load_plan(source)
    (message,) = caught.value.messages()
    assert message.startswith(f"{source}:6:") and "team[0].photo" in message
    return message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"just some text", "not one"),
        (b"", "not one"),
        (png()[:60], "damaged or truncated"),
        (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "an SVG drawing is not read"),
    ],
)
def test_a_file_that_is_not_a_usable_picture_is_refused_at_load(tmp_path: Path, content: bytes, expected: str) -> None:
    (tmp_path / "photo.png").write_bytes(content)
    assert expected in problem(tmp_path, "photo.png")


def test_a_decompression_bomb_is_refused_before_it_is_decoded(tmp_path: Path) -> None:
    Image.new("1", (9000, 9000)).save(tmp_path / "bomb.png")
    assert "the limit is 40,000,000 pixels" in problem(tmp_path, "bomb.png")


@pytest.mark.parametrize("where", ["/etc/hostname", "../outside.png", "https://example.com/a.png", "C:\\a.png"])
def test_a_photo_outside_the_source_folder_is_refused(tmp_path: Path, where: str) -> None:
    (tmp_path.parent / "outside.png").write_bytes(png())
    said = problem(tmp_path, where).split("team[0].photo: ", 1)[1]
    assert "/" not in said.replace("https://example.com/a.png", "")  # no resolved path of the machine is shown


def test_a_link_leading_outside_the_folder_is_refused(tmp_path: Path) -> None:
    outside = tmp_path.parent / "secret.png"
    outside.write_bytes(png())
    (tmp_path / "link.png").symlink_to(outside)
    assert "leads outside" in problem(tmp_path, "link.png")


def test_a_good_photo_is_kept_as_read_so_a_later_swap_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "me.png").write_bytes(png(3000, 2000))
    source = write_yaml(tmp_path, MINIMAL + "team:\n  - {name: A, photo: me.png}\n")
    plan = lib.load_plan(source).plan
    (tmp_path / "me.png").write_bytes(b"swapped")
    data = lib.render(plan, "simple-account-plan", "docx")
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media/")]
    sizes = {Image.open(io.BytesIO(zipfile.ZipFile(io.BytesIO(data)).read(n))).size for n in media}
    assert (800, 533) in sizes  # scaled to what a document needs
    assert plan.team[0].photo == "me.png"  # the source keeps the path as typed (convert writes it back)
