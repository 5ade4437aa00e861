"""An editor changes a Norwegian news page and submits it; the communications lead approves
it and publishes its English version (site_core.editorial: the approval workflow)."""

import pytest
from playwright.sync_api import expect

from home.models import NewsPage
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser

NEW_INTRO = "Klyngen har fått ny strategi for eksport."
MACHINE_ENGLISH = "The cluster"  # what the offline glossary makes of "Klyngen"


def test_editor_submits_the_lead_approves_and_publishes_the_translation(fresh_site, new_page):
    norwegian = NewsPage.objects.get(slug="tildelt-bronze-label")
    english = NewsPage.objects.get(slug="awarded-the-bronze-label")

    # The editor edits the Norwegian page and submits it: there is no Publish for them.
    editor = new_page(locale="en-GB")  # the admin follows the browser's language
    log_in_to_admin(editor, "redaktor", "demo-redaktor-passord")
    editor.goto(f"/admin/pages/{norwegian.pk}/edit/")
    editor.locator("#id_intro").fill(NEW_INTRO)
    editor.locator("footer .w-dropdown__toggle").click()
    expect(editor.locator('footer button[name="action-publish"]')).to_have_count(0)
    with editor.expect_navigation():
        editor.locator('footer button[name="action-submit"]').click()
    expect(editor.locator(".messages")).to_contain_text("submitted")

    # (each look is from a new browser: the pages may be kept for a minute, max-age)
    visitor = new_page()
    visitor.goto(norwegian.url)
    expect(visitor.locator("main")).not_to_contain_text(NEW_INTRO)

    # The communications lead finds it on the dashboard and approves it: it goes live.
    lead = new_page(locale="en-GB")
    log_in_to_admin(lead, "leder", "demo-leder-passord")
    expect(lead.locator("main")).to_contain_text("Awaiting your review")
    lead.goto(f"/admin/pages/{norwegian.pk}/edit/")
    lead.locator("footer .w-dropdown__toggle").click()
    with lead.expect_navigation():
        lead.locator('footer button[data-workflow-action-name="approve"]').first.click()
    visitor = new_page()
    visitor.goto(norwegian.url)
    expect(visitor.locator("main")).to_contain_text(NEW_INTRO)

    # The change reaches English: sync (without publishing), machine-translate the new
    # segment, then the lead publishes in English.
    lead.goto(f"/admin/pages/{norwegian.pk}/edit/")
    lead.locator("header").get_by_role("button", name="Actions").click()
    with lead.expect_navigation():
        lead.get_by_role("link", name="Sync translated pages").click()
    with lead.expect_navigation():
        lead.locator("main form [type=submit]").click()
    lead.goto(f"/admin/pages/{english.pk}/edit/")
    with lead.expect_navigation():
        lead.get_by_role(
            "button", name="Translate with Offline glossary translator ("
        ).first.click()
    expect(lead.locator(".messages")).to_contain_text("Offline glossary translator")
    with lead.expect_navigation():
        lead.get_by_role("button", name="Publish in English").click()

    visitor = new_page()
    visitor.goto(english.url)
    expect(visitor.locator("main")).to_contain_text(MACHINE_ENGLISH)
    expect(visitor.locator("main")).to_contain_text("new strategi")  # the glossary's draft
    expect(visitor.locator("main")).not_to_contain_text("received the Bronze Label")
