"""The translators' workflow in wagtail-localize, through the admin views editors use."""

import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation

from home.models import HomePage
from site_core.machine_translation import DeepLTranslator, OfflineTranslator
from tests.factories import EditorFactory

from .helpers import add_nb_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client, shared_bilingual):
    client.force_login(EditorFactory())
    return client


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def translated(editor_client, commit):
    """A Norwegian page submitted for English and machine-translated by an editor."""
    english = Locale.objects.get(language_code="en")
    nb = add_nb_page("Nyheter fra klyngen", "nyheter-fra-klyngen", "Klyngen samler medlemmer.")
    with commit():
        response = editor_client.post(
            reverse("wagtail_localize:submit_page_translation", args=[nb.id]),
            {"locales": [english.id]},
        )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=nb.translation_key, target_locale=english
    )
    response = editor_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    return nb, translation


def english_page(nb):
    return HomePage.objects.get(translation_key=nb.translation_key, locale__language_code="en")


def test_machine_translation_gives_a_publishable_english_draft(translated, commit):
    nb, translation = translated
    machine = StringTranslation.objects.filter(locale=translation.target_locale)
    assert machine.filter(data="The cluster samler members.").exists()
    with commit():
        translation.save_target(publish=True)
    en = english_page(nb)
    assert en.live
    assert en.hero_intro == "The cluster samler members."
    assert en.slug == "news-fra-the-cluster"  # from the title, not the slug machine-translated
    assert en.title == "News fra the cluster"


def test_sync_brings_new_segments_and_keeps_unchanged_translations(
    editor_client, translated, commit
):
    nb, translation = translated
    # A translator polishes the heading by hand.
    heading = StringTranslation.objects.get(
        locale=translation.target_locale,
        translation_of__data="Nyheter fra klyngen",
        context__path="hero_heading",
    )
    heading.data = "News from the cluster"
    heading.save()
    with commit():
        translation.save_target(publish=True)

    # The Norwegian page changes and is published; the editor syncs translated pages.
    nb.hero_intro = "Klyngen samler nye medlemmer."
    with commit():
        nb.save_revision().publish()
        response = editor_client.post(
            reverse("wagtail_localize:update_translations", args=[translation.source.id]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302
    editor_client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"}
    )
    with commit():
        translation.save_target(publish=True)

    en = english_page(nb)
    assert en.hero_heading == "News from the cluster"  # kept
    assert en.hero_intro == "The cluster samler new members."  # new segment translated
    assert editor_client.get(en.url).status_code == 200


def test_po_export_and_import_round_trip_keeps_every_segment(editor_client, translated):
    _nb, translation = translated
    exported = editor_client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert exported.status_code == 200
    po = polib.pofile(exported.content.decode())
    segments = {entry.msgctxt: entry.msgstr for entry in po}
    assert len(segments) == translation.source.stringsegment_set.count()
    assert all(segments.values())

    for entry in po:
        if entry.msgctxt == "hero_intro":
            entry.msgstr = "The cluster brings members together."
    upload = SimpleUploadedFile(
        "en.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    response = editor_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    reimported = polib.pofile(
        editor_client.get(
            reverse("wagtail_localize:download_pofile", args=[translation.id])
        ).content.decode()
    )
    after = {entry.msgctxt: entry.msgstr for entry in reimported}
    assert set(after) == set(segments)
    assert after["hero_intro"] == "The cluster brings members together."
    assert {k: v for k, v in after.items() if k != "hero_intro"} == {
        k: v for k, v in segments.items() if k != "hero_intro"
    }


def test_offline_translator_only_goes_from_norwegian_to_english():
    nb, en = Locale(language_code="nb"), Locale(language_code="en")
    translator = OfflineTranslator({})
    assert translator.can_translate(nb, en)
    assert not translator.can_translate(en, nb)


def test_deepl_is_asked_for_norwegian_to_british_english():
    nb, en = Locale(language_code="nb"), Locale(language_code="en")
    parameters = DeepLTranslator({"AUTH_KEY": "k"}).get_parameters(nb, en, [])
    assert (parameters["source_lang"], parameters["target_lang"]) == ("NB", "EN-GB")


def test_deepl_is_used_when_a_key_is_set():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['CLASS'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={"DJANGO_SETTINGS_MODULE": "site_core.settings.test", "DEEPL_AUTH_KEY": "abc:fx"},
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == "site_core.machine_translation.DeepLTranslator"
