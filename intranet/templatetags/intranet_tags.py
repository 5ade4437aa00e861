"""The intranet's navigation, on every intranet page and on the 403 page."""

from django import template
from django.utils.translation import get_language

from intranet.models import AccountPage, IntranetHomePage, PeopleDirectoryPage, ProjectListPage

register = template.Library()

# The sections linked from every intranet page, in this order, after the dashboard.
NAV_PAGE_TYPES = (PeopleDirectoryPage, ProjectListPage, AccountPage)


@register.inclusion_tag("intranet/includes/nav.html", takes_context=True)
def intranet_nav(context, page=None):
    """The intranet navigation: the dashboard of `page`'s intranet (of the current
    language without a page, as on the 403 page), its people directory, projects page and My
    account, the
    member's name and the log-out button. Two queries at most, none on the dashboard."""
    request = context["request"]
    if page is not None and hasattr(page, "intranet_home"):
        home = page.intranet_home()
    else:
        home = IntranetHomePage.objects.live().filter(locale__language_code=get_language()).first()
    links = []
    if home is not None:
        sections = home.sections(request)
        links = [sections[model] for model in NAV_PAGE_TYPES if model in sections]
    current = getattr(page, "pk", None)
    return {
        "request": request,
        "home": home,
        "links": links,
        "current": current,
        "csrf_token": context.get("csrf_token"),
    }
