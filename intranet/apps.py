from django.apps import AppConfig


class IntranetConfig(AppConfig):
    """The member area behind the login: dashboard, member news, documents, project spaces."""

    name = "intranet"
    verbose_name = "Member intranet"

    def ready(self):
        from intranet import personal_data, signals  # noqa: F401  (connects the receivers)

        personal_data.register_kinds()
