"""The design system's shared parts as visitors and editors meet them: the field
component's required marker (seen "*", heard "required"/"påkrevd"), the site's logo, the
admin's branding (issue 15, points 1, 3 and 7)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db

REQUIRED = {"nb": "påkrevd", "en": "required"}


def soup_of(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("language", ["nb", "en"])
def test_required_fields_are_marked_for_eyes_and_screen_readers(client, public_site, language):
    with translation.override(language):
        login = soup_of(client.get(reverse("login")))
    password = login.find("label", attrs={"for": "id_password"})
    assert password.select_one(".field__required[aria-hidden=true]").get_text() == "*"
    assert password.select_one(".visually-hidden").get_text().strip() == f"({REQUIRED[language]})"
    # The checkbox is optional: no marker, and it comes before its label.
    remember = login.select_one(".field--checkbox")
    assert remember.find("input")["type"] == "checkbox"
    assert not remember.select(".field__required")
    assert login.select_one("main button[type=submit]")["class"] == ["button"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_membership_form_explains_the_marker(client, public_site, language):
    page = soup_of(client.get(getattr(public_site.pages["membership"], language).url))
    explanation = {"nb": "Felt merket med * må fylles ut.", "en": "Fields marked * are required."}
    assert explanation[language] in page.get_text()
    consent = page.find("input", attrs={"name": "consent"}).find_parent(class_="field")
    assert "field--checkbox" in consent["class"]
    assert consent.select_one(".field__required")


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_header_shows_the_logo_and_names_the_brand(client, public_site, language):
    page = soup_of(client.get(getattr(public_site.pages["home"], language).url))
    brand = page.select_one("header a.brand")
    assert brand.find("img")["src"].endswith("img/logo-mark.svg")
    assert brand.find("img")["alt"] == ""  # decoration: the link's text names it
    assert " ".join(brand.get_text(" ").split()) == "Norwegian Rooms ® Cluster"


def test_the_logos_carry_a_title():
    from pathlib import Path

    static = Path(__file__).resolve().parents[2] / "static" / "img"
    for name in ("logo.svg", "logo-mark.svg", "favicon.svg"):
        assert "<title" in (static / name).read_text(), name


def test_the_admin_login_carries_the_clusters_name_and_logo(client, settings):
    settings.SITE_BRAND = "Testklyngen"
    page = soup_of(client.get(reverse("wagtailadmin_login")))
    assert page.title.get_text().endswith("Testklyngen® Cluster")
    assert "Testklyngen® Cluster" in page.h1.get_text()
    logo = page.select_one(".login-logo img")
    assert logo["src"].endswith("img/logo.svg") and logo["alt"] == "Testklyngen® Cluster"
    assert page.find("link", rel="icon")["href"].endswith("img/favicon.svg")


@pytest.mark.parametrize(("language", "welcome"), [("nb", "Velkommen til"), ("en", "Welcome to")])
def test_the_admin_dashboard_greets_editors_with_the_clusters_name(
    client, public_site, log_in_as, language, welcome
):
    user = log_in_as("editor")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page = soup_of(client.get(reverse("wagtailadmin_home")))
    assert page.h1.get_text().strip() == f"{welcome} Norwegian Rooms® Cluster"
    assert page.select_one("[data-wagtail-sidebar-branding-logo]") is not None
    assert "img/logo-mark.svg" in str(page.select_one("[data-wagtail-sidebar-branding-logo]"))
