"""Editors can create and edit every public page type and snippet in the admin."""

import pytest
from wagtail.models import Page

from home.models import (
    EventIndexPage,
    EventPage,
    Footer,
    GoalsPage,
    HomePage,
    LabelPage,
    MemberCompany,
    MembershipPage,
    NewsPage,
    NewsTag,
    ProgrammePage,
    StandardPage,
)
from tests.factories import AdminFactory


@pytest.fixture
def admin_client(client, public_site):
    """An administrator's client, on the factory-built public site."""
    client.force_login(AdminFactory())
    return client


@pytest.mark.parametrize(
    ("model", "parent_model"),
    [
        (StandardPage, HomePage),
        (NewsPage, "home.NewsIndexPage"),
        (EventPage, EventIndexPage),
        (LabelPage, "home.LabelIndexPage"),
        (ProgrammePage, "home.ProgrammeIndexPage"),
    ],
)
def test_add_form_opens(admin_client, model, parent_model):
    parent = (
        parent_model.objects.get(locale__language_code="nb")
        if not isinstance(parent_model, str)
        else Page.objects.get(
            content_type__app_label="home",
            content_type__model=parent_model.split(".")[1].lower(),
            locale__language_code="nb",
        )
    )
    url = f"/admin/pages/add/home/{model._meta.model_name}/{parent.pk}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize(
    "model", [HomePage, GoalsPage, LabelPage, ProgrammePage, NewsPage, EventPage, MembershipPage]
)
def test_edit_form_opens(admin_client, model):
    page = model.objects.filter(locale__language_code="nb").first()
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


@pytest.mark.parametrize("model", [MemberCompany, NewsTag, Footer])
def test_snippet_edit_form_opens(admin_client, model):
    obj = model.objects.filter(locale__language_code="nb").first()
    url = f"/admin/snippets/home/{model._meta.model_name}/edit/{obj.pk}/"
    assert admin_client.get(url).status_code == 200


@pytest.mark.parametrize("action", ["add", "edit"])
def test_a_company_address_already_taken_is_refused_with_a_message(admin_client, action):
    taken = MemberCompany.objects.filter(locale__language_code="nb").first()
    other = MemberCompany.objects.filter(locale=taken.locale).exclude(pk=taken.pk).first()
    url = (
        "/admin/snippets/home/membercompany/add/?locale=nb"
        if action == "add"
        else f"/admin/snippets/home/membercompany/edit/{other.pk}/"
    )
    count = MemberCompany.objects.count()
    response = admin_client.post(
        url,
        {"name": "Nytt Navn AS", "slug": taken.slug, "sector": taken.sector, "action-publish": "1"},
    )
    assert response.status_code == 200  # the form again, not a server error
    assert "En annen medlemsbedrift har allerede denne adressen" in response.content.decode()
    assert MemberCompany.objects.count() == count
    if action == "edit":
        other.refresh_from_db()
        assert other.name != "Nytt Navn AS"


def test_membership_submissions_are_listed_for_editors(admin_client):
    page = MembershipPage.objects.get(locale__language_code="nb")
    page.get_submission_class().objects.create(
        page=page, form_data={"company_name": "Testfirma AS", "organisation_number": "123456785"}
    )
    response = admin_client.get(f"/admin/forms/submissions/{page.pk}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "Testfirma AS" in body and "123456785" in body


ADMIN_PAGES = [
    "/admin/",
    "/admin/pages/",
    "/admin/users/",
    "/admin/account/",
    "/admin/reports/site-history/",
]


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_the_admin_asks_no_third_party_for_avatars(admin_client, path):
    response = admin_client.get(path)
    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
