from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import Footer, MemberCompany, NewsletterSubscription, NewsTag, Partner, StaffContact
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
