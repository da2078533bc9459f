"""Pictures a source names (team photos): read only from inside the source's folder, decoded and bounded at load.

A picture is checked once, when the source is read: where it is (no absolute paths, '..', URLs or links that
leave the folder), what it is (PNG, JPEG, GIF or BMP that decodes), how big it is. What is kept is a clean
PNG of it, turned upright by its EXIF orientation, metadata dropped and scaled down to a size a document
needs, so a file changed on disk afterwards changes nothing and the same photo always gives the same bytes.
"""

from __future__ import annotations

import io
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

MAX_BYTES = 10_000_000
MAX_PIXELS = 40_000_000
KEEP_SIDE = 800
FORMATS = ("PNG", "JPEG", "GIF", "BMP")


class PictureError(ValueError):
    """A picture that cannot be used; the message says why."""


def load(base: Path, typed: str) -> bytes:
    """Return the picture named (relative to base) as clean PNG bytes, or raise PictureError saying why not."""
    path = _inside(base, typed)
    data = _read(path)
    return _clean(data)


def _inside(base: Path, typed: str) -> Path:
    """Return the file a relative name points at inside base; refuse anything that would leave it."""
    if "://" in typed or typed.startswith(("\\\\", "//")):
        raise PictureError("expected a file next to the source; got a URL or network path")
    if PurePosixPath(typed).is_absolute() or PureWindowsPath(typed).is_absolute() or PureWindowsPath(typed).drive:
        raise PictureError("expected a path relative to the source's folder; got an absolute path")
    folder = base.resolve()
    path = (folder / typed).resolve()
    if not path.is_relative_to(folder):
        raise PictureError("expected a picture inside the source's folder; this path leads outside it")
    if not path.is_file():
        raise PictureError(f"no such picture: {typed!r} (next to the source)")
    return path


def _read(path: Path) -> bytes:
    """Return a picture file's bytes, refusing an oversized one before reading it."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise PictureError(f"the picture has {size:,} bytes; the limit is {MAX_BYTES:,}")
    return path.read_bytes()


def _clean(data: bytes) -> bytes:
    """Return a decoded, upright, metadata-free PNG no larger than a document needs."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            _check_header(image.format or "", image.size)
            image.load()
    except PictureError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombWarning, Image.DecompressionBombError):
        if b"<svg" in data[:2048]:
            raise PictureError("an SVG drawing is not read (it can run code and fetch files); save it as PNG") from None
        raise PictureError(f"expected a picture ({', '.join(FORMATS)}); this file is not one") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise PictureError(f"the picture is damaged or truncated ({error})") from None
    upright = ImageOps.exif_transpose(image).convert("RGBA" if "A" in image.getbands() else "RGB")
    upright.thumbnail((KEEP_SIDE, KEEP_SIDE))
    out = io.BytesIO()
    upright.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _check_header(kind: str, size: tuple[int, int]) -> None:
    """Refuse formats Word cannot show and pictures with no or too many pixels, before decoding them."""
    if kind not in FORMATS:
        raise PictureError(f"expected a picture ({', '.join(FORMATS)}); got {kind or 'an unknown format'}")
    width, height = size
    if width < 1 or height < 1:
        raise PictureError("the picture has no pixels")
    if width * height > MAX_PIXELS:
        raise PictureError(f"the picture has {width:,} × {height:,} pixels; the limit is {MAX_PIXELS:,} pixels")
