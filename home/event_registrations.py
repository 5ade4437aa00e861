"""Registration for events on the site: sign up, the waiting list, cancel, the e-mails.

Every change to an event's registrations (a sign-up, a cancellation and the promotion it
causes) runs in one transaction that first locks the event's pages (`select_for_update` on
PostgreSQL; SQLite runs one writer at a time anyway), so two people taking the last place at
once cannot both get it: the second one counts the first's row and goes to the waiting list.
A unique constraint on (lower(e-mail), event) for active rows backs the "already registered"
check against a double submission.

The e-mails are queued in the same transaction (site_core.queued_mail), in the person's
language, with the event's .ics file (home.feeds.calendar_bytes) and a signed cancel link
(`cancel_token`) that works as long as the registration exists.
"""

from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.models import Locale, Page

from home.feeds import calendar_bytes
from home.models.event_registrations import EventRegistration
from site_core import privacy

Status = EventRegistration.Status

# Sign-ups accepted from one visitor address per window (site_core.rate_limits).
RATE_LIMIT = 10
RATE_WINDOW = 60 * 60
CANCEL_SALT = "home.event_registrations.cancel"
# Staff who may see every event's participants (given to Editors by migration home 0014).
STAFF_PERMISSION = "home.view_eventregistration"
# Hooks: fn(user, event) -> bool, True when `user` may see the participants of `event`
# (intranet registers the project leads' rule); fn(user) -> language code or None, the
# language a member chose for e-mails.
MANAGE_HOOK = "may_manage_event_registrations"
LANGUAGE_HOOK = "member_email_language"
# fn(user) -> the name of the member company `user` works for, or "" (intranet: the profile).
COMPANY_HOOK = "member_company_name"

# What sign_up did.
CONFIRMED = "confirmed"
WAITING = "waiting"
ALREADY = "already registered"


def registrations(event):
    """Every registration of `event` (in any of its languages), cancelled ones included."""
    return EventRegistration.objects.filter(event_key=event.translation_key)


def active_registrations(event):
    """The confirmed and wait-listed registrations of `event`, first come first."""
    return registrations(event).filter(status__in=EventRegistration.ACTIVE)


def counts(event):
    """{"confirmed": n, "waiting": n} for `event`, in one query."""
    return registrations(event).aggregate(
        confirmed=Count("pk", filter=Q(status=Status.CONFIRMED)),
        waiting=Count("pk", filter=Q(status=Status.WAITING)),
    )


def newcomer_outcome(event):
    """What a new sign-up for `event` would get now: CONFIRMED while a place is free (or
    there is no limit), else WAITING. One query."""
    free = places_left(event, counts(event)["confirmed"])
    return CONFIRMED if free is None or free > 0 else WAITING


def places_left(event, confirmed):
    """Free places (int) with `confirmed` taken, or None when `event` has no limit."""
    if event.capacity is None:
        return None
    return max(event.capacity - confirmed, 0)


def registration_for(event, user):
    """The active registration of the logged-in `user` for `event` (by account or by the
    account's e-mail address), or None."""
    if not user.is_authenticated:
        return None
    mine = Q(user=user) | Q(email__iexact=user.email) if user.email else Q(user=user)
    return active_registrations(event).filter(mine).first()


def lock(event):
    """Lock `event`'s pages in every language until the transaction ends (the caller's
    `transaction.atomic()`); sign-ups and cancellations of one event then run in turn."""
    list(Page.objects.select_for_update().filter(translation_key=event.translation_key))


def sign_up(event, *, name, email, language, company="", user=None, root_url=None):
    """Register `email` for `event` and queue the e-mail that says so.

    A place when one is free (or the event has no limit), else the waiting list. An address
    with an active registration already (any spelling) gets no second one. `language`
    ("nb"/"en") is the e-mails' language; their links start with `root_url`
    ("https://host", the address the person used; default: the site's). Returns
    (EventRegistration, CONFIRMED | WAITING | ALREADY).
    """
    email = email.strip()
    with transaction.atomic():
        lock(event)
        existing = active_registrations(event).filter(email__iexact=email).first()
        if existing is not None:
            return existing, ALREADY
        free = places_left(event, counts(event)["confirmed"])
        registration = EventRegistration(
            event_key=event.translation_key,
            page=event,
            user=user,
            name=name,
            email=email,
            company=company,
            language=language,
            status=Status.CONFIRMED if free is None or free > 0 else Status.WAITING,
        )
        try:
            with transaction.atomic():
                registration.save()
        except IntegrityError:
            # Another request for the same address committed between our check and insert
            # (possible on databases that ignore the lock).
            return active_registrations(event).get(email__iexact=email), ALREADY
        send_status_mail(event, registration, root_url=root_url)
    return registration, registration.status


def cancel(event, registration, root_url=None):
    """Cancel `registration` of `event` and give free places to the waiting list, first
    come first, each told by e-mail. Returns the promoted registrations (a list); nothing
    happens to a registration cancelled already. `root_url` as for `sign_up`."""
    with transaction.atomic():
        lock(event)
        registration = EventRegistration.objects.get(pk=registration.pk)
        if not registration.is_active:
            return []
        registration.status = Status.CANCELLED
        registration.cancelled_at = timezone.now()
        registration.save(update_fields=["status", "cancelled_at"])
        return promote(event, root_url)


def promote_into_free_places(event):
    """Fill `event`'s free places from its waiting list (after more places were given) in a
    locked transaction of its own. Returns the promoted registrations."""
    with transaction.atomic():
        lock(event)
        return promote(event)


def promote(event, root_url=None):
    """Move wait-listed people of `event` up while places are free; inside the caller's
    locked transaction. Returns the promoted registrations."""
    free = places_left(event, counts(event)["confirmed"])
    waiting = active_registrations(event).filter(status=Status.WAITING)
    promoted = list(waiting if free is None else waiting[:free])
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.promoted_at = timezone.now()
        registration.save(update_fields=["status", "promoted_at"])
        send_status_mail(event, registration, promoted=True, root_url=root_url)
    return promoted


def cancel_token(registration):
    """A token (str of letters, digits and "-", as Wagtail's page URLs allow) naming
    `registration`: its id and an HMAC of the id and address under SECRET_KEY, so a
    token cannot be guessed or moved to another row that later got the same id."""
    return f"{registration.pk}-{token_signature(registration.pk, registration.email)}"


def token_signature(pk, email):
    """32 hex characters of an HMAC (SECRET_KEY, CANCEL_SALT) of the id and address."""
    return salted_hmac(CANCEL_SALT, f"{pk}:{email.lower()}", algorithm="sha256").hexdigest()[:32]


def registration_for_token(event, token):
    """The registration of `event` that `token` (from `cancel_token`) names, or None for a
    forged or damaged token, or one whose registration is gone or of another event."""
    pk, _, signature = token.partition("-")
    if not pk.isdigit():
        return None
    registration = registrations(event).filter(pk=int(pk)).first()
    if registration is None or not constant_time_compare(
        signature, token_signature(registration.pk, registration.email)
    ):
        return None
    return registration


def event_in(event, language):
    """`event`'s page in `language` ("nb"/"en"), or `event` itself when it has none."""
    locale = Locale.objects.filter(language_code=language).first()
    translation_page = event.get_translation_or_none(locale) if locale else None
    return translation_page or event


def send_status_mail(event, registration, promoted=False, root_url=None):
    """Queue the e-mail telling `registration`'s person where they stand at `event`: a
    place (`promoted`: a place after waiting) or the waiting list; in the registration's
    language, with the event's .ics file and the cancel link (under `root_url`, else the
    site's own address)."""
    with translation.override(registration.language):
        page = event_in(event, registration.language)
        _site, site_root, path = page.get_url_parts()
        page_url = (root_url or site_root).rstrip("/") + path
        cancel_url = page_url + page.reverse_subpage("cancel", args=[cancel_token(registration)])
        context = {
            "registration": registration,
            "event": page,
            "event_url": page_url,
            "cancel_url": cancel_url,
            "promoted": promoted,
        }
        if registration.status == Status.WAITING:
            subject = gettext("You are on the waiting list: %(title)s")
        elif promoted:
            subject = gettext("You have a place: %(title)s")
        else:
            subject = gettext("You are registered: %(title)s")
        message = EmailMessage(
            subject=subject % {"title": page.title},
            body=render_to_string("home/email/event_registration.txt", context),
            to=[registration.email],
        )
        message.attach(f"{page.slug}.ics", calendar_bytes([page], page.title), "text/calendar")
        message.send()


def first_hook_answer(hook_name, user):
    """The first truthy answer of the `hook_name` hooks (fn(user)) about `user`, else None:
    how home asks the intranet about a member without importing it."""
    for hook in hooks.get_hooks(hook_name):
        answer = hook(user)
        if answer:
            return answer
    return None


def email_language(user, default):
    """The language `user` chose for e-mails (through the `member_email_language` hook),
    else `default`."""
    return first_hook_answer(LANGUAGE_HOOK, user) or default


def member_company(user):
    """The name of the member company `user` works for (through the `member_company_name`
    hook), else ""."""
    return first_hook_answer(COMPANY_HOOK, user) or ""


def is_members_only(event):
    """True when `event` is restricted (to members or a project): sign-up is then for
    logged-in members with their account's name and address."""
    return privacy.page_restrictions(event).exists()


def may_manage(user, event):
    """Whether `user` may see `event`'s participant list and export: staff with
    STAFF_PERMISSION, or anyone a `may_manage_event_registrations` hook admits (the leads
    of the project the event is restricted to)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(STAFF_PERMISSION):
        return True
    return any(hook(user, event) for hook in hooks.get_hooks(MANAGE_HOOK))
