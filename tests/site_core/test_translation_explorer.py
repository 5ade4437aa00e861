"""The admin's page explorer has a Translation column: on a Norwegian page the status of its
English translation, on an English page its own, each a link to what fixes it, in the
editor's admin language and in a constant number of queries however many pages are listed
(site_core.translation_status_columns)."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import resolve, reverse
from django.utils import formats, timezone, translation
from django.utils.http import urlencode
from wagtail_localize.models import TranslationSource

from site_core.translation_status import DRAFT, MACHINE, MISSING, OUTDATED, UP_TO_DATE
from site_core.translation_status_columns import TranslationStatusColumn
from tests.conftest import fresh
from tests.factories import (
    EditorFactory,
    StandardPageFactory,
    as_committed,
    bilingual_site,
    publish,
    translate,
)

from .helpers import add_pages, admin_user, machine_translate, submit

pytestmark = pytest.mark.django_db

LABELS = {
    "nb": {
        MISSING: "Mangler",
        DRAFT: "Utkast",
        OUTDATED: "Utdatert",
        MACHINE: "Maskinoversatt, ikke gjennomgått",
        UP_TO_DATE: "Oppdatert",
    },
    "en": {
        MISSING: "Missing",
        DRAFT: "Draft",
        OUTDATED: "Outdated",
        MACHINE: "Unreviewed machine translation",
        UP_TO_DATE: "Up to date",
    },
}
HEADINGS = {"nb": "Oversettelse", "en": "Translation"}
ACTIONS = {
    "nb": {"translate": "Oversett", "sync": "Synkroniser", "edit": "Rediger oversettelsen"},
    "en": {"translate": "Translate", "sync": "Sync", "edit": "Edit translation"},
}
SOURCE_PUBLISHED = {"nb": "Kilden ble publisert {since}.", "en": "Source published {since}."}


@pytest.fixture(scope="module")
def content_built(shared_db):
    """A bilingual site (`.site`) with a Norwegian page made for each status under the
    home page; built once for the module."""
    with as_committed():
        bilingual = bilingual_site()
    en = bilingual.en.locale
    client = Client()
    client.force_login(admin_user(EditorFactory, "en"))
    made = SimpleNamespace(site=bilingual)
    with as_committed():
        made.missing = publish(StandardPageFactory(parent=bilingual.nb, title="Aldri oversatt"))
        made.draft = publish(StandardPageFactory(parent=bilingual.nb, title="Bare utkast"))
        submit(client, made.draft, en)
        made.outdated = publish(StandardPageFactory(parent=bilingual.nb, title="Gammel tittel"))
        translate(made.outdated, {"Gammel tittel": "Old title"})
        made.outdated.title = "Ny tittel"
        publish(made.outdated)
        made.machine = publish(StandardPageFactory(parent=bilingual.nb, title="Klyngen vokser"))
        machine_translate(client, made.machine, en)
        made.current = publish(StandardPageFactory(parent=bilingual.nb, title="Ferdig"))
        translate(made.current, {"Ferdig": "Done"})
    client.logout()
    made.outdated.refresh_from_db()
    return made


@pytest.fixture
def content(content_built):
    """`content_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(content_built)


def explore(client, page, language):
    """The explorer's listing of `page`'s children, seen by an editor whose admin speaks
    `language`: {page title: its Translation cell (BeautifulSoup)}, and the column headings."""
    client.force_login(admin_user(EditorFactory, language))
    response = client.get(reverse("wagtailadmin_explore", args=[page.pk]))
    assert response.status_code == 200
    html = BeautifulSoup(response.text, "html.parser")
    cells = {
        row.select_one("[id^=page_][id$=_title]").get_text(strip=True): row.select_one(
            "td:has([data-translation-status])"
        )
        for row in html.select("table.listing tbody tr")
    }
    headings = [heading.get_text(" ", strip=True) for heading in html.select("table.listing th")]
    return cells, headings


def line(cell):
    """(status, the line's text, its link) of a cell with one status; the action, in
    brackets, is said to screen readers only."""
    (status,) = cell.select("[data-translation-status]")
    link = status.select_one("a")
    return status["data-translation-status"], " ".join(status.get_text(" ").split()), link["href"]


def sync_url(page):
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def expected(language, status, url, prefix="", published=None):
    """The (status, text, link) of a line, as `line` reads it: `prefix` says the language
    (a source page's line), `published` is an outdated page's source publication."""
    action = {MISSING: "translate", OUTDATED: "sync"}.get(status, "edit")
    text = f"{prefix}{LABELS[language][status]} ({ACTIONS[language][action]})"
    if published is not None:
        with translation.override(language):
            since = formats.date_format(timezone.localtime(published), "SHORT_DATETIME_FORMAT")
        text += " " + SOURCE_PUBLISHED[language].format(since=since)
    return status, text, url


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_norwegian_listing_shows_each_english_status_linking_to_its_action(
    client, content, language
):
    cells, headings = explore(client, content.site.nb, language)
    assert HEADINGS[language] in headings
    english = content.site.en.locale
    explorer = reverse("wagtailadmin_explore", args=[content.site.nb.pk])
    assert {title: line(cell) for title, cell in cells.items()} == {
        "Aldri oversatt": expected(
            language,
            MISSING,
            reverse("wagtail_localize:submit_page_translation", args=[content.missing.pk]),
            "English: ",
        ),
        "Bare utkast": expected(
            language, DRAFT, edit_url(content.draft.get_translation(english)), "English: "
        ),
        "Ny tittel": expected(
            language,
            OUTDATED,
            f"{sync_url(content.outdated)}?{urlencode({'next': explorer})}",
            "English: ",
            content.outdated.last_published_at,
        ),
        "Klyngen vokser": expected(
            language, MACHINE, edit_url(content.machine.get_translation(english)), "English: "
        ),
        "Ferdig": expected(
            language, UP_TO_DATE, edit_url(content.current.get_translation(english)), "English: "
        ),
    }


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_english_listing_shows_each_page_its_own_status(client, content, language):
    """No language before the status: it is the page's own. The English draft of "Bare
    utkast" still has the Norwegian title, as the machine translation has its own."""
    cells, _headings = explore(client, content.site.en, language)
    english = {
        name: getattr(content, name).get_translation(content.site.en.locale)
        for name in ("draft", "outdated", "machine", "current")
    }
    explorer = reverse("wagtailadmin_explore", args=[content.site.en.pk])
    assert {title: line(cell) for title, cell in cells.items()} == {
        english["draft"].title: expected(language, DRAFT, edit_url(english["draft"])),
        "Old title": expected(
            language,
            OUTDATED,
            f"{sync_url(content.outdated)}?{urlencode({'next': explorer})}",
            published=content.outdated.last_published_at,
        ),
        english["machine"].title: expected(language, MACHINE, edit_url(english["machine"])),
        "Done": expected(language, UP_TO_DATE, edit_url(english["current"])),
    }


def test_without_the_translate_permission_missing_links_to_the_page(client, content):
    """Translating and syncing need wagtail-localize's permission: without it the status
    opens the editor instead."""
    user = admin_user(EditorFactory, "en")
    for group in user.groups.all():
        group.permissions.remove(*group.permissions.filter(codename="submit_translation"))
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_explore", args=[content.site.nb.pk]))
    html = BeautifulSoup(response.text, "html.parser")
    links = {
        status["data-translation-status"]: status.select_one("a")["href"]
        for status in html.select("[data-translation-status]")
    }
    assert links[MISSING] == edit_url(content.missing)
    assert links[OUTDATED] == edit_url(content.outdated.get_translation(content.site.en.locale))


def test_search_and_ordering_still_work(client, content):
    """The explorer keeps Wagtail's address, its ordering and its search, the column in
    each (Wagtail's router hands the address to our PageViewSet)."""
    client.force_login(admin_user(EditorFactory, "en"))
    explorer = reverse("wagtailadmin_explore", args=[content.site.nb.pk])
    assert resolve(explorer).url_name == "wagtailadmin_explore"
    ordered = client.get(explorer, {"ordering": "title"})
    assert ordered.status_code == 200
    html = BeautifulSoup(ordered.text, "html.parser")
    titles = [t.get_text(strip=True) for t in html.select("table.listing [id^=page_][id$=_title]")]
    assert titles == sorted(titles)
    assert len(html.select("[data-translation-status]")) == 5

    found = client.get(explorer, {"q": "Ferdig"})
    assert found.status_code == 200
    html = BeautifulSoup(found.text, "html.parser")
    assert [s["data-translation-status"] for s in html.select("[data-translation-status]")] == [
        UP_TO_DATE
    ]


def test_the_column_takes_as_many_queries_for_30_pages_as_for_5(content, client, monkeypatch):
    """The column's own queries (its cells, rendered) are the same for 30 pages as for 5.

    The explorer as a whole grows with the pages listed without the column too: each
    page's "more" buttons ask Wagtail and wagtail-localize a few queries of their own."""
    column_queries = []
    render = TranslationStatusColumn.render_cell_html

    def counted(column, instance, parent_context):
        with CaptureQueriesContext(connection) as queries:
            html = render(column, instance, parent_context)
        column_queries.append(len(queries.captured_queries))
        return html

    monkeypatch.setattr(TranslationStatusColumn, "render_cell_html", counted)
    client.force_login(admin_user(EditorFactory, "en"))
    section = publish(StandardPageFactory(parent=content.site.nb, title="Seksjon"))
    add_pages(section, 5)
    five = queries_of(client, section, column_queries)
    add_pages(section, 25)
    thirty = queries_of(client, section, column_queries)
    assert (five.cells, thirty.cells) == (5, 30)
    assert thirty.column == five.column <= 8, (five.column, thirty.column)
    print(
        f"explorer queries: the column {five.column} (5 pages), {thirty.column} (30 pages); "
        f"the whole listing {five.total} (5 pages), {thirty.total} (30 pages)"
    )


def queries_of(client, parent, column_queries):
    """The queries of the explorer's listing of `parent`, its statuses shown (after one
    request that fills the caches: content types, session): SimpleNamespace(total, column:
    those of the column's cells, cells: how many)."""
    url = reverse("wagtailadmin_explore", args=[parent.pk])
    assert client.get(url).status_code == 200
    column_queries.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    statuses = BeautifulSoup(response.text, "html.parser").select("[data-translation-status]")
    assert {status["data-translation-status"] for status in statuses} == {
        MISSING,
        OUTDATED,
        MACHINE,
        UP_TO_DATE,
    }
    return SimpleNamespace(
        total=len(queries.captured_queries), column=sum(column_queries), cells=len(column_queries)
    )
