from django.apps import AppConfig


class HomeConfig(AppConfig):
    """The public cluster site: page types, blocks, snippets, forms and feeds."""

    name = "home"
    verbose_name = "Public site"

    def ready(self):
        from home import personal_data, signals

        signals.connect()
        personal_data.register_kinds()
