from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo loader (`manage.py seed_demo`): the top layer, the only one that imports
    every area (site_core, home, intranet) to load them in order."""

    name = "demo"
    verbose_name = "Demo content"
