"""The dashboard's upcoming events: public ones, plus members-only ones the member may open."""

from html import escape

import pytest
from django.utils import timezone

from home.models import EventPage
from intranet import access
from tests.factories import EventPageFactory, as_committed, log_in, publish, translate

pytestmark = pytest.mark.django_db

PROJECT_EVENT = ("Prosjektmøte: Sirkulære materialer", "Project meeting: Circular materials")


@pytest.fixture
def project_event(public_site):
    """A coming event in the public calendar that only project A may open."""
    calendar = public_site.pages["event index"].nb
    with as_committed():
        event = publish(EventPageFactory(parent=calendar, title=PROJECT_EVENT[0]))
        project_a = public_site.intranet.project_a.group
        access.ensure_group_restriction(event, access.project_groups(project_a))
        translate(event, dict([PROJECT_EVENT]))
    return public_site.intranet


def events_section(body):
    return body.split('id="upcoming-events"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("language", "project_event_title"), [("nb", PROJECT_EVENT[0]), ("en", PROJECT_EVENT[1])]
)
def test_dashboard_lists_upcoming_events_in_the_members_language(
    client, project_event, language, project_event_title
):
    intranet_site = project_event
    url = getattr(intranet_site.home, language).url
    upcoming = (
        EventPage.objects.live()
        .public()
        .filter(locale__language_code=language, end__gte=timezone.now())
    )
    first = upcoming.order_by("start").first()

    log_in(client, intranet_site.people["member_b"])
    section = events_section(client.get(url).content.decode())
    assert escape(first.title) in section
    assert project_event_title not in section

    log_in(client, intranet_site.people["member_a"])
    assert project_event_title in events_section(client.get(url).content.decode())
