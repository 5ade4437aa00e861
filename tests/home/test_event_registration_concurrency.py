"""The last place of an event goes to one person when several sign up at the same moment,
and an address submitted twice at once gets one registration (separate connections, as
requests on several app servers)."""

import threading

import pytest
from django.db import connection

from home import event_registrations
from home.models.event_registrations import EventRegistration
from site_core.settings import base
from tests.factories import EventIndexPageFactory, EventPageFactory, bilingual_site, publish

pytestmark = pytest.mark.skipif(
    not base.USING_POSTGRES,
    reason="PostgreSQL only: production's database, where the lock is a row lock. Threads "
    "share SQLite's in-memory test database, where a writer makes the other fail at once.",
)

Status = EventRegistration.Status


def at_once(count, sign_up):
    """Run `sign_up(number)` in `count` threads released together; returns the errors."""
    ready = threading.Barrier(count, timeout=30)
    errors = []

    def person(number):
        try:
            ready.wait()
            sign_up(number)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=person, args=(number,)) for number in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors


@pytest.fixture
def event(committed_database):
    site = bilingual_site()
    calendar = publish(EventIndexPageFactory(parent=site.nb))
    return publish(EventPageFactory(parent=calendar, registration_open=True, capacity=1))


def test_the_last_place_goes_to_one_of_those_signing_up_at_once(event):
    errors = at_once(
        4,
        lambda number: event_registrations.sign_up(
            event, name=f"Person {number}", email=f"person{number}@example.no", language="nb"
        ),
    )
    assert errors == []
    statuses = sorted(EventRegistration.objects.values_list("status", flat=True))
    assert statuses == [Status.CONFIRMED, Status.WAITING, Status.WAITING, Status.WAITING]


def test_an_address_sent_twice_at_once_is_registered_once(event):
    errors = at_once(
        3,
        lambda number: event_registrations.sign_up(
            event, name="Kari", email="Kari@example.no" if number else "kari@example.no",
            language="nb",
        ),
    )  # fmt: skip
    assert errors == []
    assert EventRegistration.objects.count() == 1
