"""The admin dashboard shows the translation status counts, each a link to the report
filtered by that status, to those who may open the report, in their admin language
(site_core.translation_status_views.TranslationStatusPanel)."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils.http import urlencode

from site_core.translation_status import DRAFT, MACHINE, MISSING, OUTDATED, UP_TO_DATE
from tests.factories import (
    EditorFactory,
    StandardPageFactory,
    UserFactory,
    as_committed,
    publish,
    translate,
)

from .helpers import admin_user

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("wagtailadmin_home")
REPORT = reverse("site_core_translation_status")


@pytest.fixture
def content(bilingual):
    """The translated home page, a page never translated and an outdated one."""
    with as_committed():
        publish(StandardPageFactory(parent=bilingual.nb, title="Aldri oversatt"))
        outdated = publish(StandardPageFactory(parent=bilingual.nb, title="Gammel tittel"))
        translate(outdated, {"Gammel tittel": "Old title"})
        outdated.title = "Ny tittel"
        publish(outdated)
    return bilingual


@pytest.mark.parametrize(
    ("language", "heading", "missing_label"),
    [("nb", "Oversettelsesstatus", "Mangler"), ("en", "Translation status", "Missing")],
)
def test_an_editor_sees_the_counts_linking_to_the_report(
    client, content, language, heading, missing_label
):
    client.force_login(admin_user(EditorFactory, language))
    html = client.get(DASHBOARD).text
    assert heading in html
    counts = {
        status: int(count) for status, count in re.findall(r'data-count="(\w+)">(\d+)<', html)
    }
    assert counts == {MISSING: 1, DRAFT: 0, OUTDATED: 1, MACHINE: 0, UP_TO_DATE: 1}
    link = f'href="{REPORT}?{urlencode({"status": MISSING})}" data-status="missing">'
    assert f"{link}{missing_label}</a>" in html
    for status in (DRAFT, OUTDATED, MACHINE, UP_TO_DATE):
        assert f'href="{REPORT}?{urlencode({"status": status})}"' in html


def test_hidden_from_admin_users_who_do_not_edit_pages(client, content):
    """Admin access alone (a user who manages only documents, say) shows no panel."""
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get(DASHBOARD)
    assert response.status_code == 200
    assert 'id="translation-status' not in response.text
    assert "data-count=" not in response.text
