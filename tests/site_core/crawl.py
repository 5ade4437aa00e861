"""Every page of the demo, fetched once per test process, for the tests that check the
markup of all of them (tests/site_core/test_markup_rules.py, test_html_validity.py): each
page of the sitemap, the search, login and not-found pages in both languages, anonymous,
every intranet page (and project spaces' upload forms) as each of two project members sees
it, and project A's join requests and document histories as its lead sees them.

The demo is not changed by these tests, so one crawl serves them all; they share the
xdist group `GROUP`, so that one test process crawls (`make test` runs `--dist loadgroup`).
Only tests that use the demo may join it: a group runs as one piece in one process, and
tests/conftest.py runs the demo's tests after the others.
"""

import re
from typing import NamedTuple
from urllib.parse import urlparse

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.models import Page

from intranet.models.base import IntranetPage

GROUP = "crawl"
LANGUAGES = ("nb", "en")
# Members of project A and of project B (the demo's), who between them open every page.
MEMBERS = ("sirkel", "eksport")
# The public views without a page, in both languages.
VIEWS = {
    "nb": ["/nb/sok/", "/nb/sok/?q=m%C3%B8bel", "/nb/sok/?q=zzzqqq", "/nb/logg-inn/"],
    "en": ["/en/search/", "/en/search/?q=furniture", "/en/search/?q=zzzqqq", "/en/login/"],
}
NOT_FOUND = {"nb": "/nb/finnes-ikke/", "en": "/en/does-not-exist/"}
# Sub-views of project spaces (forms and lists that are no page of their own).
SUBVIEWS = [
    "/nb/intranett/sirkulaere-materialer/last-opp/",
    "/en/intranet/circular-materials/upload/",
    "/nb/intranett/eksport-til-storbritannia/last-opp/",
]
# Seen by project A's lead (demo user prosjektleder): its join requests, a document's history.
LEAD = "prosjektleder"
LEAD_VIEWS = [
    "/nb/intranett/sirkulaere-materialer/foresporsler/",
    "/en/intranet/circular-materials/requests/",
]


class Crawled(NamedTuple):
    """One fetched page: its HTTP status, the parsed document and the bytes as served."""

    status: int
    document: BeautifulSoup
    html: bytes


_crawled = {}


def crawl():
    """{(who, path): Crawled} of every page named above: "anonymous" for the public ones,
    each project member's username for the intranet pages they may open (status 200)."""
    if _crawled:
        return _crawled
    anonymous = Client()
    sitemap = anonymous.get("/sitemap.xml").content.decode()
    public = [urlparse(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    public += [path for language in LANGUAGES for path in VIEWS[language]]
    public += list(NOT_FOUND.values())
    for path in public:
        _crawled["anonymous", path] = fetched(anonymous.get(path))
    intranet = [page.url for page in Page.objects.live().type(IntranetPage)]
    intranet += ["/nb/intranett/?q=prosjekt", "/en/intranet/?q=project", *SUBVIEWS]
    # The routes of the people directory and My account that the pages link to.
    lead = get_user_model().objects.get(username="prosjektleder").pk
    intranet += [f"/nb/intranett/personer/{lead}/", f"/en/intranet/people/{lead}/"]
    intranet += ["/nb/intranett/min-konto/close/", "/en/intranet/my-account/close/"]
    for username in MEMBERS:
        member = Client()
        member.force_login(get_user_model().objects.get(username=username))
        for path in intranet:
            response = member.get(path)
            if response.status_code == 200:
                _crawled[username, path] = fetched(response)
    lead = Client()
    lead.force_login(get_user_model().objects.get(username=LEAD))
    space = lead.get("/nb/intranett/sirkulaere-materialer/").content.decode()
    history = re.findall(r'href="(/nb/intranett/sirkulaere-materialer/dokumenter/\d+/)"', space)
    assert history, "project A's space links no document history"
    for path in [*LEAD_VIEWS, *history]:
        _crawled[LEAD, path] = fetched(lead.get(path))
    return _crawled


def fetched(response):
    return Crawled(
        response.status_code, BeautifulSoup(response.content, "html.parser"), response.content
    )


def pages(who=None):
    """[(who, path, soup)] of the crawled HTML pages (of `who` only, if given)."""
    assert crawl()
    return [
        (person, path, page.document)
        for (person, path), page in crawl().items()
        if who is None or person == who
    ]
