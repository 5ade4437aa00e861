"""An editor changes a Norwegian news page and brings the change to its English version."""

import pytest
from playwright.sync_api import expect

from home.models import NewsPage
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

NEW_INTRO = "Klyngen har fått ny strategi for eksport."
MACHINE_ENGLISH = "The cluster"  # what the offline glossary makes of "Klyngen"


def test_editor_publishes_a_change_and_its_machine_translation(fresh_site, new_page):
    page = new_page(locale="en-GB")  # the admin follows the browser's language
    norwegian = NewsPage.objects.get(slug="tildelt-bronze-label")
    english = NewsPage.objects.get(slug="awarded-the-bronze-label")
    log_in_to_admin(page, "redaktor", "demo-redaktor-passord")

    # Edit and publish the Norwegian page.
    page.goto(f"/admin/pages/{norwegian.pk}/edit/")
    page.locator("#id_intro").fill(NEW_INTRO)
    page.locator("footer .w-dropdown__toggle").click()
    with page.expect_navigation():
        page.locator('footer button[name="action-publish"]').click()
    expect(page.locator(".messages")).to_contain_text("has been published")

    # Sync the change into the English translation (without publishing it yet).
    page.goto(f"/admin/pages/{norwegian.pk}/edit/")
    page.locator("header").get_by_role("button", name="Actions").click()
    with page.expect_navigation():
        page.get_by_role("link", name="Sync translated pages").click()
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()

    # In wagtail-localize's editor: machine-translate the new segment, then publish.
    page.goto(f"/admin/pages/{english.pk}/edit/")
    with page.expect_navigation():
        page.get_by_role(
            "button", name="Translate with Offline glossary translator ("
        ).first.click()
    expect(page.locator(".messages")).to_contain_text("Offline glossary translator")
    with page.expect_navigation():
        page.get_by_role("button", name="Publish in English").click()

    visitor = page.context.browser.new_page(base_url=fresh_site)
    try:
        visitor.goto(english.url)
        expect(visitor.locator("main")).to_contain_text(MACHINE_ENGLISH)
        expect(visitor.locator("main")).to_contain_text("new strategi")  # the glossary's draft
        expect(visitor.locator("main")).not_to_contain_text("received the Bronze Label")
    finally:
        visitor.close()
