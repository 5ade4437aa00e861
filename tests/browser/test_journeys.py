"""Whole journeys through the site, the way a person makes them in a real browser."""

import re

import pytest
from django.db import connection
from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission
from wagtail.documents import get_document_model
from wagtail.models import Locale, Page

from tests.browser.helpers import PHONE, horizontal_overflow, log_in, switch_language, tab_until

pytestmark = pytest.mark.browser


def translation_path(path, language):
    """The path of the translation into `language` of the page at `path`, from the database."""
    page_language, *_parents, slug = path.strip("/").split("/")
    page = Page.objects.get(locale__language_code=page_language, slug=slug)
    return page.get_translation(Locale.objects.get(language_code=language)).url


def test_english_visitor_reads_news_then_switches_to_norwegian_and_back(site, new_page):
    page = new_page(locale="en-GB")
    page.goto("/")
    assert page.url == f"{site}/en/"
    article_link = page.locator(".card__title a").first
    title = article_link.inner_text()
    with page.expect_navigation():
        article_link.click()
    english_path = page.url.removeprefix(site)
    assert english_path.startswith("/en/news/")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)

    switch_language(page, "nb")
    assert page.url == site + translation_path(english_path, "nb")
    assert page.locator("html").get_attribute("lang") == "nb"

    page.go_back()
    assert page.url == site + english_path
    expect(page.get_by_role("heading", level=1)).to_have_text(title)


MEMBERSHIP_PATHS = {"nb": "/nb/bli-medlem/", "en": "/en/become-a-member/"}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_applicant_corrects_a_bad_organisation_number_and_applies(site, page, language):
    earlier = list(FormSubmission.objects.values_list("pk", flat=True))
    new_submissions = FormSubmission.objects.exclude(pk__in=earlier)
    page.goto(MEMBERSHIP_PATHS[language])
    form = page.locator("main form")
    form.locator("#id_company_name").fill("Testfabrikken AS")
    form.locator("#id_organisation_number").fill("923609017")  # fails the MOD11 check
    form.locator("#id_contact_person").fill("Kari Nordmann")
    form.locator("#id_email").fill("kari@example.no")
    form.locator("#id_phone").fill("+47 912 34 567")
    form.locator("#id_sector").select_option(index=1)
    form.locator("#id_consent").check()
    with page.expect_navigation():
        form.locator("[type=submit]").click()

    number = form.locator("#id_organisation_number")
    expect(number).to_have_attribute("aria-invalid", "true")
    error = page.locator("#id_organisation_number_error")
    expect(error).to_be_visible()
    assert "id_organisation_number_error" in number.get_attribute("aria-describedby").split()
    # Next to the field: in the same field group, right below it.
    assert error.evaluate(
        "(el, input) => el.parentElement === input.parentElement", number.element_handle()
    )
    assert not new_submissions.exists()
    # Everything else the applicant typed is still there.
    expect(form.locator("#id_company_name")).to_have_value("Testfabrikken AS")

    number.fill("923609016")
    with page.expect_navigation():
        form.locator("[type=submit]").click()
    expect(page.locator("main form")).to_have_count(0)
    expect(page.locator("main")).to_contain_text(
        "Takk" if language == "nb" else "Thank you", ignore_case=True
    )
    submission = new_submissions.get()
    assert submission.get_data()["organisation_number"] == "923609016"
    assert submission.get_data()["company_name"] == "Testfabrikken AS"


# (typed in the header, a word that appears on the result page as written)
SEARCHES = {
    # PostgreSQL's Norwegian stemmer finds "klyngen" (the cluster) from "klynger" (clusters).
    "postgresql": {"nb": ("klynger", "klyng"), "en": ("clustering", "cluster")},
    # SQLite has no stemmer: the exact word.
    "sqlite": {"nb": ("klyngen", "klyngen"), "en": ("cluster", "cluster")},
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_visitor_searches_from_the_header_and_opens_a_result(site, page, language):
    query, stem = SEARCHES[connection.vendor][language]
    page.goto(f"/{language}/")
    search = page.locator("header .search-form")
    search.get_by_role("searchbox").fill(query)
    with page.expect_navigation():
        search.get_by_role("searchbox").press("Enter")
    assert re.search(r"/(sok|search)/\?q=" + query, page.url)
    first = page.locator(".search-results li a").first
    title = first.inner_text()
    with page.expect_navigation():
        first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert stem in page.locator("main").inner_text().lower()
    if connection.vendor == "postgresql":
        # Stemming found the page: the query as typed is not on it.
        assert query not in page.locator("main").inner_text().lower()


def test_project_member_downloads_a_project_document_and_logs_out(site, page):
    log_in(page, "sirkel@example.no", "demo-sirkel-passord", "nb")
    assert page.url == f"{site}/nb/intranett/"
    expect(page.get_by_role("heading", level=1)).to_have_text("Intranett")

    with page.expect_navigation():
        page.locator("main").get_by_role("link", name="Sirkulære materialer").first.click()
    assert page.url == f"{site}/nb/intranett/sirkulaere-materialer/"
    link = page.locator(".document-list a").first
    document_id = int(re.search(r"/documents/(\d+)/", link.get_attribute("href"))[1])
    with page.expect_download() as download_info:
        link.click()
    downloaded = download_info.value.path().read_bytes()
    stored = get_document_model().objects.get(pk=document_id).file
    with stored.open("rb") as stored_file:
        assert downloaded == stored_file.read()

    response = page.goto("/nb/intranett/eksport-til-storbritannia/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingen tilgang")
    expect(page.locator("main")).not_to_contain_text("Storbritannia")

    page.goto("/nb/intranett/")
    with page.expect_navigation():
        page.get_by_role("button", name="Logg ut").click()
    assert page.url == f"{site}/nb/logg-inn/"
    expect(page.locator("main")).to_contain_text("Du er logget ut")
    expect(page.locator("header .site-header__brand")).to_be_visible()  # the public site

    page.goto("/nb/intranett/")
    assert page.url == f"{site}/nb/logg-inn/?next=/nb/intranett/"
    expect(page.locator("main #id_password")).to_be_visible()


PHONE_PATHS = [
    "/nb/",
    "/nb/nyheter/",
    "/nb/bli-medlem/",
    "/en/news/",
    "/en/become-a-member/",
    "/en/",
]


def test_phone_menu_opens_and_closes_with_keyboard_and_touch(site, new_page):
    page = new_page(**PHONE)
    overflowing = {}
    for path in PHONE_PATHS:
        page.goto(path)
        overflowing[path] = horizontal_overflow(page)
    assert not any(overflowing.values()), overflowing
    # On the English home page now.
    toggle = page.locator(".menu-toggle")
    menu = page.locator("#site-nav")
    expect(toggle).to_be_visible()
    expect(menu).to_be_hidden()

    tab_until(page, lambda element: element["tag"] == "button" and element["text"] == "Menu")
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu).to_be_visible()
    assert horizontal_overflow(page) == 0
    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_hidden()
    expect(toggle).to_be_focused()

    toggle.tap()
    expect(menu).to_be_visible()
    first_link = menu.locator("a").first
    expect(first_link).to_be_visible()
    toggle.tap()
    expect(menu).to_be_hidden()


def test_wrong_password_is_explained_next_to_the_fields(site, page):
    for language in ("nb", "en"):
        log_in(page, "sirkel@example.no", "wrong-password", language)
        error = page.locator("main #form-errors")
        expect(error).to_be_visible()
        expect(error).to_be_focused()
        for field in ("#id_username", "#id_password"):
            expect(page.locator(f"main {field}")).to_have_attribute(
                "aria-describedby", "form-errors"
            )
        expect(page.locator("main #id_username")).to_have_value("sirkel@example.no")
