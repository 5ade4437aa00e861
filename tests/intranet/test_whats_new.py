"""The dashboard's "Since your last visit": unread member news (read in either language
counts), new documents and updates in the member's own projects since their previous
visit started, with counts, links and empty states."""

import datetime

import pytest
from django.utils import timezone
from wagtail.documents import get_document_model

from intranet.models import MemberProfile, ProjectUpdate
from intranet.visits import VISIT_GAP, record_visit
from tests.factories import DocumentFactory, log_in

from .conftest import SECRET

pytestmark = pytest.mark.django_db

NB, EN = "/nb/intranett/", "/en/intranet/"


def section(page, heading_id):
    """The HTML of the dashboard section labelled by `heading_id`."""
    start = page.index(f'aria-labelledby="{heading_id}"')
    return page[start : page.index("</section>", start)]


def dashboard(client, url=NB):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def previous_visit(user, hours_ago):
    """Make `user`'s last visit have started (and ended) `hours_ago` hours ago."""
    moment = timezone.now() - datetime.timedelta(hours=hours_ago)
    MemberProfile.objects.filter(user=user).update(visit_started_at=moment, last_seen_at=moment)
    return moment


def test_unread_news_until_opened_in_either_language(client, intranet_site):
    news = intranet_site.news_item
    log_in(client, intranet_site.people["member"])
    unread = section(dashboard(client), "unread-news")
    assert "1 ulest nyhet" in unread and news.nb.url in unread

    assert client.get(news.en.url).status_code == 200  # read in English
    unread = section(dashboard(client), "unread-news")
    assert news.nb.url not in unread
    assert "Du har lest alle medlemsnyhetene." in unread
    assert "You have read all the member news." in section(dashboard(client, EN), "unread-news")


def test_new_documents_and_updates_in_my_projects_since_my_last_visit(client, intranet_site):
    member_a = intranet_site.people["member_a"]
    project_a, project_b = intranet_site.project_a, intranet_site.project_b
    since = previous_visit(member_a, hours_ago=3)
    # Before the last visit: not new.
    before = since - datetime.timedelta(hours=1)
    ProjectUpdate.objects.filter(page=project_a.nb).update(created_at=before)
    DocumentFactory(title="Gammel rapport", collection=project_a.collection)
    get_document_model().objects.filter(collection=project_a.collection).update(created_at=before)
    # Since: new, but only in member A's own project.
    DocumentFactory(title=f"{SECRET}: runde 2", collection=project_a.collection)
    DocumentFactory(title="Eksportplan", collection=project_b.collection)
    space = project_a.nb
    space.updates.add(
        ProjectUpdate(title="Runde 2 er i gang", body="<p>Ja.</p>", locale=space.locale)
    )
    space.save_revision().publish()

    log_in(client, member_a)
    page = dashboard(client)
    documents = section(page, "new-documents")
    assert "1 nytt dokument i prosjektene dine" in documents
    assert f"{SECRET}: runde 2" in documents
    assert "Gammel rapport" not in documents and "Eksportplan" not in documents
    updates = section(page, "new-updates")
    assert "1 ny prosjektoppdatering" in updates and "Runde 2 er i gang" in updates
    assert "Første materialprøver er klare" not in updates
    assert project_a.nb.url in updates


def test_empty_states_in_both_languages(client, intranet_site):
    member = intranet_site.people["member"]  # in no project
    log_in(client, member)
    page = dashboard(client)
    assert "Siden forrige besøk" in page
    assert "Ingen nye dokumenter i prosjektene dine." in section(page, "new-documents")
    assert "Ingen nye oppdateringer i prosjektene dine." in section(page, "new-updates")
    page = dashboard(client, EN)
    assert "Since your last visit" in page
    assert "No new documents in your projects." in section(page, "new-documents")
    assert "No new updates in your projects." in section(page, "new-updates")


def test_a_visit_starts_after_a_gap_and_the_mark_stays_during_a_visit(intranet_site):
    profile = intranet_site.people["member"].member_profile
    start = timezone.now()
    assert record_visit(profile, start) is None  # the first visit: nothing earlier
    assert record_visit(profile, start + datetime.timedelta(minutes=50)) is None
    later = start + datetime.timedelta(minutes=50) + VISIT_GAP + datetime.timedelta(minutes=1)
    assert record_visit(profile, later) == start
    assert record_visit(profile, later + datetime.timedelta(minutes=10)) == start
    profile.refresh_from_db()
    assert (profile.previous_visit_at, profile.visit_started_at) == (start, later)


def test_the_dashboard_counts_the_visit(client, intranet_site):
    member_a = intranet_site.people["member_a"]
    since = previous_visit(member_a, hours_ago=5)
    log_in(client, member_a)
    dashboard(client)
    profile = MemberProfile.objects.get(user=member_a)
    assert profile.previous_visit_at == since
    assert profile.visit_started_at > since
