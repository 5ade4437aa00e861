from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import EventPage
from home.models.event_registrations import EventRegistration
from intranet import access, join_requests
from intranet.search import search_intranet
from site_core import privacy
from site_core.page_mixins import IntroMixin
from site_core.search import clean_query

from .base import IntranetPage
from .documents import DocumentLibraryPage
from .news import MemberNewsIndexPage, MemberNewsPage
from .project_list import ProjectListPage
from .projects import ProjectSpacePage

DASHBOARD_ITEMS = 5


class IntranetHomePage(IntroMixin, IntranetPage):
    """The member dashboard and root of one language's intranet subtree.

    Restricted to the group Members (and staff) with Wagtail page privacy; the
    restriction is enforced on every publish, in every language.
    """

    content_panels = IntranetPage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "intranet.MemberNewsIndexPage",
        "intranet.DocumentLibraryPage",
        "intranet.ProjectSpacePage",
        "intranet.ProjectListPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("intranet home page")
        verbose_name_plural = _("intranet home pages")

    def required_groups(self):
        return access.members_groups()

    def get_listings(self, request):
        user = request.user
        query = clean_query(request.GET.get("q", ""))
        if query:
            return {"search_query": query, "search_results": search_intranet(self, user, query)}
        children = (
            self.get_children()
            .live()
            .type(MemberNewsIndexPage, DocumentLibraryPage, ProjectListPage)
        )
        sections = {page.specific_class: page for page in children}
        news = MemberNewsPage.objects.live().descendant_of(self).filter(locale=self.locale)
        spaces = ProjectSpacePage.objects.live().descendant_of(self).filter(locale=self.locale)
        return {
            "news_index": sections.get(MemberNewsIndexPage),
            "library": sections.get(DocumentLibraryPage),
            # The navigation's link, without the query intranet/base.html would make.
            "projects_page": sections.get(ProjectListPage),
            "latest_news": news.visible_to(user).order_by("-date", "-pk")[:DASHBOARD_ITEMS],
            "project_spaces": spaces.visible_to(user).order_by("title"),
            "recent_documents": privacy.visible_documents(user)[:DASHBOARD_ITEMS],
            "my_events": self.my_events(user),
            "upcoming_events": self.upcoming_events(user),
            **self.join_request_listings(user),
        }

    def projects_page(self):
        """The live projects page (ProjectListPage) of this dashboard, or None."""
        return self.get_children().live().type(ProjectListPage).first()

    def join_request_listings(self, user):
        """The member's own pending join requests (`my_join_requests`: project titles in
        this language) and, for leads and staff, `requests_waiting`: [(project space,
        number of pending requests)] of the projects they decide for."""
        mine, others = join_requests.mine_and_waiting(user)
        waiting = {}
        for join_request in others:
            waiting[join_request.group_id] = waiting.get(join_request.group_id, 0) + 1
        groups = {r.group_id for r in mine} | set(waiting)
        # One query however many requests, none or hundreds: the budget stays constant.
        found = ProjectSpacePage.objects.live().descendant_of(self)
        spaces = {s.group_id: s for s in found.filter(locale=self.locale, group_id__in=groups)}
        return {
            "my_join_requests": [spaces[r.group_id].title for r in mine if r.group_id in spaces],
            "requests_waiting": [
                (spaces[group_id], count)
                for group_id, count in waiting.items()
                if group_id in spaces
            ],
        }

    def my_events(self, user):
        """The coming events `user` is registered or wait-listed for (by account or by the
        account's address), soonest first, in this language, each with `my_status`
        ("confirmed" or "waiting")."""
        mine = EventRegistration.objects.filter(status__in=EventRegistration.ACTIVE).filter(
            Q(user=user) | Q(email__iexact=user.email) if user.email else Q(user=user)
        )
        events = EventPage.objects.live().filter(
            locale=self.locale,
            end__gte=timezone.now(),
            translation_key__in=mine.values("event_key"),
        )
        return (
            events.visible_to(user)
            .annotate(
                my_status=Subquery(
                    mine.filter(event_key=OuterRef("translation_key")).values("status")[:1]
                )
            )
            .order_by("start")[:DASHBOARD_ITEMS]
        )

    def upcoming_events(self, user):
        """The cluster's coming events in this language, members-only ones included when
        the member may open them."""
        events = EventPage.objects.live().filter(locale=self.locale, end__gte=timezone.now())
        return events.visible_to(user).order_by("start")[:DASHBOARD_ITEMS]
