"""Bring locale_upstream/nb up to date with the Wagtail and wagtail-localize strings that
need our Norwegian (site_core.upstream_catalogues), and list those still untranslated.

A string newly wanted is added with an empty translation, unless our own locale/nb already
translates it (its translation is the one shown: LOCALE_PATHS[0] comes first); a string no
longer wanted (gone upstream, or translated there now) is dropped; translations are kept.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from site_core.upstream_catalogues import (
    DIRECTORY,
    DOMAINS,
    catalogue_path,
    is_translated,
    key,
    keys,
    load,
    required,
)


class Command(BaseCommand):
    help = (
        "Add the Wagtail and wagtail-localize strings that lack Norwegian to "
        "locale_upstream/nb and list those still untranslated."
    )

    def handle(self, *args, **options):
        own_directory = Path(settings.LOCALE_PATHS[0])
        untranslated = 0
        for domain in DOMAINS:
            ours = keys(load(domain, own_directory))
            po = load(domain)
            kept = {key(entry): entry for entry in po}
            entries = []
            for entry_key, fresh in required(domain).items():
                entry = kept.get(entry_key)
                if entry is None:
                    if entry_key in ours:
                        continue
                    entry = fresh
                entry.occurrences = fresh.occurrences
                entries.append(entry)
                if not is_translated(entry):
                    untranslated += 1
                    self.stdout.write(f"{domain} needs: {entry.msgid!r}")
            po[:] = entries
            path = catalogue_path(domain)
            path.parent.mkdir(parents=True, exist_ok=True)
            po.save(str(path))
        self.stdout.write(
            f"{untranslated} entries in {DIRECTORY.name}/ need a Norwegian translation."
        )
