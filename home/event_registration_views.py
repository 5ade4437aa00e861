"""The pages of registration for an event, served as routes of its EventPage
(home/event_registrations.py does the work):

- `register/` (POST): a visitor's form (public events) or a member's one button
  (members-only events), answered with where the person stands;
- `cancel/<token>/`: the link in the e-mails, a page with one button (mail scanners open
  links, so the GET changes nothing), and `cancel/` (POST): a logged-in member's button;
- `participants/` and `participants.csv`: the list and its export, for staff and the leads
  of the project the event is restricted to.

The event page itself shows the state of registration before the form (`RegistrationBlock`):
places left, or that the event is full and sign-ups go to the waiting list. Every answer
here is personal, so none is kept by a cache (site_core.http_caching.mark_private).
"""

import csv

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.functional import cached_property
from django.utils.translation import gettext

from home import event_registrations
from home.forms import EventRegistrationForm
from home.models.footer import Footer
from site_core.http_caching import mark_private
from site_core.pages import paginate
from site_core.rate_limits import take_slot
from site_core.spreadsheets import neutralise

PARTICIPANTS_PER_PAGE = 50
RATE_SCOPE = "event-registration-rate"


class RegistrationBlock:
    """What the event page shows about signing up, worked out only when the template asks:
    whether sign-ups are open, places taken and left, whether it is full, the person's own
    registration (a logged-in member), and the form (`form`, bound after a failed POST)."""

    def __init__(self, event, request, form=None):
        self.event = event
        self.request = request
        self._form = form

    @property
    def open(self):
        return self.event.accepts_registrations

    @cached_property
    def counts(self):
        return event_registrations.counts(self.event)

    @property
    def places_left(self):
        return event_registrations.places_left(self.event, self.counts["confirmed"])

    @property
    def full(self):
        return self.places_left == 0

    @cached_property
    def members_only(self):
        return event_registrations.is_members_only(self.event)

    @cached_property
    def mine(self):
        return event_registrations.registration_for(self.event, self.request.user)

    @cached_property
    def may_manage(self):
        return event_registrations.may_manage(self.request.user, self.event)

    @cached_property
    def form(self):
        if self._form is not None:
            return self._form
        user = self.request.user
        initial = {"was_full": self.full}
        if user.is_authenticated:
            # A logged-in member signs up for a public event with the account's details.
            initial |= {
                "name": user.get_full_name(),
                "email": user.email,
                "company": event_registrations.member_company(user),
            }
        return EventRegistrationForm(initial=initial)

    @cached_property
    def privacy_url(self):
        """The privacy statement in the event's language, as the membership form links it."""
        footer = Footer.live_for_locale(self.event.locale)
        return footer.statement_url(footer.privacy_page, self.event.locale_id) if footer else ""


def render_event(event, request, block, status=200):
    """The event page with `block` (a RegistrationBlock) as its registration section."""
    response = event.render(request, context_overrides={"registration": block})
    response.status_code = status
    return response


def render_sub_view(event, request, template, status=200, **context):
    """One of the registration pages (`template`, home/events/*.html) of `event`, with
    `context` on top of the page's."""
    response = event.render(request, template=template, context_overrides=context)
    response.status_code = status
    return response


def login_redirect(request):
    """To the member login page, and back to this address after it."""
    return redirect_to_login(
        request.get_full_path(), resolve_url(settings.WAGTAIL_FRONTEND_LOGIN_URL)
    )


def register(event, request):
    """POST: sign up (see the module's docstring); GET: the event page with its form."""
    mark_private(request)
    block = RegistrationBlock(event, request)
    if request.method != "POST":
        return render_event(event, request, block)
    if not block.open:
        return render_event(event, request, block, status=409)
    was_full = request.POST.get("was_full") in ("True", "true", "1", "on")
    user = request.user
    if block.members_only:
        if not user.is_authenticated:
            return login_redirect(request)
        registration, outcome = event_registrations.sign_up(
            event,
            name=user.get_full_name() or user.get_username(),
            email=user.email,
            company=event_registrations.member_company(user),
            language=event_registrations.email_language(user, event.locale.language_code),
            user=user,
            root_url=request.build_absolute_uri("/"),
        )
    else:
        form = EventRegistrationForm(request.POST)
        if form.is_bot():
            # Look like success so the bot moves on; store and send nothing.
            return render_sub_view(
                event, request, "home/events/registered.html", outcome="confirmed"
            )
        if not form.is_valid():
            return render_event(event, request, RegistrationBlock(event, request, form), 400)
        if not take_slot(
            RATE_SCOPE,
            request,
            event_registrations.RATE_LIMIT,
            event_registrations.RATE_WINDOW,
        ):
            form.add_error(
                None,
                gettext(
                    "We have received many sign-ups from your address. Please try again in an hour."
                ),
            )
            return render_event(event, request, RegistrationBlock(event, request, form), 429)
        data = form.cleaned_data
        own_address = user.is_authenticated and data["email"].lower() == user.email.lower()
        registration, outcome = event_registrations.sign_up(
            event,
            name=data["name"],
            email=data["email"],
            company=data["company"],
            language=event.locale.language_code,
            user=user if own_address else None,
            root_url=request.build_absolute_uri("/"),
        )
        if outcome == event_registrations.ALREADY and not own_address:
            # Whether an address is signed up is its owner's to know, not the typist's (no
            # enumeration, as the newsletter): answer as a new sign-up would be answered
            # now, and send the owner their details again, with the cancel link.
            event_registrations.send_status_mail(
                event, registration, root_url=request.build_absolute_uri("/")
            )
            outcome = event_registrations.newcomer_outcome(event)
    return render_sub_view(
        event,
        request,
        "home/events/registered.html",
        registration=registration,
        outcome=outcome,
        became_full=outcome == event_registrations.WAITING and not was_full,
    )


def cancel(event, request, token):
    """The cancel link of the e-mails: GET a page with one button, POST cancels. A damaged
    link, or one whose registration was erased, gets a page saying so (404)."""
    mark_private(request)
    registration = event_registrations.registration_for_token(event, token)
    if registration is None:
        return render_sub_view(event, request, "home/events/cancel_invalid.html", status=404)
    if not registration.is_active:
        return render_sub_view(event, request, "home/events/cancelled.html")
    if request.method == "POST":
        event_registrations.cancel(event, registration, request.build_absolute_uri("/"))
        return render_sub_view(event, request, "home/events/cancelled.html")
    return render_sub_view(event, request, "home/events/cancel.html", registration=registration)


def cancel_mine(event, request):
    """POST: a logged-in member cancels their own registration for `event`."""
    if request.method != "POST":
        return HttpResponseRedirect(event.url + "#registration")
    if not request.user.is_authenticated:
        return login_redirect(request)
    mark_private(request)
    registration = event_registrations.registration_for(event, request.user)
    if registration is not None:
        event_registrations.cancel(event, registration, request.build_absolute_uri("/"))
    return render_sub_view(event, request, "home/events/cancelled.html")


def check_manager(event, request):
    """Refuse anyone but staff and the event's project leads: anonymous visitors go to the
    login page (None is returned for those who may see the list)."""
    mark_private(request)
    if not request.user.is_authenticated:
        return login_redirect(request)
    if not event_registrations.may_manage(request.user, event):
        raise PermissionDenied
    return None


def participants(event, request):
    """The participant list: confirmed then wait-listed, each in the order they signed up,
    PARTICIPANTS_PER_PAGE a page."""
    refused = check_manager(event, request)
    if refused:
        return refused
    rows = event_registrations.active_registrations(event).order_by("status", "created_at", "pk")
    return render_sub_view(
        event,
        request,
        "home/events/participants.html",
        participants=paginate(request, rows, per_page=PARTICIPANTS_PER_PAGE),
        counts=event_registrations.counts(event),
    )


def participants_csv(event, request):
    """The participant list as CSV (UTF-8 with BOM for spreadsheets), every cell
    formula-safe (site_core.spreadsheets.neutralise): the names are what visitors typed."""
    refused = check_manager(event, request)
    if refused:
        return refused
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}-participants.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [gettext("Name"), gettext("E-mail"), gettext("Company"), gettext("Status"),
         gettext("Signed up")]
    )  # fmt: skip
    rows = event_registrations.active_registrations(event).order_by("status", "created_at", "pk")
    for row in rows.iterator():
        writer.writerow(
            [
                neutralise(row.name),
                neutralise(row.email),
                neutralise(row.company),
                row.get_status_display(),
                row.created_at.isoformat(timespec="minutes"),
            ]
        )
    return response
