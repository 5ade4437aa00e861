from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.models import EventPage
from intranet import access
from intranet.search import search_intranet
from site_core.search import clean_query

from .base import IntranetPage
from .documents import DocumentLibraryPage
from .news import MemberNewsIndexPage, MemberNewsPage
from .projects import ProjectSpacePage

DASHBOARD_ITEMS = 5


class IntranetHomePage(IntranetPage):
    """The member dashboard and root of one language's intranet subtree.

    Restricted to the group Members (and staff) with Wagtail page privacy; the
    restriction is enforced on every publish, in every language.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A sentence or two of welcome at the top of the dashboard."),
    )

    content_panels = IntranetPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "intranet.MemberNewsIndexPage",
        "intranet.DocumentLibraryPage",
        "intranet.ProjectSpacePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("intranet home page")
        verbose_name_plural = _("intranet home pages")

    def required_groups(self):
        return access.members_groups()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        user = request.user
        query = clean_query(request.GET.get("q", ""))
        if query:
            context["search_query"] = query
            context["search_results"] = search_intranet(self, user, query)
            return context
        children = self.get_children().live().type(MemberNewsIndexPage, DocumentLibraryPage)
        sections = {page.specific_class: page for page in children}
        context["news_index"] = sections.get(MemberNewsIndexPage)
        context["library"] = sections.get(DocumentLibraryPage)
        news = MemberNewsPage.objects.live().descendant_of(self).filter(locale=self.locale)
        context["latest_news"] = access.visible_pages(user, news).order_by("-date", "-pk")[
            :DASHBOARD_ITEMS
        ]
        spaces = ProjectSpacePage.objects.live().descendant_of(self).filter(locale=self.locale)
        context["project_spaces"] = access.visible_pages(user, spaces).order_by("title")
        context["recent_documents"] = access.visible_documents(user)[:DASHBOARD_ITEMS]
        context["upcoming_events"] = self.upcoming_events(user)
        return context

    def upcoming_events(self, user):
        """The cluster's coming events in this language, members-only ones included when
        the member may open them."""
        events = EventPage.objects.live().filter(locale=self.locale, end__gte=timezone.now())
        return access.visible_pages(user, events).order_by("start")[:DASHBOARD_ITEMS]
