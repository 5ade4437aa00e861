"""The projects page of the intranet: which projects a member may ask to join."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import path

from intranet import join_requests
from intranet.project_forms import JoinRequestForm
from site_core import privacy
from site_core.page_mixins import IntroMixin

from .base import IntranetRoutablePage
from .projects import ProjectSpacePage, page_urls


class ProjectListPage(IntroMixin, IntranetRoutablePage):
    """The projects that accept requests to join, for every member: name and public
    summary only (never the description), whether the member is in it or has asked, and
    a form to ask with a short message."""

    content_panels = IntranetRoutablePage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("project list")
        verbose_name_plural = _("project lists")

    def open_projects(self):
        """The live project spaces of this language that accept join requests, by title;
        listed whatever their privacy (only their title and summary are shown)."""
        return (
            ProjectSpacePage.objects.live()
            .sibling_of(self)
            .filter(locale_id=self.locale_id, accepts_join_requests=True)
            .only("id", "title", "summary", "group_id", "path", "depth", "url_path")
            .order_by("title")
        )

    def get_listings(self, request, bound_form=None):
        user = request.user
        groups = privacy.user_group_ids(user)
        asked = {r.group_id for r in join_requests.pending_for(user)}
        projects = list(self.open_projects())
        for project in projects:
            project.is_member = project.group_id in groups
            project.has_asked = project.group_id in asked
            if bound_form is not None and bound_form.data.get("project") == str(project.pk):
                project.join_form = bound_form
            else:
                project.join_form = JoinRequestForm(
                    initial={"project": project.pk}, auto_id=f"join-{project.pk}-%s"
                )
        return {"projects": projects, "bound_form": bound_form}

    @path("")
    def project_list(self, request):
        """The list (GET) and a request to join one of its projects (POST)."""
        if request.method != "POST":
            return self.render(request)
        form = JoinRequestForm(request.POST, auto_id=f"join-{request.POST.get('project')}-%s")
        project = None
        if form.is_valid():
            project = self.open_projects().filter(pk=form.cleaned_data["project"]).first()
            if project is None:
                form.add_error(None, gettext("This project does not take requests to join."))
        if project is None:
            return self.render(request, context_overrides=self.get_listings(request, form))
        if project.group_id in privacy.user_group_ids(request.user):
            messages.info(
                request,
                gettext("You are already a member of %(project)s.") % {"project": project.title},
            )
        else:
            join_requests.ask(
                request.user,
                project.group,
                form.cleaned_data["message"],
                page_urls(project, "join_requests"),
            )
            messages.success(
                request,
                gettext(
                    "Your request to join %(project)s is sent. The project's leads will "
                    "answer you by e-mail."
                )
                % {"project": project.title},
            )
        return redirect(self.url)
