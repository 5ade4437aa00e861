"""The access matrix: every role against every door to restricted content.

Rows are resources (name -> URL builder), columns are roles; each cell is the
expected outcome. Every response that should not show project A's content is
also searched for project A's code name and links, so a leak through a listing, search
result, sitemap or error page fails the test. Add a resource by adding a URL
builder and a row.
"""

from urllib.parse import parse_qs, urlparse

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from intranet.demo import MEMBER_DOCUMENTS, PROJECTS, PUBLIC_DOCUMENTS
from intranet.models import ProjectSpacePage

from .conftest import ROLES, SECRET, body_of, document_url, without_query_echo

# What gives project A away: its code name, and links to its space in either language.
LEAK_MARKERS = [
    SECRET,
    "/sirkulaere-materialer/",
    "/circular-materials/",
    "/prosjektmote-sirkulaere-materialer/",
    "/project-meeting-circular-materials/",
]

pytestmark = pytest.mark.django_db


def profile_of_member_a(prefix):
    """The people directory's page of project A's member "sirkel" under `prefix`."""
    return f"{prefix}{get_user_model().objects.get(username='sirkel').pk}/"


# Outcomes
SEES = "200, shows project A's content"
OK = "200, nothing of project A"
LOGIN = "redirect to login"
DENY = "403"

RESOURCES = {
    "intranet home nb": lambda: "/nb/intranett/",
    "intranet home en": lambda: "/en/intranet/",
    "member news": lambda: "/nb/intranett/nyheter/arsmotet-2026/",
    "member news en": lambda: "/en/intranet/news/annual-meeting-2026/",
    "document library": lambda: "/nb/intranett/dokumenter/",
    "project A space": lambda: "/nb/intranett/sirkulaere-materialer/",
    "project A space en": lambda: "/en/intranet/circular-materials/",
    "project A document": lambda: document_url(PROJECTS[0]["documents"][0]),
    "members-only document": lambda: document_url(MEMBER_DOCUMENTS[0]),
    "public document": lambda: document_url(PUBLIC_DOCUMENTS[0]),
    "intranet search": lambda: f"/nb/intranett/?q={SECRET}",
    "intranet search en": lambda: f"/en/intranet/?q={SECRET}",
    "public search": lambda: f"/nb/sok/?q={SECRET}",
    "public search en": lambda: f"/en/search/?q={SECRET}",
    "sitemap": lambda: "/sitemap.xml",
    "project A event": lambda: "/nb/arrangementer/prosjektmote-sirkulaere-materialer/",
    "project A event en": lambda: "/en/events/project-meeting-circular-materials/",
    "project A event sign-up": lambda: (
        "/nb/arrangementer/prosjektmote-sirkulaere-materialer/register/"
    ),
    "project A participants": lambda: (
        "/nb/arrangementer/prosjektmote-sirkulaere-materialer/participants/"
    ),
    "project A participants CSV": lambda: (
        "/en/events/project-meeting-circular-materials/participants/csv/"
    ),
    "public event participants": lambda: "/nb/arrangementer/verksted-materialvalg/participants/",
    "public event participants CSV": lambda: "/en/events/workshop-materials/participants/csv/",
    "home page": lambda: "/nb/",
    "event listing": lambda: "/nb/arrangementer/",
    "event listing en": lambda: "/en/events/",
    "RSS": lambda: "/nb/nyheter/rss/",
    "RSS en": lambda: "/en/news/rss/",
    "iCal": lambda: "/nb/arrangementer/ical/",
    "iCal en": lambda: "/en/events/ical/",
    "my account": lambda: "/nb/intranett/min-konto/",
    "my account en": lambda: "/en/intranet/my-account/",
    "close account": lambda: "/nb/intranett/min-konto/close/",
    "my data download": lambda: "/nb/intranett/min-konto/my-data/",
    "people directory": lambda: "/nb/intranett/personer/",
    "people directory en": lambda: "/en/intranet/people/",
    "people of project A": lambda: "/nb/intranett/personer/?q=Sigrid",
    "member_a profile": lambda: profile_of_member_a("/nb/intranett/personer/"),
    "member_a profile en": lambda: profile_of_member_a("/en/intranet/people/"),
    "projects list": lambda: "/nb/intranett/prosjekter/",
    "projects list en": lambda: "/en/intranet/projects/",
    "join request POST": lambda: "/nb/intranett/prosjekter/",
    "project A join requests": lambda: "/nb/intranett/sirkulaere-materialer/foresporsler/",
    "project A join requests en": lambda: "/en/intranet/circular-materials/requests/",
    "project A upload form": lambda: "/nb/intranett/sirkulaere-materialer/last-opp/",
    "project A upload POST": lambda: "/nb/intranett/sirkulaere-materialer/last-opp/",
    "project A document history": lambda: project_a_document_url(""),
    "project A old version": lambda: project_a_document_url("versjoner/1/"),
}

# Doors that take a POST: the data sent. Both are refused input (a message over the limit,
# a file of a forbidden type), so the answer is the form again and nothing changes.
POSTS = {
    "join request POST": lambda: {"project": project_a_page_id(), "message": "x" * 501},
    "project A upload POST": lambda: {
        "file": SimpleUploadedFile("program.exe", b"MZ" + b"\0" * 64),
        "title": "Program",
    },
}


def project_a_document_url(rest):
    document = get_document_model().objects.get(title=PROJECTS[0]["documents"][0])
    return f"/nb/intranett/sirkulaere-materialer/dokumenter/{document.pk}/{rest}"


def project_a_page_id():
    return ProjectSpacePage.objects.get(slug="sirkulaere-materialer").pk


PUBLIC_RESOURCES = {
    "public document",
    "public search",
    "public search en",
    "sitemap",
    "home page",
    "event listing",
    "event listing en",
    "RSS",
    "RSS en",
    "iCal",
    "iCal en",
}

# fmt: off
COLUMNS = ("anonymous", "member", "member_a", "member_b", "lead_a", "editor", "admin")
EXPECTED = {
    "intranet home nb":      (LOGIN, OK, SEES, OK, SEES, SEES, SEES),
    "intranet home en":      (LOGIN, OK, SEES, OK, SEES, SEES, SEES),
    "member news":           (LOGIN, OK, OK, OK, OK, OK, OK),
    "member news en":        (LOGIN, OK, OK, OK, OK, OK, OK),
    "document library":      (LOGIN, OK, SEES, OK, SEES, SEES, SEES),
    "project A space":       (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A space en":    (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A document":    (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "members-only document": (LOGIN, OK, OK, OK, OK, OK, OK),
    "public document":       (OK, OK, OK, OK, OK, OK, OK),
    "intranet search":       (LOGIN, OK, SEES, OK, SEES, SEES, SEES),
    "intranet search en":    (LOGIN, OK, SEES, OK, SEES, SEES, SEES),
    "public search":         (OK, OK, OK, OK, OK, OK, OK),
    "public search en":      (OK, OK, OK, OK, OK, OK, OK),
    "sitemap":               (OK, OK, OK, OK, OK, OK, OK),
    "project A event":       (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A event en":    (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A event sign-up": (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A participants": (LOGIN, DENY, DENY, DENY, SEES, SEES, SEES),
    "project A participants CSV": (LOGIN, DENY, DENY, DENY, SEES, SEES, SEES),
    # Visitors are asked to log in (staff may follow a link while logged out).
    "public event participants": (LOGIN, DENY, DENY, DENY, DENY, OK, OK),
    "public event participants CSV": (LOGIN, DENY, DENY, DENY, DENY, OK, OK),
    "home page":             (OK, OK, OK, OK, OK, OK, OK),
    "event listing":         (OK, OK, OK, OK, OK, OK, OK),
    "event listing en":      (OK, OK, OK, OK, OK, OK, OK),
    "RSS":                   (OK, OK, OK, OK, OK, OK, OK),
    "RSS en":                (OK, OK, OK, OK, OK, OK, OK),
    "iCal":                  (OK, OK, OK, OK, OK, OK, OK),
    "iCal en":               (OK, OK, OK, OK, OK, OK, OK),
    # Only the viewer's own data; the directory names projects, never their content.
    "my account":            (LOGIN, OK, OK, OK, OK, OK, OK),
    "my account en":         (LOGIN, OK, OK, OK, OK, OK, OK),
    "close account":         (LOGIN, OK, OK, OK, OK, OK, OK),
    # The viewer's own records only: in the demo, medlem's request to join project A, sirkel's
    # post in it and prosjektleder's upload name its code name; member_b and staff wrote none.
    "my data download":      (LOGIN, SEES, SEES, OK, SEES, OK, OK),
    "people directory":      (LOGIN, OK, OK, OK, OK, OK, OK),
    "people directory en":   (LOGIN, OK, OK, OK, OK, OK, OK),
    "people of project A":   (LOGIN, OK, OK, OK, OK, OK, OK),
    "member_a profile":      (LOGIN, OK, OK, OK, OK, OK, OK),
    "member_a profile en":   (LOGIN, OK, OK, OK, OK, OK, OK),
    "projects list":         (LOGIN, OK, OK, OK, OK, OK, OK),
    "projects list en":      (LOGIN, OK, OK, OK, OK, OK, OK),
    "join request POST":     (LOGIN, OK, OK, OK, OK, OK, OK),
    "project A join requests":    (LOGIN, DENY, DENY, DENY, SEES, SEES, SEES),
    "project A join requests en": (LOGIN, DENY, DENY, DENY, SEES, SEES, SEES),
    "project A upload form":      (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A upload POST":      (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A document history": (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
    "project A old version":      (LOGIN, DENY, SEES, DENY, SEES, SEES, SEES),
}
# fmt: on

CASES = [
    pytest.param(resource, role, outcome, id=f"{resource}-{role}")
    for resource, outcomes in EXPECTED.items()
    for role, outcome in zip(COLUMNS, outcomes, strict=True)
]


def test_table_covers_every_resource_and_role():
    assert set(EXPECTED) == set(RESOURCES)
    assert set(COLUMNS) == set(ROLES)


@pytest.mark.parametrize(("resource", "role", "outcome"), CASES)
def test_access_matrix(client, demo, login_as, resource, role, outcome):
    login_as(role)
    url = RESOURCES[resource]()
    response = client.post(url, POSTS[resource]()) if resource in POSTS else client.get(url)
    body = without_query_echo(body_of(response), SECRET)

    if outcome == LOGIN:
        assert response.status_code == 302
        location = urlparse(response["Location"])
        assert location.path in {"/nb/logg-inn/", "/en/login/"}
        assert parse_qs(location.query)["next"] == [url]
    elif outcome == DENY:
        assert response.status_code == 403
    else:
        assert response.status_code == 200

    if outcome == SEES:
        assert SECRET.encode() in body
    else:
        leaks = [marker for marker in LEAK_MARKERS if marker.encode() in body]
        assert not leaks, f"{resource} shows {leaks} to {role}"

    if resource not in PUBLIC_RESOURCES:
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control
