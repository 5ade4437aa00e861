from django.apps import AppConfig


class IntranetConfig(AppConfig):
    """The member area behind the login: dashboard, member news, documents, project spaces."""

    name = "intranet"
    verbose_name = "Member intranet"
