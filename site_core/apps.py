from django.apps import AppConfig


class SiteCoreConfig(AppConfig):
    """What every page shares: routing, templates, languages, search, storages, privacy."""

    name = "site_core"
    verbose_name = "Site core"

    def ready(self):
        from site_core import (
            cache_purge,
            fragment_cache,
            localized_dates,
            notification_language,
            personal_data_jobs,
            restrictions,  # noqa: F401  (connects the signal handlers)
            segment_overrides,
            slugs,
            snippet_sync,
            spreadsheets,
            task_comment_form,
            workflow_names,
        )

        spreadsheets.install()
        task_comment_form.install()
        cache_purge.connect()
        fragment_cache.connect()
        notification_language.connect()
        snippet_sync.connect()
        segment_overrides.connect()
        slugs.connect()
        localized_dates.install()
        workflow_names.connect()
        personal_data_jobs.register_kind()
