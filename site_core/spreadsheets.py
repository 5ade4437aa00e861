"""Exports open safely in a spreadsheet: no cell of a CSV export is read as a formula.

A submitted "=HYPERLINK(...)" (a membership application, a page title) would otherwise
run as a formula when staff open the export in Excel or LibreOffice ("CSV injection",
OWASP). Every export the admin offers (form submissions, Wagtail's reports, model and
snippet listings) goes through Wagtail's SpreadsheetExportMixin, so the rule is applied
there, once, by `install()` (called from site_core's AppConfig.ready). XLSX exports need
nothing: Wagtail writes every cell openpyxl takes for a formula as a string.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

# A cell starting with one of these is a formula (or becomes one) in common spreadsheets.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """`value`, with a leading apostrophe when it is text a spreadsheet would evaluate."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def install():
    """Make every CSV export of the admin formula-safe (idempotent)."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "formula_safe", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        value = original(self, field, value, export_format)
        return neutralise(value) if export_format == self.FORMAT_CSV else value

    preprocess_field_value.formula_safe = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value
