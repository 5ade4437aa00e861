from functools import reduce
from operator import or_

from django.db.models import Count, OuterRef, Q, Subquery, Window
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.models import EventPage
from home.models.event_registrations import EventRegistration
from intranet import access, join_requests
from intranet.search import search_intranet
from intranet.visits import record_visit
from site_core import privacy
from site_core.page_mixins import IntroMixin
from site_core.search import clean_query

from .account import AccountPage
from .base import IntranetPage
from .documents import DocumentLibraryPage
from .news import MemberNewsIndexPage, MemberNewsPage, NewsReadMark
from .people import PeopleDirectoryPage
from .profile import MemberProfile
from .project_list import ProjectListPage
from .projects import ProjectSpacePage, ProjectUpdate

DASHBOARD_ITEMS = 5
# The dashboard's sections: one each, linked from the dashboard or the navigation.
SECTION_TYPES = (
    MemberNewsIndexPage,
    DocumentLibraryPage,
    PeopleDirectoryPage,
    ProjectListPage,
    AccountPage,
)


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
        "intranet.PeopleDirectoryPage",
        "intranet.ProjectListPage",
        "intranet.AccountPage",
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
        sections = self.sections(request)
        # By locale_id: reading self.locale would cost a query of its own.
        news = MemberNewsPage.objects.live().descendant_of(self).filter(locale_id=self.locale_id)
        spaces = ProjectSpacePage.objects.live().descendant_of(self)
        spaces = spaces.filter(locale_id=self.locale_id)
        spaces = list(spaces.visible_to(user).select_related("collection").order_by("title"))
        return {
            "news_index": sections.get(MemberNewsIndexPage),
            "library": sections.get(DocumentLibraryPage),
            "latest_news": news.visible_to(user).order_by("-date", "-pk")[:DASHBOARD_ITEMS],
            "project_spaces": spaces,
            "recent_documents": privacy.visible_documents(user)[:DASHBOARD_ITEMS],
            "my_events": self.my_events(user),
            "upcoming_events": self.upcoming_events(user),
            "whats_new": self.whats_new(user, news, spaces),
            **self.join_request_listings(user, spaces),
        }

    def join_request_listings(self, user, visible_spaces):
        """The member's own pending join requests (`my_join_requests`: project titles in
        this language) and, for leads and staff, `requests_waiting`: [(project space,
        number of pending requests)] of the projects they decide for. `visible_spaces` are
        the project spaces `user` may open (a list): those they decide for are among them."""
        mine, others = join_requests.mine_and_waiting(user)
        waiting = {}
        for join_request in others:
            waiting[join_request.group_id] = waiting.get(join_request.group_id, 0) + 1
        spaces = {space.group_id: space for space in visible_spaces}
        unseen = {r.group_id for r in mine} - set(spaces)
        if unseen:
            # The projects a member asked to join are closed to them: one query for their
            # titles, however many requests.
            found = ProjectSpacePage.objects.live().descendant_of(self)
            found = found.filter(locale_id=self.locale_id, group_id__in=unseen)
            spaces |= {space.group_id: space for space in found}
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
            locale_id=self.locale_id,
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

    def sections(self, request):
        """{page class: live child page} of this dashboard's sections (SECTION_TYPES), read
        once per request: the dashboard and the navigation (intranet_tags) share it."""
        kept = getattr(request, "_intranet_sections", None)
        if kept is None or kept[0] != self.pk:
            children = self.get_children().live().type(*SECTION_TYPES)
            kept = (self.pk, {page.specific_class: page for page in children})
            request._intranet_sections = kept
        return kept[1]

    def whats_new(self, user, news, spaces):
        """What is new for `user` since their last visit (intranet.visits): {"since": the
        aware datetime it counts from, "news": (count, first DASHBOARD_ITEMS) of the
        member news they have not opened in either language, "documents" and "updates":
        (count, first items) added since to the projects they are a member of}. `news` are
        this intranet's news pages, `spaces` the project spaces the user may open (with
        their collections). Counts the visit."""
        try:
            since = record_visit(user.member_profile)
        except MemberProfile.DoesNotExist:  # staff without a member profile
            since = None
        since = since or user.date_joined
        unread = (
            news.visible_to(user)
            .exclude(
                translation_key__in=NewsReadMark.objects.filter(user=user).values("translation_key")
            )
            .order_by("-date", "-pk")
        )
        mine = [space for space in spaces if space.group_id in privacy.user_group_ids(user)]
        documents = updates = None
        if mine:
            in_my_projects = reduce(
                or_, (Q(collection__path__startswith=space.collection.path) for space in mine)
            )
            documents = (
                privacy.visible_documents(user)
                .filter(in_my_projects, created_at__gt=since)
                .order_by("-created_at", "-pk")
            )
            updates = (
                ProjectUpdate.objects.filter(page__in=[space.pk for space in mine])
                .filter(created_at__gt=since)
                .select_related("page")
                .order_by("-created_at", "-pk")
            )
        return {
            "since": since,
            "news": self._count_and_first(unread),
            "documents": self._count_and_first(documents),
            "updates": self._count_and_first(updates),
        }

    @staticmethod
    def _count_and_first(items):
        """(how many `items` there are, the first DASHBOARD_ITEMS of them), in one query: the
        window function counts the rows before the LIMIT."""
        if items is None:
            return 0, []
        first = list(items.annotate(total_count=Window(Count("pk")))[:DASHBOARD_ITEMS])
        return (first[0].total_count if first else 0), first

    def upcoming_events(self, user):
        """The cluster's coming events in this language, members-only ones included when
        the member may open them."""
        events = EventPage.objects.live().filter(locale_id=self.locale_id, end__gte=timezone.now())
        return events.visible_to(user).order_by("start")[:DASHBOARD_ITEMS]
