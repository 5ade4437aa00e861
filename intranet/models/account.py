from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.http import HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from intranet import my_account
from site_core import http_caching
from site_core.page_mixins import IntroMixin

from .base import IntranetPage
from .people import project_names_in, viewer_project_groups


class AccountPage(RoutablePageMixin, IntroMixin, IntranetPage):
    """The member's own account: name and contact details, password, e-mail language and
    digest, what the people directory shows, a download of their data, and closing the
    account. Each form posts to its own route and comes back here with a message."""

    content_panels = IntranetPage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("account page")
        verbose_name_plural = _("account pages")

    def serve(self, request, *args, **kwargs):
        # Routes are called by RoutablePageMixin.serve without IntranetPage.serve.
        http_caching.mark_private(request)
        return super().serve(request, *args, **kwargs)

    def own_project_names(self, user):
        """{group id: project name} of the projects `user` is a member of."""
        return project_names_in(viewer_project_groups(user).filter(user=user), self.locale)

    def forms(self, request, bound=None):
        """The page's four forms, unbound, but `bound` ({name: form}) in their places."""
        user = request.user
        forms = {
            "name_form": my_account.NameForm(user),
            "password_form": my_account.PasswordChangeForm(request),
            "notifications_form": my_account.NotificationsForm(user, self.own_project_names(user)),
            "privacy_form": my_account.PrivacyForm(user),
        }
        forms.update(bound or {})
        return forms

    def show(self, request, bound=None):
        return self.render(request, context_overrides=self.forms(request, bound))

    def saved(self, request, message, anchor):
        messages.success(request, message)
        return HttpResponseRedirect(self.url + f"#{anchor}")

    def post_only(self, request, make_form, message, anchor, after=None):
        """Validate the form `make_form(data)` from a POST: save it and come back with
        `message`, or show the page again with the errors and what was typed."""
        if request.method != "POST":
            return HttpResponseRedirect(self.url)
        form = make_form(request.POST)
        if not form.is_valid():
            return self.show(request, {f"{anchor}_form": form})
        form.save()
        if after:
            after(form)
        return self.saved(request, message, anchor)

    @path("")
    def overview(self, request):
        return self.show(request)

    @path("name/", name="name")
    def change_name(self, request):
        return self.post_only(
            request,
            lambda data: my_account.NameForm(request.user, data),
            gettext("Your details are saved."),
            "name",
        )

    @path("password/", name="password")
    def change_password(self, request):
        return self.post_only(
            request,
            lambda data: my_account.PasswordChangeForm(request, data),
            gettext("Your password is changed."),
            "password",
            # The session stays logged in with the new password.
            after=lambda form: update_session_auth_hash(request, form.user),
        )

    @path("notifications/", name="notifications")
    def change_notifications(self, request):
        names = self.own_project_names(request.user)
        return self.post_only(
            request,
            lambda data: my_account.NotificationsForm(request.user, names, data),
            gettext("Your e-mail settings are saved."),
            "notifications",
        )

    @path("privacy/", name="privacy")
    def change_privacy(self, request):
        return self.post_only(
            request,
            lambda data: my_account.PrivacyForm(request.user, data),
            gettext("Your choices for the people directory are saved."),
            "privacy",
        )

    @path("my-data/", name="data")
    def download_data(self, request):
        """Everything stored about the member, as a JSON file (my_account.my_data)."""
        response = HttpResponse(
            my_account.my_data_json(request.user), content_type="application/json; charset=utf-8"
        )
        filename = f"my-data-{timezone.localdate().isoformat()}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "private, no-store"
        return response

    @path("close/", name="close")
    def close(self, request):
        """GET: what closing means, and a button; POST: deactivate, log out, confirm."""
        if request.method != "POST":
            return self.render(request, template="intranet/account_close.html")
        my_account.close_account(request.user)
        logout(request)
        return TemplateResponse(request, "intranet/account_closed.html")
