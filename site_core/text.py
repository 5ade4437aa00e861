"""Text helpers for names that must be ASCII: file names and page slugs."""

import posixpath

from anyascii import anyascii
from django.utils.text import slugify


def ascii_slug(text):
    """`text` as a lower-case ASCII slug, letters transliterated rather than dropped.

    "Referat fra årsmøtet" -> "referat-fra-arsmotet" (æ -> ae, ø -> o, å -> a, and so on
    for every script anyascii knows). Returns "" when nothing printable is left.
    """
    return slugify(anyascii(str(text)))


def ascii_filename(filename, fallback="file"):
    """A file name safe in any storage and readable: "Årsmøtet 2025.PDF" -> "arsmotet-2025.pdf".

    The extension is kept (lower-cased); a name with no letters or digits left becomes
    `fallback` plus the extension.
    """
    stem, extension = posixpath.splitext(posixpath.basename(str(filename)))
    extension = ascii_slug(extension.lstrip("."))
    stem = ascii_slug(stem)[:80].strip("-") or fallback
    return f"{stem}.{extension}" if extension else stem
