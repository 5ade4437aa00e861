"""The dashboard's upcoming events: public ones, plus members-only ones the member may open."""

from html import escape

import pytest
from django.utils import timezone

from home.models import EventPage

pytestmark = pytest.mark.django_db


def events_section(body):
    return body.split('id="upcoming-events"', 1)[1].split("</section>", 1)[0]


@pytest.mark.parametrize(
    ("url", "language", "project_event"),
    [
        ("/nb/intranett/", "nb", "Prosjektmøte: Sirkulære materialer"),
        ("/en/intranet/", "en", "Project meeting: Circular materials"),
    ],
)
def test_dashboard_lists_upcoming_events_in_the_members_language(
    client, demo, login_as, url, language, project_event
):
    upcoming = (
        EventPage.objects.live()
        .public()
        .filter(locale__language_code=language, end__gte=timezone.now())
    )
    first = upcoming.order_by("start").first()

    login_as("member_b")
    section = events_section(client.get(url).content.decode())
    assert escape(first.title) in section
    assert project_event not in section

    login_as("member_a")
    assert project_event in events_section(client.get(url).content.decode())
