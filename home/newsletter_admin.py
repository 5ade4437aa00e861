"""Newsletter subscribers in the admin: the confirmed addresses, searchable and exported as
CSV or XLSX (formula-safe: site_core.spreadsheets) for the mailing tool.

Staff see it with the permission "Can view newsletter subscription" (superusers always);
"Can delete" lets them remove an address. Nobody adds or edits one here: an address is on
the list only after its owner confirmed it (home/newsletter.py), so the add and edit views
are refused to everyone (`ListOnlyPermissionPolicy`). Pending and unsubscribed sign-ups are
not here at all: not listed, and their inspect, delete, history and usage pages answer 404,
so an address someone else typed in, never confirmed, cannot be read by walking the ids.
The personal data search finds them (site_core/personal_data.py).
"""

from django.contrib.admin.utils import unquote
from django.shortcuts import get_object_or_404
from wagtail.admin.views.generic import DeleteView, HistoryView, IndexView, InspectView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from home.models import NewsletterSubscription

# Actions that would put an address on the list without its owner's confirmation.
REFUSED_ACTIONS = {"add", "change", "copy"}


class ListOnlyPermissionPolicy(ModelPermissionPolicy):
    """Django's model permissions, except that adding, changing and copying are refused
    to every user, superusers included."""

    def user_has_permission(self, user, action):
        return action not in REFUSED_ACTIONS and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in REFUSED_ACTIONS]
        )


def confirmed():
    """The confirmed subscriptions: the only ones this admin shows (a QuerySet)."""
    return NewsletterSubscription.objects.filter(status=NewsletterSubscription.Status.CONFIRMED)


class ConfirmedSubscribersIndexView(IndexView):
    """The listing and its export: confirmed subscriptions only."""

    def get_base_queryset(self):
        return super().get_base_queryset() & confirmed()


# The views of one subscription answer 404 unless it is confirmed. Wagtail's generic views
# look their object up three ways, each narrowed here: DeleteView through SingleObjectMixin's
# get_queryset, HistoryView and UsageView through BaseObjectMixin's get_base_object_queryset
# (their get_queryset is the listing of log entries or references), InspectView in its own
# get_object.


class ConfirmedInspectView(InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(confirmed(), pk=unquote(str(self.pk)))


class ConfirmedDeleteView(DeleteView):
    def get_queryset(self):
        return confirmed()


class ConfirmedHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return confirmed()


class ConfirmedUsageView(UsageView):
    def get_base_object_queryset(self):
        return confirmed()


class NewsletterSubscriberViewSet(ModelViewSet):
    """The admin of the confirmed subscribers: list, search, export, inspect and
    delete (see the module docstring for who may do what)."""

    model = NewsletterSubscription
    icon = "mail"
    menu_order = 800
    add_to_admin_menu = True
    index_view_class = ConfirmedSubscribersIndexView
    inspect_view_class = ConfirmedInspectView
    delete_view_class = ConfirmedDeleteView
    history_view_class = ConfirmedHistoryView
    usage_view_class = ConfirmedUsageView
    inspect_view_enabled = True  # registers "Can view" for the groups editor
    inspect_view_fields = ["email", "language", "status", "created_at", "confirmed_at"]
    copy_view_enabled = False
    list_display = ["email", "language", "confirmed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    list_export = ["email", "language", "confirmed_at"]
    export_filename = "newsletter-subscribers"
    form_fields = []
