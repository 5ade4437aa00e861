"""Events: upcoming before past, and iCalendar export per event and per calendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from home.models import EventPage
from tests.conftest import fresh
from tests.factories import as_committed, bilingual_site

from .factories import add_events, events_section, restrict_to_members

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def events_built(shared_db):
    with as_committed():
        return events_section(bilingual_site())


@pytest.fixture
def calendar(events_built):
    """The Norwegian calendar of home.factories.EVENTS, in both languages."""
    return fresh(events_built)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    return Calendar.from_ical(response.content)


def test_upcoming_events_come_first_and_past_ones_separately(client, calendar):
    body = client.get("/en/events/").content.decode()
    upcoming, past = body.split('id="past-heading"')
    assert upcoming.index("Members&#x27; meeting") < upcoming.index("Study trip to Stockholm")
    assert "Annual conference" not in upcoming
    assert "Annual conference" in past
    assert past.index("Breakfast meeting on exports") < past.index("Annual conference")


@pytest.mark.parametrize("page", ["abc", "99999", "-3"])
def test_bad_page_numbers_give_a_normal_calendar(client, calendar, page):
    assert client.get("/nb/arrangementer/", {"page": page}).status_code == 200


@pytest.mark.parametrize(
    ("path", "language", "summary"),
    [
        ("/nb/arrangementer/ical/", "nb", "Studietur til designuka i Stockholm"),
        ("/en/events/ical/", "en", "Study trip to Stockholm Design Week"),
    ],
)
def test_whole_calendar_exports_this_languages_events(client, calendar, path, language, summary):
    calendar = parse(client.get(path))
    events = calendar.walk("VEVENT")
    assert len(events) == 5
    summaries = [str(event["SUMMARY"]) for event in events]
    assert summary in summaries
    assert all(f"/{language}/" in str(event["URL"]) for event in events)
    assert len({str(event["UID"]) for event in events}) == 5
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Oslo"


def test_single_event_exports_with_oslo_times(client, calendar):
    event = EventPage.objects.get(locale__language_code="en", slug="members-meeting")
    calendar = parse(client.get("/en/events/members-meeting/ical/"))
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Members' meeting and cluster gathering"
    assert str(entry["LOCATION"]) == "Ålesund"
    start = entry.decoded("DTSTART")
    assert start.tzinfo.key == "Europe/Oslo" if hasattr(start.tzinfo, "key") else True
    assert entry["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert start == event.start
    assert start.astimezone(ZoneInfo("Europe/Oslo")).hour == 10
    assert entry.decoded("DTEND") - start == datetime.timedelta(hours=6)


def test_calendar_leaves_out_draft_and_restricted_events(client, calendar):
    draft, private = add_events(calendar, 2)
    draft.unpublish()
    restrict_to_members(private)
    calendar = parse(client.get("/nb/arrangementer/ical/"))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert draft.title not in summaries
    assert private.title not in summaries
    listing = client.get("/nb/arrangementer/").content.decode()
    assert draft.title not in listing and private.title not in listing


def test_event_page_offers_registration_and_calendar(client, calendar):
    body = client.get("/en/events/members-meeting/").content.decode()
    assert 'href="https://www.example.no/pamelding"' in body
    assert 'href="/en/events/members-meeting/ical/"' in body
