"""New pages get ASCII slugs in both languages: æ, ø and å transliterated, never dropped or
percent-encoded in the address (site_core.pages.SitePage)."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize(
    ("title", "slug", "expected"),
    [
        ("Frokostmøte: eksport til Tyskland", "", "frokostmote-eksport-til-tyskland"),
        ("Årsmøte", "årsmøte-på-Ærø", "arsmote-pa-aero"),
    ],
    ids=["left empty", "typed"],
)
def test_an_editors_new_page_gets_an_ascii_slug(
    client, editor_form, bilingual, language, title, slug, expected
):
    parent = getattr(bilingual, language)
    data = nested_form_data({"title": title, "slug": slug, "body": streamfield([])})
    response = client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)),
        {**data, "action-publish": "publish"},
    )
    assert response.status_code == 302, response.context["form"].errors
    page = StandardPage.objects.child_of(parent).get()
    assert page.slug == expected
    assert page.url == f"/{language}/{expected}/"
    client.logout()
    assert client.get(page.url).status_code == 200


def test_pages_with_the_same_title_get_numbered_ascii_slugs(bilingual):
    first = StandardPageFactory(parent=bilingual.nb, title="Frokostmøte", slug="")
    second = StandardPageFactory(parent=bilingual.nb, title="Frokostmøte", slug="")
    assert (first.slug, second.slug) == ("frokostmote", "frokostmote-2")


def test_an_ascii_slug_is_kept_as_it_is(bilingual):
    page = StandardPageFactory(parent=bilingual.en, title="Møte", slug="meeting-2026")
    assert page.slug == "meeting-2026"


def add_standard_page(client, parent, title, slug=""):
    data = nested_form_data({"title": title, "slug": slug, "body": streamfield([])})
    return client.post(
        reverse("wagtailadmin_pages:add", args=("home", "standardpage", parent.pk)),
        {**data, "action-publish": "publish"},
    )


def test_an_empty_slug_is_numbered_past_a_sibling_with_the_same_title(
    client, editor_form, bilingual
):
    for _ in range(2):
        assert add_standard_page(client, bilingual.nb, "Frokostmøte").status_code == 302
    slugs = StandardPage.objects.child_of(bilingual.nb).values_list("slug", flat=True)
    assert sorted(slugs) == ["frokostmote", "frokostmote-2"]


def test_a_title_without_letters_and_no_slug_is_explained_and_kept(client, editor_form, bilingual):
    response = add_standard_page(client, bilingual.nb, "???")
    assert response.status_code == 200
    assert response.context["form"].errors["slug"] == [
        "Gi siden en adresse (slug): tittelen har ingen bokstaver eller sifre å lage den av."
    ]
    assert response.context["form"]["title"].value() == "???"
    assert not StandardPage.objects.exists()
