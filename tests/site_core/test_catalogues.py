"""Every string a visitor or editor sees is translated in locale/nb and locale/en."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings

from site_core.management.commands.update_catalogues import needs_work
from tests.site_core.helpers import make_messages_in_scratch

LOCALE_DIR = Path(settings.LOCALE_PATHS[0])


@pytest.mark.parametrize("language", ["nb", "en"])
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    po = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
    assert len(po) > 0
    assert [entry.msgid for entry in needs_work(po)] == []


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext")
def test_every_string_in_code_and_templates_is_in_the_catalogues(tmp_path, settings, monkeypatch):
    """Extract strings afresh into a copy of the catalogues and compare with what we ship.

    makemessages runs on a copy (tests.site_core.helpers.make_messages_in_scratch).
    """
    fresh_locale = make_messages_in_scratch(tmp_path, settings, monkeypatch)[0]
    for language in ("nb", "en"):
        shipped = polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))
        fresh = polib.pofile(str(fresh_locale / language / "LC_MESSAGES" / "django.po"))
        known = {(e.msgctxt, e.msgid) for e in shipped}
        missing = sorted(e.msgid for e in fresh if (e.msgctxt, e.msgid) not in known)
        assert missing == [], f"{language}: run `manage.py update_catalogues` and translate"
