"""A live translation with untranslated segments is not "Up to date" (issue 14, tester
finding 5): wagtail-localize puts the Norwegian text live there, whether through the
translation editor's "Publish anyway", a draft a held-back sync made and published later
(approval, page history) or a machine translation with a new segment. The report, the
explorer's Translation column and the snippet's status say "Outdated" and how many segments
are not translated, in the editor's admin language (site_core.translation_status)."""

import re

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from home.models import Footer
from site_core import translation_status
from site_core.translation_publishing import CONFIRM_FIELD
from site_core.translation_status import OUTDATED
from tests.factories import (
    CommunicationsLeadFactory,
    EditorFactory,
    StandardPageFactory,
    as_committed,
    publish,
    translate,
)
from tests.home.factories import footer

from .helpers import admin_user, english, machine_translate, submit, type_translations

pytestmark = pytest.mark.django_db

REPORT = reverse("site_core_translation_status")
NOT_TRANSLATED = {"nb": "1 segment er ikke oversatt.", "en": "1 segment not translated."}
OUTDATED_LABEL = {"nb": "Utdatert", "en": "Outdated"}


def lead(client):
    """Log `client` in as the Communications lead, who may publish."""
    client.force_login(CommunicationsLeadFactory())
    return client


def edit_url(instance):
    if isinstance(instance, Footer):
        return reverse(Footer.snippet_viewset.get_url_name("edit"), args=[instance.pk])
    return reverse("wagtailadmin_pages:edit", args=[instance.pk])


def publish_anyway(client, instance):
    """The translation editor's Publish, confirmed with "Publish anyway"."""
    with as_committed():
        response = client.post(
            edit_url(instance), {"action": "publish", CONFIRM_FIELD: "1"}, follow=False
        )
    assert response.status_code == 302


def sync(client, instance, **fields):
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    with as_committed():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]), fields
        )
    assert response.status_code == 302


def report_line(client, language, title, **filters):
    """(status, the row's text) of the report's row titled `title`, as an editor whose
    admin speaks `language` reads it."""
    client.force_login(admin_user(EditorFactory, language))
    html = BeautifulSoup(client.get(REPORT, filters).text, "html.parser")
    (row,) = [tr for tr in html.select("tr[data-status]") if tr.td.get_text(strip=True) == title]
    return row["data-status"], " ".join(row.get_text(" ").split())


def explorer_line(client, language, parent, title):
    """(status, the text) of the Translation cell of the page `title` under `parent`."""
    client.force_login(admin_user(EditorFactory, language))
    html = BeautifulSoup(
        client.get(reverse("wagtailadmin_explore", args=[parent.pk])).text, "html.parser"
    )
    for tr in html.select("table.listing tbody tr"):
        if tr.select_one("[id^=page_][id$=_title]").get_text(strip=True) == title:
            (status,) = tr.select("[data-translation-status]")
            return status["data-translation-status"], " ".join(status.get_text(" ").split())
    raise AssertionError(f"{title} is not listed")


@pytest.fixture
def published_anyway(bilingual, client):
    """A page whose English translation the lead published with "Publish anyway", its
    introduction untranslated: (Norwegian page, English page)."""
    with as_committed():
        page = publish(StandardPageFactory(parent=bilingual.nb, title="Kurs i romdesign"))
    client.force_login(EditorFactory())
    translation = submit(client, page, english())
    type_translations(translation, {"Kurs i romdesign": "Course"})
    translated = translation.get_target_instance()
    publish_anyway(lead(client), translated)
    translated.refresh_from_db()
    assert translated.live and "En kort ingress." in Client().get(translated.url).text
    return page, translated


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_page_published_anyway_is_outdated_with_its_untranslated_segment(
    published_anyway, client, language
):
    page, _translated = published_anyway
    status, text = report_line(client, language, "Kurs i romdesign")
    assert status == OUTDATED
    assert f"{OUTDATED_LABEL[language]} {NOT_TRANSLATED[language]}" in text
    # Nothing to sync: its source did not change; the translator's editor fixes it.
    assert "Synkroniser" not in text and "Sync" not in text

    status, text = explorer_line(client, language, page.get_parent(), "Kurs i romdesign")
    assert status == OUTDATED
    assert text.startswith("English:") and NOT_TRANSLATED[language] in text


def test_translating_and_publishing_the_segment_brings_it_up_to_date(published_anyway, client):
    page, translated = published_anyway
    translation = TranslationSource.objects.get(object_id=page.translation_key).translations.get()
    type_translations(translation, {"En kort ingress.": "A short introduction."})
    with as_committed():
        lead(client).post(edit_url(translated), {"action": "publish"})
    assert translation_status.page_row(translated).status == translation_status.UP_TO_DATE


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_footer_published_anyway_is_outdated_with_its_untranslated_segment(
    bilingual, client, language
):
    with as_committed():
        footers = footer({})
    footers.nb.about = "Klyngen har fått ny strategi."
    footers.nb.save()
    sync(lead(client), footers.nb)  # the new text reaches the translator, nothing published
    publish_anyway(client, footers.en)
    assert Footer.objects.get(pk=footers.en.pk).about == "Klyngen har fått ny strategi."

    status, text = report_line(client, language, str(footers.nb), type="home.footer")
    assert status == OUTDATED
    assert NOT_TRANSLATED[language] in text
    # The footer's own edit screen says the same.
    client.force_login(admin_user(EditorFactory, language))
    messages = " ".join(client.get(edit_url(footers.en)).text.split())
    assert NOT_TRANSLATED[language] in messages


def test_a_held_back_draft_published_later_is_not_up_to_date(bilingual, client):
    """A sync held back for its new segment keeps a draft with the Norwegian text; the
    approval workflow's "Approve and publish" or the page history publishes that
    revision as it is."""
    with as_committed():
        page = publish(StandardPageFactory(parent=bilingual.nb, title="Kurs i romdesign"))
        translated = translate(page, {"Kurs i romdesign": "Course", "En kort ingress.": "Short."})
    page.intro = "En helt ny ingress."
    with as_committed():
        publish(page)
    sync(lead(client), page, publish_translations="on")
    translated.refresh_from_db()
    assert translated.has_unpublished_changes
    with as_committed():
        translated.get_latest_revision().publish()

    row = translation_status.page_row(translated)
    assert (row.status, row.untranslated_segments) == (OUTDATED, 1)
    status, text = report_line(client, "en", "Kurs i romdesign")
    assert status == OUTDATED and NOT_TRANSLATED["en"] in text


def test_a_machine_translation_with_an_untranslated_segment_is_outdated_not_machine(
    bilingual, client
):
    """Machine translated once, then a new introduction published by approval with the
    Norwegian text: "Unreviewed machine translation" would hide the Norwegian."""
    with as_committed():
        page = publish(StandardPageFactory(parent=bilingual.nb, title="Klyngen vokser"))
    client.force_login(EditorFactory())
    machine_translate(client, page, english())
    page.intro = "En helt ny ingress."
    with as_committed():
        publish(page)
    sync(lead(client), page, publish_translations="on")
    translated = page.get_translation(english())
    with as_committed():
        translated.get_latest_revision().publish()

    row = translation_status.page_row(translated)
    assert (row.status, row.untranslated_segments, row.behind) == (OUTDATED, 1, False)
    status, text = report_line(client, "nb", "Klyngen vokser")
    assert status == OUTDATED
    assert re.search(r"1 segment er ikke oversatt\.", text)
