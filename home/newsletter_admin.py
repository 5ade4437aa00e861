"""Newsletter subscribers in the admin: the confirmed addresses, searchable and exported as
CSV or XLSX (formula-safe: site_core.spreadsheets) for the mailing tool.

Staff see it with the permission "Can view newsletter subscription" (superusers always);
"Can delete" lets them remove an address. Nobody adds or edits one here: an address is on
the list only after its owner confirmed it (home/newsletter.py), so the add and edit views
are refused to everyone (`ListOnlyPermissionPolicy`). Pending and unsubscribed sign-ups are
not listed; the personal data search finds them (site_core/personal_data.py).
"""

from wagtail.admin.views.generic import IndexView
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


class ConfirmedSubscribersIndexView(IndexView):
    """The listing and its export: confirmed subscriptions only."""

    def get_base_queryset(self):
        return super().get_base_queryset().filter(status=NewsletterSubscription.Status.CONFIRMED)


class NewsletterSubscriberViewSet(ModelViewSet):
    model = NewsletterSubscription
    icon = "mail"
    menu_order = 800
    add_to_admin_menu = True
    index_view_class = ConfirmedSubscribersIndexView
    inspect_view_enabled = True  # registers "Can view" for the groups editor
    inspect_view_fields = ["email", "language", "status", "created_at", "confirmed_at"]
    copy_view_enabled = False
    list_display = ["email", "language", "confirmed_at"]
    list_filter = ["language"]
    search_fields = ["email"]
    list_export = ["email", "language", "confirmed_at"]
    export_filename = "newsletter-subscribers"
    form_fields = []
