"""The English page's editor says when its Norwegian source changed since the last sync,
how many segments, and links to "Sync translated pages", in the editor's admin language
(site_core.translation_status_views.warn_if_source_changed)."""

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation
from wagtail_localize.models import TranslationSource

from site_core import translation_status
from tests.factories import EditorFactory, StandardPageFactory, as_committed, publish, translate

from .helpers import admin_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def translated(bilingual):
    """A Norwegian page and its English translation, in step."""
    with as_committed():
        page = publish(StandardPageFactory(parent=bilingual.nb, title="Gammel tittel"))
        english = translate(page, {"Gammel tittel": "Old title", "En kort ingress.": "Short."})
    english.refresh_from_db()  # published on commit
    return page, english


@pytest.fixture
def outdated(translated):
    """`translated` after the Norwegian page got a new title and introduction."""
    page, english = translated
    page.title = "Ny tittel"
    page.intro = "En helt ny ingress."
    with as_committed():
        publish(page)
    page.refresh_from_db()
    return page, english


def edit_view(client, page, language="en"):
    client.force_login(admin_user(EditorFactory, language))
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.text


def sync_url(page):
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.parametrize(
    ("language", "notice", "sync"),
    [
        (
            "nb",
            "Kildesiden ble publisert {date}, etter at denne oversettelsen sist ble "
            "synkronisert: 2 segmenter lagt til eller endret.",
            "Synkroniser oversatte sider",
        ),
        (
            "en",
            "The source page was published on {date}, after this translation was last "
            "synced: 2 segments added or changed.",
            "Sync translated pages",
        ),
    ],
)
def test_the_english_editor_says_the_source_changed_and_links_to_sync(
    client, outdated, language, notice, sync
):
    page, english = outdated
    html = edit_view(client, english, language)
    with translation.override(language):
        date = formats.date_format(timezone.localtime(page.last_published_at), "DATETIME_FORMAT")
    assert notice.format(date=date) in html
    assert sync in html
    assert f'href="{sync_url(page)}?next=' in html


def test_no_notice_when_the_translation_is_up_to_date(client, translated):
    _page, english = translated
    html = edit_view(client, english)
    assert "after this translation was last synced" not in html
    assert "Sync translated pages" not in html


def test_no_notice_on_the_norwegian_page(client, outdated):
    page, _english = outdated
    html = edit_view(client, page)
    assert "after this translation was last synced" not in html


def test_the_row_of_one_page_is_the_row_of_the_report(outdated):
    page, english = outdated
    row = translation_status.page_row(english)
    (report_row,) = [
        row for row in translation_status.statuses() if row.source.pk == page.pk and row.is_page
    ]
    translation_status.count_changed_segments([report_row])
    assert (
        (row.status, row.since, row.changed_segments)
        == (
            report_row.status,
            report_row.since,
            report_row.changed_segments,
        )
        == (translation_status.OUTDATED, page.last_published_at, 2)
    )
    assert translation_status.page_row(page) is None
