"""Checks on a file a member uploads to a project space, before anything is stored.

In order: the extension is one of the intranet's kinds of file
(intranet.models.file_types), the size is within settings.INTRANET_UPLOAD_MAX_BYTES, the
content is what the extension says (magic bytes, read by the `filetype` library; a text
or CSV file must be text: UTF-8 or another 8-bit encoding with no NUL byte, or UTF-16 with
its byte order mark, and no known binary signature), and, when
settings.CLAMD_TCP_ADDR names a ClamAV daemon, clamd finds nothing in it. The browser's
Content-Type is ignored: it is whatever the sender says.

Every refusal is a ValidationError whose message is in the active language.
"""

import codecs
import logging
import posixpath

import clamd
import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from intranet.models.file_types import ALLOWED_EXTENSIONS

logger = logging.getLogger("intranet")

# How much of a file the content check reads: enough for every signature filetype knows
# (the Office Open XML check looks at the first 6000 bytes of the zip).
SNIFF_BYTES = 8192
# Extensions with no signature of their own: plain text.
TEXT_EXTENSIONS = {"txt", "csv"}
# The extension filetype names for a kind whose files have several.
SAME_KIND = {"jpeg": "jpg"}


def extension_of(name):
    """The lower-case extension of a file name without the dot ("" if none)."""
    return posixpath.splitext(name or "")[1].lower().lstrip(".")


def check_extension(name):
    """Raise ValidationError unless `name` ends in an allowed extension."""
    if extension_of(name) not in ALLOWED_EXTENSIONS:
        raise ValidationError(
            _("Files of this type cannot be uploaded. Allowed types: %(types)s.")
            % {"types": ", ".join(ALLOWED_EXTENSIONS)},
            code="extension",
        )


def check_size(uploaded):
    """Raise ValidationError if `uploaded` (an UploadedFile) is empty or larger than
    settings.INTRANET_UPLOAD_MAX_BYTES."""
    limit = settings.INTRANET_UPLOAD_MAX_BYTES
    if uploaded.size > limit:
        raise ValidationError(
            _("The file is too large (%(size)s). The limit is %(limit)s.")
            % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
            code="size",
        )
    if uploaded.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")


def head_of(uploaded):
    """The first SNIFF_BYTES of `uploaded`, leaving it at its start."""
    uploaded.seek(0)
    head = uploaded.read(SNIFF_BYTES)
    uploaded.seek(0)
    return head


# Byte order marks of UTF-16 text (Excel's "Unicode text" and Windows' "Unicode" .txt and
# .csv), whose every other byte is NUL for Latin letters.
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def is_text(head):
    """Whether `head` (a file's first bytes) reads as text: no NUL byte, or UTF-16 with its
    byte order mark that decodes (the last, maybe cut, character left out)."""
    if head.startswith(UTF16_BOMS):
        try:
            head[: len(head) - len(head) % 2 - 2].decode("utf-16")
        except UnicodeDecodeError:
            return False
        return True
    return b"\x00" not in head


def content_matches(name, head):
    """Whether `head` (the file's first bytes) is the kind of file `name`'s extension says."""
    extension = extension_of(name)
    found = filetype.guess(head)
    if extension in TEXT_EXTENSIONS:
        return found is None and is_text(head)
    return found is not None and found.extension == SAME_KIND.get(extension, extension)


def check_content(uploaded):
    """Raise ValidationError unless the content of `uploaded` matches its extension."""
    if not content_matches(uploaded.name, head_of(uploaded)):
        raise ValidationError(
            _(
                "The file's content does not match its name: it is not a .%(extension)s "
                "file. Save it in that format and try again."
            )
            % {"extension": extension_of(uploaded.name)},
            code="content",
        )


def scanner():
    """A clamd client for settings.CLAMD_TCP_ADDR and CLAMD_TCP_PORT, or None when no
    scanner is configured."""
    if not settings.CLAMD_TCP_ADDR:
        return None
    return clamd.ClamdNetworkSocket(
        host=settings.CLAMD_TCP_ADDR,
        port=settings.CLAMD_TCP_PORT,
        timeout=settings.CLAMD_TIMEOUT,
    )


def check_viruses(uploaded):
    """Raise ValidationError if the configured ClamAV finds something in `uploaded`, or
    cannot be asked (an unchecked file is not stored); nothing when none is configured."""
    client = scanner()
    if client is None:
        return
    uploaded.seek(0)
    try:
        status, signature = client.instream(uploaded)["stream"]
    except (clamd.ClamdError, OSError):
        logger.exception("The virus scanner could not check an upload")
        raise ValidationError(
            _("The file could not be checked for viruses just now. Please try again later."),
            code="scanner",
        ) from None
    finally:
        uploaded.seek(0)
    if status == "FOUND":
        logger.warning("Upload refused: ClamAV found %s", signature)
        raise ValidationError(
            _("The virus scanner found malware in this file (%(signature)s). It was not saved.")
            % {"signature": signature},
            code="infected",
        )
    if status != "OK":
        raise ValidationError(
            _("The file could not be checked for viruses just now. Please try again later."),
            code="scanner",
        )


def validate_upload(uploaded):
    """Every check of the module docstring on `uploaded` (an UploadedFile), cheapest first;
    raises ValidationError with the first reason found."""
    check_extension(uploaded.name)
    check_size(uploaded)
    check_content(uploaded)
    check_viruses(uploaded)
