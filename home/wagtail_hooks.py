from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .event_registrations import STAFF_PERMISSION
from .models import (
    EventPage,
    Footer,
    MemberCompany,
    NewsletterSubscription,
    NewsTag,
    Partner,
    StaffContact,
)
from .newsletter_admin import ListOnlyPermissionPolicy, NewsletterSubscriberViewSet

register_snippet(MemberCompany)
register_snippet(NewsTag)
register_snippet(Footer)
register_snippet(StaffContact)
register_snippet(Partner)

register_permission_policy(NewsletterSubscription, ListOnlyPermissionPolicy(NewsletterSubscription))


@hooks.register("register_admin_viewset")
def register_newsletter_subscribers():
    return NewsletterSubscriberViewSet("newsletter_subscribers")


class ParticipantsButton(PageMenuItem):
    """An event page's participant list (a route of the page on the site), for staff."""

    label = _("Participants")
    icon_name = "group"
    priority = 7

    @property
    def url(self):
        return self.page.url + "participants/"

    def is_shown(self, user):
        return bool(self.page.live and self.page.url) and user.has_perm(STAFF_PERMISSION)


@hooks.register("register_page_header_buttons")
def event_participants_header_button(page, user, view_name, next_url=None):
    if page.specific_class is EventPage:
        yield ParticipantsButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def event_participants_listing_button(page, user, next_url=None):
    if page.specific_class is EventPage:
        yield ParticipantsButton(page=page)
