"""A bokmål editor meets wagtail-localize and Wagtail's workflow in Norwegian, an English
one in English (locale_upstream, site_core.upstream_catalogues): the Translate and Sync
forms, the translation editor and the JavaScript catalogue it reads, the lead's workflow
actions on a page in moderation, its comment dialog and the workflow history."""

import io
import json
import re
import shutil
from pathlib import Path

import polib
import pytest
import wagtail_localize
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from wagtail.models import WorkflowState
from wagtail_localize.models import TranslationSource

from home.models import StandardPage
from site_core import upstream_catalogues
from tests.factories import (
    CommunicationsLeadFactory,
    EditorFactory,
    StandardPageFactory,
    as_committed,
    publish,
    translate,
)

from .helpers import (
    admin_user,
    english,
    machine_translate_draft,
    make_messages_in_scratch,
    translation_editor,
)
from .test_approval_workflow import add_page

pytestmark = pytest.mark.django_db

LANGUAGES = ["nb", "en"]
WAGTAIL_LOCALIZE = Path(wagtail_localize.__file__).parent
# Its English catalogues list every string it has (the source of every other language's).
WAGTAIL_LOCALIZE_CATALOGUES = [
    WAGTAIL_LOCALIZE / "locale/en/LC_MESSAGES/django.po",
    WAGTAIL_LOCALIZE / "locale/en/LC_MESSAGES/djangojs.po",
    WAGTAIL_LOCALIZE / "locales/locale/en/LC_MESSAGES/django.po",
]


def page_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def texts(soup):
    """Every piece of text a reader sees, stripped, and every button's value."""
    found = {text.strip() for text in soup.stripped_strings}
    return found | {tag["value"] for tag in soup.select("input[type=submit][value]")}


def js_catalogue(client, url_name):
    """The msgid -> translation catalogue the JavaScript catalogue at `url_name` serves
    (Django leaves it out of the script when it is empty)."""
    response = client.get(reverse(url_name))
    assert response.status_code == 200
    found = re.search(r"const newcatalog = (\{.*?\});", response.text, re.S)
    return json.loads(found[1]) if found else {}


@pytest.fixture
def untranslated_page(shared_bilingual):
    with as_committed():
        return publish(StandardPageFactory(parent=shared_bilingual.nb, title="Kurs i romdesign"))


@pytest.fixture
def translated_page(untranslated_page):
    with as_committed():
        return translate(untranslated_page, {"Kurs i romdesign": "Course in room design"})


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", {"Oversett siden", "Språk", "Send", "Gå tilbake"}),
        ("en", {"Translate page", "Locales", "Submit", "Go back"}),
    ],
)
def test_the_translate_page_form_speaks_the_editors_language(
    client, untranslated_page, language, expected
):
    client.force_login(admin_user(EditorFactory, language))
    url = reverse("wagtail_localize:submit_page_translation", args=[untranslated_page.pk])
    assert expected <= texts(page_of(client.get(url)))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", {"Tittel i søkemotorer", "Metabeskrivelse", "Bredde på sidepanelet",
                "Synlighet:"}),
        ("en", {"Title tag", "Meta description", "Side panel width", "Page visibility:"}),
    ],
)  # fmt: skip
def test_the_page_editor_and_its_side_panels_speak_the_editors_language(
    client, untranslated_page, language, expected
):
    client.force_login(admin_user(EditorFactory, language))
    url = reverse("wagtailadmin_pages:edit", args=[untranslated_page.pk])
    assert expected <= texts(page_of(client.get(url)))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", {"Oppdater eksisterende oversettelser", "Hvorfor synkronisere siden?", "Send"}),
        ("en", {"Update existing translations", "Why would I sync my page?", "Submit"}),
    ],
)
def test_the_sync_form_speaks_the_editors_language(
    client, untranslated_page, translated_page, language, expected
):
    source = TranslationSource.objects.get(object_id=untranslated_page.translation_key)
    client.force_login(admin_user(EditorFactory, language))
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert expected <= texts(page_of(client.get(url)))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("nb", {"Oversettelser", "Kilde", "Mål", "Innholdstype", "Venter på oversettelser"}),
        ("en", {"Translations", "Source", "Target", "Content type", "Waiting for translations"}),
    ],
)
def test_the_translations_report_speaks_the_editors_language(
    client, translated_page, language, expected
):
    client.force_login(admin_user(EditorFactory, language))
    report = page_of(client.get(reverse("wagtail_localize:translations_report")))
    assert expected <= texts(report)


@pytest.mark.parametrize(
    ("language", "title", "comment"),
    [
        ("nb", "Oversettelse av Kurs i romdesign til English", "Oversatt med "),
        ("en", "Translation of Kurs i romdesign into English", "Translated with "),
    ],
)
def test_the_translation_editor_speaks_the_editors_language(
    client, untranslated_page, language, title, comment
):
    """Its title, and the note on a machine-translated segment, written on the server."""
    client.force_login(admin_user(EditorFactory, language))
    soup, notes = translation_editor(
        client, machine_translate_draft(client, untranslated_page, english())
    )
    assert soup.title.string.startswith(title)
    assert notes and all(note.startswith(comment) for note in notes)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "nb",
            {
                "Publish in ": "Publiser på ",
                "Download PO file": "Last ned PO-fil",
                "segments translated": "segmenter oversatt",
                "Stop Synced translation": "Stopp synkronisert oversettelse",
            },
        ),
        ("en", {}),
    ],
)
def test_the_translation_editors_javascript_reads_the_editors_language(
    client, translated_page, language, expected
):
    """The translation editor (a React app) loads Wagtail's JavaScript catalogue and then
    wagtail-localize's, and takes its texts from them; an English editor gets none of the
    Norwegian ones."""
    client.force_login(admin_user(EditorFactory, language))
    editor = page_of(client.get(reverse("wagtailadmin_pages:edit", args=[translated_page.pk])))
    catalogues = ["wagtailadmin_javascript_catalog", "wagtail_localize:javascript_catalog"]
    scripts = {tag["src"] for tag in editor.select("script[src]")}
    assert {reverse(name) for name in catalogues} <= scripts
    served = {}
    for name in catalogues:
        served.update(js_catalogue(client, name))
    msgids = {entry.msgid for entry in polib.pofile(str(WAGTAIL_LOCALIZE_CATALOGUES[1]))}
    assert {msgid: served[msgid] for msgid in expected} == expected
    if language == "en":
        assert not msgids & served.keys()


@pytest.fixture
def in_moderation(client, shared_bilingual, django_capture_on_commit_callbacks):
    """A page an editor submitted for approval, now at the Communications lead's task."""
    client.force_login(EditorFactory())
    with django_capture_on_commit_callbacks(execute=True):
        add_page(client, shared_bilingual.nb, "action-submit")
    client.logout()
    return StandardPage.objects.get()


WORKFLOW_TEXTS = {
    "nb": {
        "menu": {"Be om endringer", "Godkjenn med kommentar"},
        "dialog": {"Be om endringer", "Kommentar"},
        "history": {"Tidslinje", "Arbeidsflyten er startet", "Rediger / vurder"},
        # The status line: "Sendt til <task> nå" (or "… 2 sekunder siden" on a slow run).
        "status": re.compile(r"Sendt til (?P<task>.+) (nå|.* siden)"),
    },
    "en": {
        "menu": {"Request changes", "Approve with comment"},
        "dialog": {"Request changes", "Comment"},
        "history": {"Timeline", "Workflow started", "Edit / Review"},
        "status": re.compile(r"Sent to (?P<task>.+) (now|.* ago)"),
    },
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_leads_workflow_actions_speak_the_leads_language(client, in_moderation, language):
    client.force_login(admin_user(CommunicationsLeadFactory, language))
    words = WORKFLOW_TEXTS[language]
    edit = page_of(client.get(reverse("wagtailadmin_pages:edit", args=[in_moderation.pk])))
    labels = " | ".join(b.get_text(strip=True) for b in edit.select("[data-workflow-action-name]"))
    assert all(word in labels for word in words["menu"]), labels
    task_state = WorkflowState.objects.get(object_id=str(in_moderation.pk)).current_task_state
    status = [words["status"].fullmatch(text) for text in texts(edit)]
    with translation.override(language):  # the name in the lead's language (workflow_names)
        task_name = str(task_state.task.name)
    assert task_name in {match["task"] for match in status if match}
    dialog = client.get(
        reverse(
            "wagtailadmin_pages:collect_workflow_action_data",
            args=(in_moderation.pk, "reject", task_state.pk),
        )
    )
    assert words["dialog"] <= texts(BeautifulSoup(dialog.json()["html"], "html.parser"))

    history = client.get(
        reverse(
            "wagtailadmin_pages:workflow_history_detail",
            args=(in_moderation.pk, task_state.workflow_state.pk),
        )
    )
    assert words["history"] <= texts(page_of(history))


def shipped_norwegian(domain):
    """{(msgctxt, msgid)} that our catalogues (every LOCALE_PATHS entry) translate."""
    found = set()
    for directory in settings.LOCALE_PATHS:
        path = Path(directory) / "nb" / "LC_MESSAGES" / f"{domain}.po"
        if path.exists():
            found |= {(e.msgctxt, e.msgid) for e in polib.pofile(str(path)) if e.translated()}
    return found


@pytest.mark.parametrize("catalogue", WAGTAIL_LOCALIZE_CATALOGUES, ids=lambda path: path.name)
def test_every_wagtail_localize_string_has_norwegian(catalogue):
    """An upgrade of wagtail-localize that adds strings fails here until they are translated
    (`manage.py update_upstream_catalogues` adds them to locale_upstream/nb)."""
    domain = catalogue.stem
    have = shipped_norwegian(domain)
    missing = [e.msgid for e in polib.pofile(str(catalogue)) if (e.msgctxt, e.msgid) not in have]
    assert missing == []


@pytest.mark.parametrize("domain", upstream_catalogues.DOMAINS)
def test_every_wanted_upstream_string_has_norwegian(domain):
    """wagtail-localize's strings and Wagtail's workflow texts that Wagtail's own bokmål
    lacks (upstream_catalogues.SOURCES)."""
    assert [entry.msgid for entry in upstream_catalogues.missing(domain)] == []
    assert len(upstream_catalogues.required(domain)) > 40


@pytest.mark.parametrize("domain", upstream_catalogues.DOMAINS)
def test_english_stays_english(domain):
    """Whatever we translate into Norwegian reads as its own English text in English: no
    catalogue of ours shadows it with other or empty text."""
    entries = upstream_catalogues.required(domain).values()
    with translation.override("en"):
        for entry in entries:
            if entry.msgid_plural:
                assert (
                    translation.ngettext(entry.msgid, entry.msgid_plural, 2) == entry.msgid_plural
                )
            elif entry.msgctxt:
                assert translation.pgettext(entry.msgctxt, entry.msgid) == entry.msgid
            else:
                assert translation.gettext(entry.msgid) == entry.msgid


def test_the_norwegian_is_what_django_serves():
    """gettext in Norwegian gives locale_upstream's text (msgids through names: `make
    messages` would take literal ones here for strings of ours)."""
    expected = {
        "Request changes": "Be om endringer",
        "Sync translated snippets": "Synkroniser oversatte snutter",
    }
    page, pages = "Include subtree ({} page)", "Include subtree ({} pages)"
    with translation.override("nb"):
        assert {msgid: translation.gettext(msgid) for msgid in expected} == expected
        assert translation.ngettext(page, pages, 3) == "Ta med undersidene ({} sider)"


def test_the_update_command_keeps_our_translations_and_adds_what_upstream_adds(
    tmp_path, monkeypatch
):
    """`make messages` runs the command: run again it changes nothing and keeps every
    translation; a string the catalogue lacks (as after an upgrade that adds one) comes in
    untranslated and is listed."""
    directory = tmp_path / "locale_upstream"
    shutil.copytree(upstream_catalogues.DIRECTORY, directory)
    monkeypatch.setattr(upstream_catalogues, "DIRECTORY", directory)
    django_po = directory / "nb" / "LC_MESSAGES" / "django.po"
    call_command("update_upstream_catalogues", stdout=io.StringIO())
    before = django_po.read_text()
    call_command("update_upstream_catalogues", stdout=io.StringIO())
    assert django_po.read_text() == before
    assert polib.pofile(str(django_po)).find("Approve with comment").msgstr == (
        "Godkjenn med kommentar"
    )

    po = polib.pofile(str(django_po))
    po.remove(po.find("Request changes"))
    po.save()
    call_command("update_upstream_catalogues", stdout=(out := io.StringIO()))
    assert "django needs: 'Request changes'" in out.getvalue()
    assert polib.pofile(str(django_po)).find("Request changes").msgstr == ""


@pytest.mark.skipif(not shutil.which("xgettext"), reason="makemessages needs GNU gettext")
def test_make_messages_leaves_the_upstream_catalogues_alone(tmp_path, settings, monkeypatch):
    """makemessages (`make messages`) writes into the first LOCALE_PATHS entry only."""
    copies = make_messages_in_scratch(tmp_path, settings, monkeypatch)
    for domain in upstream_catalogues.DOMAINS:
        relative = Path("nb") / "LC_MESSAGES" / f"{domain}.po"
        copy = (copies[1] / relative).read_text()
        assert copy == (upstream_catalogues.DIRECTORY / relative).read_text()
