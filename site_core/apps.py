from django.apps import AppConfig


class SiteCoreConfig(AppConfig):
    """What every page shares: routing, templates, languages, search, storages, privacy."""

    name = "site_core"
    verbose_name = "Site core"

    def ready(self):
        from site_core import (
            cache_purge,
            fragment_cache,
            restrictions,  # noqa: F401  (connects the signal handlers)
            slugs,
            snippet_sync,
            spreadsheets,
        )

        spreadsheets.install()
        cache_purge.connect()
        fragment_cache.connect()
        snippet_sync.connect()
        slugs.connect()
