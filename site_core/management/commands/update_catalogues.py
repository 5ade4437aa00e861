"""Extract strings into locale/nb and locale/en, and list what still needs Norwegian.

Our source strings are English, so the English catalogue's translations are
the msgids themselves; this command fills those in. Norwegian needs a person:
the command lists every nb entry that is still untranslated or fuzzy.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

IGNORE = [".venv/*", "staticfiles/*", "tests/*", "node_modules/*", "test-artifacts/*"]


def catalogue(language):
    return Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"


def needs_work(po):
    """Entries a visitor would see untranslated: empty or fuzzy."""
    return [e for e in po if not e.obsolete and (e.fuzzy or not e.translated())]


class Command(BaseCommand):
    help = "Run makemessages for nb and en, fill English from the msgids, list missing Norwegian."

    def handle(self, *args, **options):
        call_command(
            "makemessages",
            locale=["nb", "en"],
            ignore_patterns=IGNORE,
            no_obsolete=True,
            verbosity=0,
        )
        english = polib.pofile(str(catalogue("en")))
        for entry in needs_work(english):
            entry.msgstr = entry.msgid
            if entry.msgid_plural:
                entry.msgstr_plural = {0: entry.msgid, 1: entry.msgid_plural}
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        english.save()
        missing = needs_work(polib.pofile(str(catalogue("nb"))))
        for entry in missing:
            self.stdout.write(f"nb needs: {entry.msgid!r}")
        self.stdout.write(f"{len(missing)} Norwegian entries need a translation.")
