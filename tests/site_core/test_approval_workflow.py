"""Editors draft and submit; the Communications lead approves and publishes
(site_core.editorial, migration site_core 0008), in both languages, with Wagtail's e-mails
in each recipient's language."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import Page, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import Translation

from home.models import StandardPage
from site_core.editorial import APPROVAL_WORKFLOW
from tests.factories import CommunicationsLeadFactory, EditorFactory, translate

from .helpers import admin_user, english

pytestmark = pytest.mark.django_db

TITLE = "Frokostmøte om eksport"


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def add_page(client, parent, action):
    """POST the add form of a StandardPage under `parent` with the footer button `action`
    ("action-publish" or "action-submit")."""
    data = nested_form_data({"title": TITLE, "slug": "", "body": streamfield([])})
    return client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)),
        {**data, action: action.removeprefix("action-")},
    )


def approve(client, page):
    workflow_state = WorkflowState.objects.get(object_id=str(page.pk), status="in_progress")
    return client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", workflow_state.current_task_state.pk),
        ),
        {"comment": ""},
    )


def test_every_page_uses_the_communications_lead_approval(shared_bilingual):
    for home in (shared_bilingual.nb, shared_bilingual.en):
        assert home.get_workflow().name == APPROVAL_WORKFLOW


def test_an_editor_can_submit_but_not_publish(client, shared_bilingual, commit):
    client.force_login(EditorFactory())
    form = client.get(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", shared_bilingual.nb.pk))
    ).text
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form

    with commit():
        add_page(client, shared_bilingual.nb, "action-publish")  # saved as a draft at most
    assert not StandardPage.objects.filter(live=True).exists()

    with commit():
        assert add_page(client, shared_bilingual.nb, "action-submit").status_code == 302
    page = StandardPage.objects.latest("pk")
    assert not page.live
    assert page.workflow_in_progress
    client.logout()
    assert client.get(f"/nb/{page.slug}/").status_code == 404


@pytest.mark.parametrize(
    ("language", "subject_words"),
    [("nb", "er sendt til godkjenning"), ("en", "has been submitted for approval")],
)
def test_the_lead_is_told_in_their_language_and_the_approval_publishes(
    client, shared_bilingual, commit, language, subject_words
):
    editor = admin_user(EditorFactory, language)
    lead = admin_user(CommunicationsLeadFactory, language)
    client.force_login(editor)
    with commit():
        add_page(client, shared_bilingual.nb, "action-submit")
    page = StandardPage.objects.get()
    to_lead = [message for message in mail.outbox if message.to == [lead.email]]
    assert len(to_lead) == 1
    assert TITLE in to_lead[0].subject
    assert subject_words in to_lead[0].subject
    # The workflow's name in the lead's language (site_core.workflow_names).
    names = {"nb": "Godkjenning hos kommunikasjonsleder", "en": APPROVAL_WORKFLOW}
    assert names[language] in to_lead[0].body
    mail.outbox.clear()

    client.force_login(lead)
    with commit():
        assert approve(client, page).status_code == 302
    page.refresh_from_db()
    assert page.live
    to_editor = [message for message in mail.outbox if message.to == [editor.email]]
    assert len(to_editor) == 1
    approved = {"nb": "er godkjent i arbeidsflyten", "en": "has been approved in workflow"}
    assert approved[language] in to_editor[0].body
    client.logout()
    assert TITLE in client.get(page.url).text


def test_an_editor_translates_and_the_lead_publishes_the_english_page(
    client, shared_bilingual, commit
):
    norwegian = shared_bilingual.nb.add_child(
        instance=StandardPage(title=TITLE, slug="frokostmote")
    )
    norwegian.save_revision().publish()
    editor, lead = EditorFactory(), CommunicationsLeadFactory()
    client.force_login(editor)
    with commit():
        client.post(
            reverse("wagtail_localize:submit_page_translation", args=[norwegian.pk]),
            {"locales": [english().pk]},
        )
    translation = Translation.objects.get(
        source__object_id=norwegian.translation_key, target_locale=english()
    )
    translated = Page.objects.get(translation_key=norwegian.translation_key, locale=english())
    edit_url = reverse("wagtailadmin_pages:edit", args=[translated.pk])
    with commit():
        client.post(edit_url, {"action": "publish"})  # Wagtail: "Sorry, you do not have …"
    assert not Page.objects.get(pk=translated.pk).live

    client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": edit_url}
    )
    client.force_login(lead)
    with commit():
        assert client.post(edit_url, {"action": "publish"}).status_code == 302
    client.logout()
    assert client.get(Page.objects.get(pk=translated.pk).url).status_code == 200
    assert client.get(norwegian.url).status_code == 200


@pytest.mark.parametrize("live", [True, False], ids=["live translation", "draft translation"])
def test_an_editor_cannot_put_norwegian_text_live_by_converting_to_an_alias(
    client, shared_bilingual, commit, live
):
    """wagtail-localize's "Convert to alias page" shows the source's live content in the
    translation's place: publishing, so the lead's (site_core.translation_publishing)."""
    norwegian = shared_bilingual.nb.add_child(
        instance=StandardPage(title=TITLE, slug="frokostmote")
    )
    norwegian.save_revision().publish()
    with commit():
        english_page = translate(norwegian, {TITLE: "Export breakfast"})
    if not live:
        english_page.refresh_from_db()
        english_page.unpublish()
        assert not Page.objects.get(pk=english_page.pk).live
    url = reverse("wagtail_localize:convert_to_alias", args=[english_page.pk])

    client.force_login(EditorFactory())
    with commit():
        client.post(url)
    english_page = Page.objects.get(pk=english_page.pk)
    assert english_page.alias_of_id is None
    assert english_page.live is live

    client.force_login(CommunicationsLeadFactory())
    with commit():
        assert client.post(url).status_code == 302
    assert Page.objects.get(pk=english_page.pk).alias_of_id == norwegian.pk
