"""Safe, collision-free folder names for accounts."""

from __future__ import annotations

import hashlib
import re
import unicodedata

from anyascii import anyascii

MAX_SLUG = 60
_RESERVED = {"con", "prn", "aux", "nul", "blank", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}


def account_slug(name: str) -> str:
    """Return a folder name for an account: readable ASCII words plus a short hash of the exact name.

    The hash keeps two different names (even 'ACME' and 'Acme', or two names in a script with
    no ASCII letters) in different folders; the name can never climb out of the output folder.
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", name))  # transliterated: Газпром нефть -> Gazprom neft
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:MAX_SLUG].strip("-")
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    if not words or words in _RESERVED:
        words = "account"
    return f"{words}-{digest}"
