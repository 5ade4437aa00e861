"""In the browser, Publish in wagtail-localize's translation editor with a segment
untranslated lands on the confirmation page (site_core.translation_publishing): the React
editor's Publish is a plain form POST that the browser follows."""

import pytest
from playwright.sync_api import expect
from wagtail_localize.models import TranslationSource

from home.models import NewsPage
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

NEW_INTRO = "Klyngen har fått ny strategi for eksport."


def test_publish_with_an_untranslated_segment_asks_first(fresh_site, new_page):
    norwegian = NewsPage.objects.get(slug="tildelt-bronze-label")
    english = NewsPage.objects.get(slug="awarded-the-bronze-label")
    # A new Norwegian introduction, published and synced into English, not published there
    # ("Sync translated pages" without "Publish immediately" does only this update).
    norwegian.intro = NEW_INTRO
    norwegian.save_revision().publish()
    TranslationSource.objects.get(object_id=norwegian.translation_key).update_from_db()
    admin = new_page(locale="en-GB")  # the admin follows the browser's language
    log_in_to_admin(admin, "admin", "demo-admin-passord")

    admin.goto(f"/admin/pages/{english.pk}/edit/")
    with admin.expect_navigation():
        admin.get_by_role("button", name="Publish in English").click()

    expect(admin.locator("h1")).to_contain_text("Publish with untranslated segments?")
    expect(admin.locator("main table")).to_contain_text(NEW_INTRO)
    visitor = new_page()
    visitor.goto(english.url)
    expect(visitor.locator("main")).not_to_contain_text(NEW_INTRO)

    with admin.expect_navigation():
        admin.get_by_role("button", name="Publish anyway").click()

    expect(admin.locator(".messages")).to_contain_text("with missing translations")
    visitor = new_page()  # a new browser: the page may be kept for a minute (max-age)
    visitor.goto(english.url)
    expect(visitor.locator("main")).to_contain_text(NEW_INTRO)
