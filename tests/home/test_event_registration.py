"""Registration for events on the site: visitors and members sign up, a full event says so
and puts people on the waiting list, a cancellation moves the first one up, every e-mail is
in the person's language with the event's .ics file, and only staff and the project's leads
see who is coming."""

import csv
import io
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.utils import timezone
from icalendar import Calendar

from home import event_registrations
from home.models.event_registrations import EventRegistration
from home.personal_data import expired_event_registrations
from intranet import access
from site_core import personal_data
from tests.conftest import fresh
from tests.factories import EventPageFactory, as_committed, log_in, publish, translate
from tests.intranet.factories import MemberFactory

pytestmark = pytest.mark.django_db

Status = EventRegistration.Status
TITLES = ("Verksted om tre", "Workshop on wood")
PROJECT_EVENT = ("Prosjektmøte om prøvene", "Project meeting on the samples")
LINK = re.compile(r"https?://testserver(/\S+)")
VISITOR = {
    "name": "Kari Nordmann",
    "email": "kari@example.no",
    "company": "Eik AS",
    "consent": "on",
}

TEXT = {
    "nb": SimpleNamespace(
        registered="Du er påmeldt",
        waiting="Du står på venteliste",
        already="Du er allerede påmeldt",
        full="Arrangementet er fullt.",
        became_full="Den siste plassen ble tatt mens du meldte deg på.",
        bad_email="Skriv en gyldig e-postadresse",
        consent="Kryss av i boksen så vi kan lagre påmeldingen din.",
        subject="Du er påmeldt: Verksted om tre",
        waiting_subject="Du står på venteliste: Verksted om tre",
        promoted_subject="Du har fått plass: Verksted om tre",
        cancelled="Du er meldt av",
    ),
    "en": SimpleNamespace(
        registered="You are registered",
        waiting="You are on the waiting list",
        already="You are already registered",
        full="The event is full.",
        became_full="The last place was taken while you were signing up.",
        bad_email="Enter a valid e-mail address",
        consent="Tick the box to let us store your sign-up.",
        subject="You are registered: Workshop on wood",
        waiting_subject="You are on the waiting list: Workshop on wood",
        promoted_subject="You have a place: Workshop on wood",
        cancelled="Your registration is cancelled",
    ),
}


def event_pages(public_site, titles, **fields):
    """A coming event in both languages that takes registrations: SimpleNamespace(nb=, en=)."""
    calendar = public_site.pages["event index"].nb
    with as_committed():
        page = publish(
            EventPageFactory(parent=calendar, title=titles[0], registration_open=True, **fields)
        )
        english = translate(page, dict([titles]))
    return SimpleNamespace(nb=page, en=english)


@pytest.fixture(scope="module")
def events_built(public_site_built, shared_db):
    """On the shared public site, built once for the module: `.event`, a public event with
    two places, and `.project_event`, an event only project A may open (and its leads
    manage), with two places."""
    public_site = fresh(public_site_built)  # the session's objects stay as they are
    event = event_pages(public_site, TITLES, capacity=2)
    pages = event_pages(public_site, PROJECT_EVENT, capacity=2)
    project_a = public_site.intranet.project_a.group
    for page in (pages.nb, pages.en):
        access.ensure_group_restriction(page, access.project_groups(project_a))
    pages.people = public_site.intranet.people
    return SimpleNamespace(event=event, project_event=pages)


@pytest.fixture
def events(events_built):
    """`events_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(events_built)


@pytest.fixture
def event(events):
    """A public event with two places."""
    return events.event


@pytest.fixture
def project_event(events):
    """An event only project A may open (and its leads manage), with two places."""
    return events.project_event


def url(page, route="", *args):
    return page.url + (page.reverse_subpage(route, args=args) if route else "")


def sign_up(client, page, **data):
    return client.post(url(page, "register"), {**VISITOR, "was_full": "False", **data})


def take_places(page, count, start=0):
    """Fill `count` places of `page` directly (no request), as other people did."""
    for number in range(start, start + count):
        event_registrations.sign_up(
            page, name=f"Deltaker {number}", email=f"deltaker{number}@example.no", language="nb"
        )


def ics(message):
    """The event's calendar from `message`'s .ics attachment (an icalendar VEVENT)."""
    ((filename, content, mimetype),) = message.attachments
    assert filename.endswith(".ics") and mimetype == "text/calendar"
    return Calendar.from_ical(content).walk("VEVENT")[0]


def registration_section(body):
    """The event page's registration section (the footer has a newsletter form too)."""
    return body.split('id="registration"', 1)[1].split("</section>", 1)[0]


def cancel_path(message):
    return next(path for path in LINK.findall(message.body) if "/cancel/" in path)


# --- Signing up ---------------------------------------------------------------------


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_visitor_signs_up_and_gets_the_confirmation_with_the_calendar_file(
    client, event, language
):
    page = getattr(event, language)
    response = sign_up(client, page)
    assert response.status_code == 200
    assert TEXT[language].registered in response.content.decode()
    registration = EventRegistration.objects.get()
    assert (registration.status, registration.company, registration.language) == (
        Status.CONFIRMED,
        "Eik AS",
        language,
    )

    (message,) = mail.outbox
    assert message.to == ["kari@example.no"]
    assert message.subject == TEXT[language].subject
    vevent = ics(message)
    assert str(vevent["summary"]) == page.title
    assert vevent.decoded("dtstart") == page.start
    assert cancel_path(message).startswith(page.url + "cancel/")
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_both_languages_share_one_capacity(client, event):
    take_places(event.nb, 1)
    sign_up(client, event.en, email="emma@example.com")
    response = sign_up(client, event.en, email="john@example.com")
    assert TEXT["en"].waiting in response.content.decode()
    assert event_registrations.counts(event.nb) == {"confirmed": 2, "waiting": 1}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_full_event_says_so_before_the_form(client, event, language):
    page = getattr(event, language)
    before = client.get(page.url).content.decode()
    assert TEXT[language].full not in before
    take_places(event.nb, 2)

    section = registration_section(client.get(page.url).content.decode())
    assert TEXT[language].full in section
    assert section.index(TEXT[language].full) < section.index('name="email"')

    response = sign_up(client, page, was_full="True")
    assert TEXT[language].waiting in response.content.decode()
    assert TEXT[language].became_full not in response.content.decode()
    assert EventRegistration.objects.get(email="kari@example.no").status == Status.WAITING
    (*_others, message) = mail.outbox
    assert message.subject == TEXT[language].waiting_subject
    assert str(ics(message)["summary"]) == page.title


@pytest.mark.parametrize("language", ["nb", "en"])
def test_an_event_that_filled_up_while_the_form_was_open_wait_lists_and_says_so(
    client, event, language
):
    page = getattr(event, language)
    assert 'name="was_full" value="False"' in client.get(page.url).content.decode()
    take_places(event.nb, 2)  # the last places go while Kari types

    response = sign_up(client, page, was_full="False")
    body = response.content.decode()
    assert TEXT[language].became_full in body and TEXT[language].waiting in body
    assert EventRegistration.objects.get(email="kari@example.no").status == Status.WAITING


def test_a_double_submitted_form_makes_one_registration(client, event):
    first = sign_up(client, event.nb)
    second = sign_up(client, event.nb, email="KARI@Example.no")
    assert TEXT["nb"].registered in first.content.decode()
    # The second answer is the first one's: a visitor cannot tell it was a repeat.
    assert TEXT["nb"].registered in second.content.decode()
    assert TEXT["nb"].already not in second.content.decode()
    assert EventRegistration.objects.count() == 1
    # The address's owner gets their details (and cancel link) again.
    assert [message.to for message in mail.outbox] == [["kari@example.no"]] * 2


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_visitor_cannot_learn_whether_an_address_is_registered(client, event, language):
    page = getattr(event, language)
    take_places(event.nb, 1)  # deltaker0@example.no has a place
    known = sign_up(client, page, email="Deltaker0@example.no").content.decode()
    unknown = sign_up(client, page, email="ukjent@example.no").content.decode()
    assert TEXT[language].already not in known
    assert TEXT[language].registered in known and TEXT[language].registered in unknown
    assert "Deltaker 0" not in known  # nothing of the earlier sign-up shows
    assert EventRegistration.objects.filter(email__iexact="deltaker0@example.no").count() == 1


def test_the_database_refuses_a_second_active_registration_for_an_address(event):
    take_places(event.nb, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        EventRegistration.objects.create(
            event_key=event.nb.translation_key,
            name="Igjen",
            email="DELTAKER0@example.no",
            language="nb",
        )


@pytest.mark.parametrize("language", ["nb", "en"])
def test_bad_input_is_explained_in_the_visitors_language_and_kept(client, event, language):
    page = getattr(event, language)
    response = sign_up(client, page, email="kari@", consent="", name="Kari Typet")
    assert response.status_code == 400
    body = response.content.decode()
    assert TEXT[language].bad_email in body
    assert TEXT[language].consent in body
    assert 'value="Kari Typet"' in body and 'value="kari@"' in body and 'value="Eik AS"' in body
    assert EventRegistration.objects.count() == 0
    assert mail.outbox == []


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_consent_links_the_privacy_statement_in_the_pages_language(
    client, event, public_site, language
):
    statement = public_site.pages["about"]  # stands in for the privacy statement
    for code in ("nb", "en"):
        footer = getattr(public_site.footer, code)
        footer.privacy_page = getattr(statement, code)
        footer.save()
    body = client.get(getattr(event, language).url).content.decode()
    consent = body.split('id="id_consent"')[1].split("</div>")[0]
    assert f'href="{getattr(statement, language).url}"' in consent


def test_sign_ups_are_rate_limited_per_visitor(client, event, settings):
    for number in range(event_registrations.RATE_LIMIT):
        sign_up(client, event.nb, email=f"person{number}@example.no")
    response = sign_up(client, event.nb, email="en-for-mye@example.no")
    assert response.status_code == 429
    assert not EventRegistration.objects.filter(email="en-for-mye@example.no").exists()


def test_registration_closes_at_the_deadline(client, public_site):
    event = event_pages(
        public_site,
        ("Frist ute", "Deadline passed"),
        registration_deadline=timezone.now() - timedelta(minutes=1),
    )
    assert (
        "Påmeldingen til dette arrangementet er stengt."
        in client.get(event.nb.url).content.decode()
    )
    assert sign_up(client, event.nb).status_code == 409
    assert EventRegistration.objects.count() == 0


def test_the_honeypot_looks_like_success_and_stores_nothing(client, event):
    response = sign_up(client, event.nb, homepage="http://spam.example.com")
    assert response.status_code == 200
    assert EventRegistration.objects.count() == 0 and mail.outbox == []


# --- Members ------------------------------------------------------------------------


def test_a_member_signs_up_for_a_members_only_event_with_one_button(client, project_event):
    member = MemberFactory(
        first_name="Emma",
        last_name="Engelsk",
        groups=[project_event.people["member_a"].groups.get(name__startswith="Project: ").name],
        profile__preferred_language="en",
    )
    log_in(client, member)
    section = registration_section(client.get(project_event.nb.url).content.decode())
    assert 'name="email"' not in section and "Meld meg på" in section

    client.post(url(project_event.nb, "register"), {"was_full": "False"})
    registration = EventRegistration.objects.get()
    assert (registration.user, registration.name, registration.email) == (
        member,
        "Emma Engelsk",
        member.email,
    )
    # The company from the member's profile, as a visitor types theirs.
    assert registration.company == member.member_profile.company.name != ""
    # The e-mail is in the member's language, not the page's.
    (message,) = mail.outbox
    assert message.subject == f"You are registered: {PROJECT_EVENT[1]}"
    assert str(ics(message)["summary"]) == PROJECT_EVENT[1]

    body = client.get(project_event.nb.url).content.decode()
    assert "Du er påmeldt dette arrangementet." in body
    client.post(url(project_event.nb, "cancel_mine"))
    assert EventRegistration.objects.get().status == Status.CANCELLED


def test_a_member_outside_the_project_cannot_sign_up(client, project_event):
    log_in(client, project_event.people["member_b"])
    assert client.post(url(project_event.nb, "register")).status_code == 403
    assert EventRegistration.objects.count() == 0


def test_a_public_event_fills_in_the_members_details(client, event, intranet_site):
    member = log_in(client, intranet_site.people["member_a"])
    body = client.get(event.nb.url).content.decode()
    assert f'value="{member.email}"' in body and 'value="Sigrid Sirkelsen"' in body
    sign_up(client, event.nb, name="Sigrid Sirkelsen", email=member.email)
    assert EventRegistration.objects.get().user == member


def test_the_dashboard_lists_my_events_first_come_first(client, project_event, event):
    member = log_in(client, project_event.people["member_a"])
    dashboard = "/nb/intranett/"
    body = client.get(dashboard).content.decode()
    section = body.split('id="my-events"', 1)[1].split("</section>", 1)[0]
    assert "Du har ikke meldt deg på noen arrangementer." in section

    take_places(event.nb, 2)
    sign_up(client, event.nb, name="Sigrid", email=member.email)  # waiting list
    client.post(url(project_event.nb, "register"), {"was_full": "False"})
    body = client.get(dashboard).content.decode()
    section = body.split('id="my-events"', 1)[1].split("</section>", 1)[0]
    assert TITLES[0] in section and PROJECT_EVENT[0] in section
    assert "På venteliste" in section and "Påmeldt" in section


# --- Cancelling and the waiting list --------------------------------------------------


def test_cancelling_by_the_link_moves_the_first_on_the_waiting_list_up(client, event):
    take_places(event.nb, 2)
    sign_up(client, event.en, name="Emma Clarke", email="emma@example.com")
    sign_up(client, event.nb, name="Ola", email="ola@example.no")
    first = EventRegistration.objects.get(email="deltaker0@example.no")
    path = cancel_path(next(m for m in mail.outbox if m.to == ["deltaker0@example.no"]))
    mail.outbox.clear()

    confirm_page = client.get(path)
    assert confirm_page.status_code == 200 and "Meld meg av" in confirm_page.content.decode()
    assert EventRegistration.objects.get(pk=first.pk).status == Status.CONFIRMED  # GET: nothing

    response = client.post(path)
    assert TEXT["nb"].cancelled in response.content.decode()
    statuses = dict(EventRegistration.objects.values_list("email", "status"))
    assert statuses == {
        "deltaker0@example.no": Status.CANCELLED,
        "deltaker1@example.no": Status.CONFIRMED,
        "emma@example.com": Status.CONFIRMED,
        "ola@example.no": Status.WAITING,
    }
    # Emma signed up on the English page: her news is in English, with the calendar file.
    (message,) = mail.outbox
    assert message.to == ["emma@example.com"]
    assert message.subject == TEXT["en"].promoted_subject
    assert str(ics(message)["summary"]) == TITLES[1]

    # The link again: nothing more happens.
    client.post(path)
    assert len(mail.outbox) == 1


def test_a_damaged_cancel_link_says_so(client, event):
    sign_up(client, event.nb)
    path = cancel_path(mail.outbox[0])
    assert client.get(path[:-3] + "xx/").status_code == 404


# --- Participants ---------------------------------------------------------------------


def test_the_project_lead_sees_the_participants_of_the_project_event(client, project_event):
    people = project_event.people
    log_in(client, people["member_a"])
    client.post(url(project_event.nb, "register"), {"was_full": "False"})
    EventRegistration.objects.create(
        event_key=project_event.nb.translation_key,
        name='=HYPERLINK("http://evil.example.com")',
        email="gjest@example.no",
        company="+47 Gjest AS",
        language="nb",
    )

    log_in(client, people["lead_a"])
    response = client.get(url(project_event.nb, "participants"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sigrid Sirkelsen" in body and people["member_a"].email in body
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    export = client.get(url(project_event.en, "participants_csv"))
    assert export.status_code == 200
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    assert rows[0] == ["Name", "E-mail", "Company", "Status", "Signed up"]
    company = people["member_a"].member_profile.company.name
    assert rows[1][:4] == ["Sigrid Sirkelsen", people["member_a"].email, company, "Confirmed"]
    assert rows[2][:3] == ["'=HYPERLINK(\"http://evil.example.com\")", "gjest@example.no",
                           "'+47 Gjest AS"]  # fmt: skip
    assert "no-store" in export["Cache-Control"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("anonymous", 302), ("member", 403), ("member_a", 403), ("member_b", 403),
     ("lead_a", 403), ("editor", 200), ("admin", 200)],
)  # fmt: skip
def test_only_staff_see_a_public_events_participants(client, event, intranet_site, role, status):
    take_places(event.nb, 1)
    log_in(client, intranet_site.people[role])
    for route in ("participants", "participants_csv"):
        response = client.get(url(event.nb, route))
        assert response.status_code == status
        assert ("deltaker0@example.no" in response.content.decode()) == (status == 200)


# --- Personal data --------------------------------------------------------------------


def test_registrations_are_found_exported_and_expire_after_the_event(event, settings):
    take_places(event.nb, 1)
    (kind, records), *_ = [
        (kind, records)
        for kind, records in personal_data.find("DELTAKER0@example.no")
        if kind.key == "event-registrations"
    ]
    assert [record.email for record in records] == ["deltaker0@example.no"]
    exported = kind.export(records[0])
    assert exported["event"] == TITLES[0] and exported["status"] == "confirmed"

    now = timezone.now()
    cutoff = personal_data.retention_cutoff(now)
    assert not expired_event_registrations(now, cutoff).exists()
    # Long after the event has ended (and the sign-up), the registration goes.
    later = now + timedelta(days=31 * (settings.PERSONAL_DATA_RETENTION_MONTHS + 1))
    EventRegistration.objects.update(created_at=now - timedelta(days=1))
    assert expired_event_registrations(later, personal_data.retention_cutoff(later)).exists()


def test_staff_find_the_participants_from_the_admin(client, event, intranet_site):
    log_in(client, intranet_site.people["editor"])
    participants = f'href="{url(event.nb, "participants")}"'
    assert participants in client.get(f"/admin/pages/{event.nb.get_parent().id}/").content.decode()
    assert participants in client.get(f"/admin/pages/{event.nb.id}/edit/").content.decode()


def test_more_places_move_the_waiting_list_up_when_the_event_is_published(event):
    take_places(event.nb, 3)  # two places: one on the waiting list
    mail.outbox.clear()
    event.nb.capacity = 3
    with as_committed():
        publish(event.nb)
    assert event_registrations.counts(event.nb) == {"confirmed": 3, "waiting": 0}
    (message,) = mail.outbox
    assert message.to == ["deltaker2@example.no"]
    assert message.subject == TEXT["nb"].promoted_subject
