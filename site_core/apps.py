from django.apps import AppConfig


class SiteCoreConfig(AppConfig):
    """What every page shares: routing, templates, languages, search and the demo loader."""

    name = "site_core"
    verbose_name = "Site core"
