"""Settings → Personal data: staff find, export and erase everything stored about one
e-mail address (site_core.personal_data), with the permission
`site_core.manage_personal_data` (superusers always).

The address travels in the query string of GET requests only within the admin (never in a
link outside it); erasure is a POST from a confirmation page that lists what goes. The
log below the search shows counts, never addresses.
"""

from functools import wraps

from django import forms
from django.conf import settings
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from site_core import personal_data
from site_core.models import PersonalDataErasure

PERMISSION = "site_core.manage_personal_data"
RECENT_ERASURES = 20


def may_manage(user):
    """Whether `user` may find, export and erase personal data."""
    return user.has_perm(PERMISSION)


def requires_permission(view):
    """Answer 403 with an admin page to a user without PERMISSION (Wagtail's own check
    would redirect to the dashboard with a message: a 403 says plainly what happened,
    also to a script)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        if not may_manage(request.user):
            return render(
                request,
                "site_core/admin/personal_data_forbidden.html",
                {"header_title": gettext("Personal data")},
                status=403,
            )
        return view(request, *args, **kwargs)

    return checked


class PersonalDataMenuItem(MenuItem):
    """Settings → Personal data, shown to those who may use it."""

    def is_shown(self, request):
        return may_manage(request.user)


class AddressForm(forms.Form):
    """The one e-mail address staff look up, export or erase."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        error_messages={"invalid": _("Enter a valid e-mail address.")},
    )


def checked_address(data):
    """The valid address in `data` (a QueryDict), or None."""
    form = AddressForm(data)
    return form.cleaned_data["email"] if form.is_valid() else None


def describe_counts(counts):
    """ "2 membership applications, 1 newsletter sign-up" for {kind key: count}, in the
    active language; kinds with none are left out ("nothing" when all are)."""
    labels = {kind.key: kind for kind in personal_data.registered_kinds()}
    parts = [
        ngettext("%(count)d record of “%(kind)s”", "%(count)d records of “%(kind)s”", count)
        % {"count": count, "kind": labels[key].label if key in labels else key}
        for key, count in counts.items()
        if count
    ]
    return ", ".join(parts) if parts else gettext("nothing")


@require_GET
@requires_permission
def search(request):
    """The search form; with `email`, what is stored about that address."""
    form = AddressForm(request.GET or None)
    email = form.cleaned_data["email"] if form.is_valid() else None
    found = personal_data.find(email) if email else None
    erasures = PersonalDataErasure.objects.select_related("erased_by")[:RECENT_ERASURES]
    return render(
        request,
        "site_core/admin/personal_data.html",
        {
            "header_title": gettext("Personal data"),
            "form": form,
            "email": email,
            "found": found,
            "total": sum(len(records) for _kind, records in found) if found else 0,
            "query": urlencode({"email": email}) if email else "",
            "erasures": [(erasure, describe_counts(erasure.counts)) for erasure in erasures],
            "retention_months": settings.PERSONAL_DATA_RETENTION_MONTHS,
        },
    )


@require_GET
@requires_permission
def export(request, file_format):
    """Everything about `email` as a download: JSON or CSV (`file_format`)."""
    email = checked_address(request.GET)
    if file_format not in ("json", "csv"):
        raise Http404
    if email is None:
        return redirect(reverse("site_core_personal_data"))
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if file_format == "json":
        response = HttpResponse(
            personal_data.export_json(email), content_type="application/json; charset=utf-8"
        )
    else:
        # With a BOM, so that spreadsheets read æ, ø and å right.
        response = HttpResponse(
            "\ufeff" + personal_data.export_csv(email), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = f'attachment; filename="personal-data-{stamp}.{file_format}"'
    return response


@require_http_methods(["GET", "POST"])
@requires_permission
def erase(request):
    """GET: what would be erased about `email`, and a button. POST: erase it, log the
    counts (site_core.personal_data.erase) and go back to the search with a message."""
    data = request.POST if request.method == "POST" else request.GET
    email = checked_address(data)
    if email is None:
        return redirect(reverse("site_core_personal_data"))
    if request.method == "POST":
        counts = personal_data.erase(email, request.user)
        messages.success(request, gettext("Erased: %(what)s.") % {"what": describe_counts(counts)})
        return redirect(reverse("site_core_personal_data"))
    found = personal_data.find(email)
    return render(
        request,
        "site_core/admin/personal_data_erase.html",
        {
            "header_title": gettext("Erase personal data"),
            "email": email,
            "found": found,
            "total": sum(len(records) for _kind, records in found),
            "back": reverse("site_core_personal_data") + "?" + urlencode({"email": email}),
        },
    )
