"""Snippets visitors see are translated through wagtail-localize like pages."""

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from home.models import MemberCompany
from tests.factories import EditorFactory, locales

pytestmark = pytest.mark.django_db


def test_editor_translates_a_member_company(client):
    client.force_login(EditorFactory())
    nb, en = locales()["nb"], locales()["en"]
    company = MemberCompany.objects.create(
        locale=nb,
        name="Fjordlys Interiør AS",
        website="https://fjordlys.example.no",
        sector="interior",
        description="Klyngen har et nytt medlem.",
    )
    response = client.post(
        reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["home", "membercompany", company.pk],
        ),
        {"locales": [en.pk]},
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=company.translation_key, target_locale=en
    )
    client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]), {"next": "/admin/"}
    )
    translation.save_target()

    english = MemberCompany.objects.get(translation_key=company.translation_key, locale=en)
    assert english.description == "The cluster har a nytt member."  # glossary draft
    # Name, website and sector are synchronised, not translated.
    assert (english.name, english.website, english.sector) == (
        company.name,
        company.website,
        company.sector,
    )
