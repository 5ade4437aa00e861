"""A translation's slug comes from its translated title, transliterated (site_core.slugs):
never a machine or word-by-word translation of the source's slug, numbered past its
siblings', and a live page's old address redirects to the new one."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from wagtail_localize.models import StringSegment, Translation

from site_core.translation_publishing import CONFIRM_FIELD
from tests.factories import (
    CommunicationsLeadFactory,
    StandardPageFactory,
    as_committed,
    publish,
    translate,
)

pytestmark = pytest.mark.django_db

TITLE = "Klyngen lanserer nytt kurs i bærekraftig romdesign"


@pytest.fixture
def editor(client, bilingual):
    """The communications lead: the editor who may publish the translation too."""
    client.force_login(CommunicationsLeadFactory())
    return client


def submit(client, page, locale):
    """Translate `page` as an editor does (wagtail-localize's submit view); returns the
    Translation."""
    with as_committed():
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
            {"locales": [locale.pk]},
        )
    assert response.status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def type_string(client, translation, source_text, value):
    """Type `value` as the translation of the segment `source_text` in the editor."""
    segment = StringSegment.objects.get(source=translation.source, string__data=source_text)
    response = client.put(
        reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
        urlencode({"value": value}),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (200, 201), response.content


def publish_in_editor(client, translation):
    """Press "Publish" in the translation editor, and "Publish anyway" on the confirmation
    that the introduction and the slug are untranslated (site_core.translation_publishing);
    returns the English page."""
    english = translation.get_target_instance()
    with as_committed():
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]),
            {"action": "publish", CONFIRM_FIELD: "1"},
        )
    assert response.status_code == 302
    english.refresh_from_db()
    assert english.live
    return english


def norwegian_page(site, title=TITLE, slug="klyngen-lanserer-nytt-kurs"):
    with as_committed():
        return publish(StandardPageFactory(parent=site.nb, title=title, slug=slug))


def test_a_title_translated_by_hand_gives_the_slug(editor, bilingual):
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    type_string(editor, translation, TITLE, "Cluster launches a new course")
    english = publish_in_editor(editor, translation)
    assert english.slug == "cluster-launches-a-new-course"
    assert english.url == "/en/cluster-launches-a-new-course/"


def test_a_machine_translated_slug_gives_way_to_the_corrected_title(editor, bilingual):
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    response = editor.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    # The offline translator's mixed-language title, and its slug of the same kind, are
    # never what the page is published with once the title is put right.
    type_string(editor, translation, TITLE, "Cluster launches a new course")
    english = publish_in_editor(editor, translation)
    assert english.slug == "cluster-launches-a-new-course"


def test_a_title_with_norwegian_letters_gives_an_ascii_slug(editor, bilingual):
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    type_string(editor, translation, TITLE, "Course on Ærø: sustainable rooms in Bodø")
    english = publish_in_editor(editor, translation)
    assert english.slug == "course-on-aero-sustainable-rooms-in-bodo"


def test_the_slug_is_numbered_past_an_english_sibling_with_the_same_one(editor, bilingual):
    with as_committed():
        StandardPageFactory(
            parent=bilingual.en, title="Course", slug="cluster-launches-a-new-course"
        )
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    type_string(editor, translation, TITLE, "Cluster launches a new course")
    english = publish_in_editor(editor, translation)
    assert english.slug == "cluster-launches-a-new-course-2"


def test_a_live_translation_retitled_keeps_its_old_address_as_a_redirect(client, editor, bilingual):
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    type_string(editor, translation, TITLE, "Cluster launches a new course")
    old_url = publish_in_editor(editor, translation).url
    type_string(editor, translation, TITLE, "A new course on sustainable rooms")
    english = publish_in_editor(editor, translation)
    assert english.url == "/en/a-new-course-on-sustainable-rooms/"
    client.logout()
    response = client.get(old_url)
    assert (response.status_code, response["Location"]) == (301, english.url)


def test_a_slug_a_translator_types_with_norwegian_letters_is_transliterated(editor, bilingual):
    translation = submit(editor, norwegian_page(bilingual), bilingual.en.locale)
    type_string(editor, translation, TITLE, "Cluster launches a new course")
    type_string(editor, translation, "klyngen-lanserer-nytt-kurs", "frokost-møte-på-ærø")
    english = publish_in_editor(editor, translation)
    assert english.slug == "frokost-mote-pa-aero"  # not wagtail-localize's "frokost-mte-p-r"
    assert english.url == "/en/frokost-mote-pa-aero/"


def test_a_slug_a_person_translated_is_kept(bilingual):
    page = norwegian_page(bilingual)
    with as_committed():
        english = translate(
            page,
            {TITLE: "Cluster launches a new course", "klyngen-lanserer-nytt-kurs": "new-course"},
        )
    assert english.slug == "new-course"


def test_a_translation_edited_on_its_own_keeps_the_slug_its_editor_gave_it(bilingual):
    page = norwegian_page(bilingual)
    with as_committed():
        english = translate(page, {TITLE: "Cluster launches a new course"})
    Translation.objects.filter(source__object_id=page.translation_key).update(enabled=False)
    english.title = "A course"
    english.slug = "course-2026"
    publish(english)
    english.refresh_from_db()
    assert english.slug == "course-2026"
