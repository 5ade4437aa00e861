from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render, resolve_url
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import BaseViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from intranet import access, join_requests
from intranet.invitations import InviteMemberView
from intranet.models import JoinRequest, MemberProfile, ProjectSpacePage
from intranet.models.projects import page_urls
from site_core import http_caching, privacy


def refuse(request, restrictions):
    """The answer for a request that fails group or login privacy, or None to serve it.

    Anonymous visitors go to the login page and come back; signed-in users who
    lack the group get a 403 that names nothing (Wagtail would send them to
    the login page again, which tells them nothing and loops).
    """
    if not restrictions:
        return None
    http_caching.mark_private(request)
    failed = [r for r in restrictions if not privacy.passes(r, request.user)]
    if not failed or any(r.restriction_type == BaseViewRestriction.PASSWORD for r in failed):
        return None  # Wagtail's own hook handles password privacy, which we do not use.
    if not request.user.is_authenticated:
        login_url = resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)
        return redirect_to_login(request.get_full_path(), login_url)
    return render(request, "intranet/forbidden.html", status=403)


@hooks.register("before_serve_page", order=-1)
def enforce_page_privacy(page, request, serve_args, serve_kwargs):
    # The page's restrictions and its translations' (site_core.privacy): a translation
    # left in a public section is as private as its source.
    restrictions = privacy.page_restrictions(page)
    # Wagtail's own check runs after this one on the same page object: let it reuse the result.
    page.get_view_restrictions = lambda: restrictions
    return refuse(request, list(restrictions))


@hooks.register("before_serve_document", order=-1)
@hooks.register("before_serve_image", order=-1)
def enforce_collection_privacy(document_or_image, request):
    """Documents (Wagtail's view) and images (site_core.media_views) of a restricted
    collection: login for anonymous visitors, a 403 for members without the group."""
    restrictions = document_or_image.collection.get_view_restrictions()
    return refuse(request, list(restrictions.prefetch_related("groups")))


@hooks.register("may_manage_event_registrations")
def project_leads_manage_their_events(user, event):
    """The leads of a project see the participants of an event restricted to its group
    (home.event_registrations.may_manage asks this for everyone who is not staff)."""
    return any(
        access.is_project_lead(user, group)
        for restriction in privacy.page_restrictions(event)
        for group in restriction.groups.all()
        if group.name.startswith(access.PROJECT_GROUP_PREFIX)
    )


@hooks.register("public_projects_of_company")
def public_projects_of_company(company, locale):
    """The live project spaces in `locale` (a Locale) ticked "public project" that people
    of `company` (a home.MemberCompany, any translation) take part in, by title; the home
    app's company page shows their title and public summary. One query."""
    takes_part = MemberProfile.objects.filter(
        company__translation_key=company.translation_key, user__is_active=True
    ).values("user__groups")
    return (
        ProjectSpacePage.objects.live()
        .filter(locale=locale, shown_on_company_pages=True, group__in=takes_part)
        .order_by("title")
        .only("title", "summary")
    )


@hooks.register("member_company_name")
def member_company_name(user):
    """The member company a member works for (their profile), or "" without one."""
    profile = MemberProfile.objects.filter(user=user).select_related("company").first()
    return profile.company.name if profile and profile.company else ""


@hooks.register("member_email_language")
def member_email_language(user):
    """The language a member chose for e-mails (their profile), or None without a profile."""
    profile = MemberProfile.objects.filter(user=user).only("preferred_language").first()
    return profile.preferred_language if profile else None


@hooks.register("register_admin_urls")
def register_invite_url():
    return [path("invite-member/", InviteMemberView.as_view(), name="intranet_invite_member")]


class InviteMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("intranet.invite_member")


@hooks.register("register_admin_menu_item")
def register_invite_menu_item():
    return InviteMenuItem(
        _("Invite a member"), reverse("intranet_invite_member"), icon_name="user", order=650
    )


class MemberProfileViewSet(SnippetViewSet):
    """Staff can change a member's company and e-mail language; invitations create profiles."""

    model = MemberProfile
    icon = "user"
    menu_label = _("Member profiles")
    add_to_admin_menu = True
    menu_order = 660
    list_display = ["__str__", "company", "preferred_language", "last_digest_at"]
    search_fields = ["user__first_name", "user__last_name", "user__email"]


register_snippet(MemberProfileViewSet)


class JoinRequestEditView(EditView):
    """Staff decide a request by setting its status: approving adds the member to the
    project and both answers e-mail the member, as in the intranet (intranet.join_requests)."""

    def save_instance(self):
        join_request = JoinRequest.objects.select_related("user__member_profile", "group").get(
            pk=self.object.pk
        )
        status = self.form.cleaned_data["status"]
        if join_request.status == JoinRequest.Status.PENDING and status != join_request.status:
            space = ProjectSpacePage.objects.filter(group_id=join_request.group_id).first()
            urls = page_urls(space) if space else {}
            join_requests.decide(
                join_request, self.request.user, status == JoinRequest.Status.APPROVED, urls
            )
            join_request.refresh_from_db()
        return join_request


class JoinRequestIndexView(IndexView):
    def get_base_queryset(self):
        # The member, the project and who decided, in the list's one query.
        return super().get_base_queryset().select_related("user", "group", "decided_by")


class JoinRequestViewSet(ModelViewSet):
    """Every request to join a project, for staff: filter by status and project, and
    approve or decline a pending one (its status). Needs the "change join request"
    permission (Settings → Groups), which Editors have (migration)."""

    model = JoinRequest
    icon = "group"
    menu_label = _("Join requests")
    add_to_admin_menu = True
    menu_order = 670
    form_fields = ["status"]
    list_display = ["member_name", "group", "message", "status", "created_at", "decided_by"]
    list_filter = ["status", "group"]
    copy_view_enabled = False
    inspect_view_enabled = True
    edit_view_class = JoinRequestEditView
    index_view_class = JoinRequestIndexView


@hooks.register("register_admin_viewset")
def register_join_request_viewset():
    return JoinRequestViewSet("join_requests")
