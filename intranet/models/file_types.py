"""The kinds of file the intranet holds, by extension: what the library filters by and
what members may upload to a project space (intranet.files checks the content too)."""

from django.utils.translation import gettext_lazy as _

# What a member filters by: a kind of file, and the extensions that make it.
DOCUMENT_TYPES = {
    "pdf": (_("PDF"), ("pdf",)),
    "text": (_("Text documents"), ("doc", "docx", "odt", "rtf", "txt")),
    "spreadsheet": (_("Spreadsheets"), ("xls", "xlsx", "ods", "csv")),
    "presentation": (_("Presentations"), ("ppt", "pptx", "odp")),
    "image": (_("Images"), ("png", "jpg", "jpeg", "webp")),
}

# Every extension of DOCUMENT_TYPES, lower case, without the dot.
ALLOWED_EXTENSIONS = tuple(
    ext for _label, extensions in DOCUMENT_TYPES.values() for ext in extensions
)
