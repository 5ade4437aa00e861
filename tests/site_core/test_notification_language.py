"""Wagtail's notification e-mails reach a recipient who chose no admin language in the
site's language, Norwegian, whatever language the sender's admin speaks; a recipient who
chose English gets English (site_core.notification_language)."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import PageSubscription, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import CommunicationsLeadFactory, EditorFactory, StandardPageFactory, publish

from .helpers import admin_user
from .test_approval_workflow import add_page

pytestmark = pytest.mark.django_db

SUBMITTED = {"nb": "er sendt til godkjenning", "en": "has been submitted for approval"}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def mails_to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def test_an_english_editor_submits_and_the_lead_hears_in_their_own_language(
    client, bilingual, commit
):
    editor = admin_user(EditorFactory, "en")
    lead_without_preference = CommunicationsLeadFactory()
    english_lead = admin_user(CommunicationsLeadFactory, "en")
    client.force_login(editor)
    with commit():
        assert add_page(client, bilingual.nb, "action-submit").status_code == 302

    (to_norwegian_lead,) = mails_to(lead_without_preference)
    assert SUBMITTED["nb"] in to_norwegian_lead.subject
    assert SUBMITTED["nb"] in to_norwegian_lead.body
    assert SUBMITTED["en"] not in to_norwegian_lead.body
    (to_english_lead,) = mails_to(english_lead)
    assert SUBMITTED["en"] in to_english_lead.subject


@pytest.mark.parametrize(
    ("action", "norwegian", "english"),
    [
        ("approve", "er godkjent i arbeidsflyten", "has been approved in workflow"),
        ("reject", "ble avvist", "has been rejected"),
    ],
)
@pytest.mark.parametrize("editor_language", ["", "en"], ids=["no preference", "English"])
def test_an_english_lead_answers_and_the_editor_hears_in_their_own_language(
    client, bilingual, commit, action, norwegian, english, editor_language
):
    editor = admin_user(EditorFactory, editor_language)
    lead = admin_user(CommunicationsLeadFactory, "en")
    client.force_login(editor)
    with commit():
        add_page(client, bilingual.nb, "action-submit")
    page = StandardPage.objects.get()
    task_state = WorkflowState.objects.get(object_id=str(page.pk)).current_task_state
    mail.outbox.clear()

    client.force_login(lead)
    with commit():
        client.post(
            reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk)),
            {"comment": "Se over ingressen."},
        )
    (to_editor,) = mails_to(editor)
    expected, unexpected = (english, norwegian) if editor_language == "en" else (norwegian, english)
    assert expected in to_editor.body
    assert unexpected not in to_editor.body


def comment_on(client, page, text):
    """Save a draft of `page` (a StandardPage) with a new comment on its title, as the
    editor's comment panel does."""
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "body": streamfield([]),
            "comments": inline_formset(
                [
                    {
                        "id": "",
                        "contentpath": "title",
                        "text": text,
                        "position": "",
                        "resolved": "",
                        "replies": inline_formset([]),
                    }
                ]
            ),
        }
    )
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


def test_comment_notifications_from_an_english_editor(client, bilingual, commit):
    page = publish(StandardPageFactory(parent=bilingual.nb, title="Frokostmøte"))
    lead_without_preference = CommunicationsLeadFactory()
    english_lead = admin_user(CommunicationsLeadFactory, "en")
    for subscriber in (lead_without_preference, english_lead):
        PageSubscription.objects.create(page=page, user=subscriber, comment_notifications=True)
    client.force_login(admin_user(EditorFactory, "en"))
    with commit():
        assert comment_on(client, page, "Stemmer datoen?").status_code == 302

    (to_norwegian_lead,) = mails_to(lead_without_preference)
    assert "har oppdatert kommentarene på" in to_norwegian_lead.subject
    assert "Nye kommentarer:" in to_norwegian_lead.body
    (to_english_lead,) = mails_to(english_lead)
    assert "has updated comments on" in to_english_lead.subject
