from dataclasses import replace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db.models import Prefetch, Q
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from home.models import MemberCompany
from intranet import access
from site_core import http_caching
from site_core.head import document_title
from site_core.page_mixins import IntroMixin
from site_core.pages import paginate
from site_core.search import clean_query

from .base import IntranetPage
from .projects import ProjectSpacePage

PEOPLE_PER_PAGE = 20


def viewer_project_groups(user):
    """The project groups ("Project: <name>") whose membership `user` may see: all of them
    for staff (group Editors, superusers), else the user's own. A QuerySet of Group."""
    projects = Group.objects.filter(name__startswith=access.PROJECT_GROUP_PREFIX)
    if access.is_staff(user):
        return projects
    return projects.filter(user=user)


def project_names_in(groups, locale):
    """{group id: project name in `locale`} for the project groups `groups` (a QuerySet):
    the title of the live project space in that locale, else the group's name without
    its prefix."""
    names = {group.pk: group.name.removeprefix(access.PROJECT_GROUP_PREFIX) for group in groups}
    spaces = ProjectSpacePage.objects.live().filter(locale=locale, group__in=list(names))
    names.update(dict(spaces.values_list("group_id", "title")))
    return names


def directory_members():
    """Every active member with a profile (group Members), with profile and company,
    alphabetical by name: a QuerySet of users."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name=access.MEMBERS_GROUP, member_profile__isnull=False
        )
        .select_related("member_profile__company")
        .order_by(Lower("first_name"), Lower("last_name"), "pk")
    )


class PeopleDirectoryPage(RoutablePageMixin, IntroMixin, IntranetPage):
    """The members of the cluster, for members: name, company, job title, the projects the
    viewer may see, and e-mail and phone only when the member chose to show them.

    Search by name (`q`), filter by company (`company`, a MemberCompany id) and project
    (`project`, a project group id the viewer may see); a profile page per member
    (`<user id>/`).
    """

    content_panels = IntranetPage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("people directory")
        verbose_name_plural = _("people directories")

    def serve(self, request, *args, **kwargs):
        # Routes are called by RoutablePageMixin.serve without IntranetPage.serve.
        http_caching.mark_private(request)
        return super().serve(request, *args, **kwargs)

    def members_for(self, project_names):
        """directory_members() with `visible_project_groups` on each: the member's project
        groups among those the viewer may see (`project_names`, from project_names_in())."""
        projects = Group.objects.filter(pk__in=list(project_names))
        return directory_members().prefetch_related(
            Prefetch("groups", queryset=projects, to_attr="visible_project_groups")
        )

    @staticmethod
    def with_project_names(people, project_names):
        """Set `visible_projects` (sorted names, from `project_names`) on each of `people`
        (users from members_for()); returns `people`."""
        for person in people:
            person.visible_projects = sorted(
                project_names[group.pk] for group in person.visible_project_groups
            )
        return people

    @path("")
    def directory(self, request):
        viewer = request.user
        project_names = project_names_in(viewer_project_groups(viewer), self.locale)
        people = self.members_for(project_names)

        query = clean_query(request.GET.get("q", ""))
        for word in query.split():
            people = people.filter(Q(first_name__icontains=word) | Q(last_name__icontains=word))
        companies = list(
            MemberCompany.objects.filter(member_profiles__user__in=directory_members().values("pk"))
            .distinct()
            .order_by(Lower("name"))
        )
        company = next((c for c in companies if str(c.pk) == request.GET.get("company")), None)
        if company:
            people = people.filter(member_profile__company=company)
        project = request.GET.get("project", "")
        if project.isdigit() and int(project) in project_names:
            people = people.filter(groups=int(project))
        else:
            project = ""

        page = paginate(request, people, PEOPLE_PER_PAGE)
        page.object_list = self.with_project_names(list(page.object_list), project_names)
        return self.render(
            request,
            context_overrides={
                "people": page,
                "search_query": query,
                "companies": companies,
                "selected_company": company,
                "projects": sorted(project_names.items(), key=lambda item: item[1].lower()),
                "selected_project": int(project) if project else None,
            },
        )

    @path("<int:user_id>/", name="person")
    def person(self, request, user_id):
        """One member's profile, by the same rules as the directory; 404 for anyone who is
        not an active member."""
        project_names = project_names_in(viewer_project_groups(request.user), self.locale)
        person = get_object_or_404(self.members_for(project_names), pk=user_id)
        self.with_project_names([person], project_names)
        name = person.get_full_name() or person.get_username()
        head = replace(
            self.get_head(request),
            title=name,
            document_title=document_title(name),
            url=self.get_full_url(request) + self.reverse_subpage("person", args=[user_id]),
        )
        return self.render(
            request,
            context_overrides={"person": person, "head": head},
            template="intranet/person_page.html",
        )
