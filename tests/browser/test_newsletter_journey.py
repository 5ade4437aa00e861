"""A visitor signs up for the newsletter from the footer, corrects a mistyped address,
opens the link in the e-mail and confirms; in both languages, without JavaScript too."""

import re
import uuid

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models import NewsletterSubscription
from tests.browser.axe import assert_no_axe_violations

pytestmark = pytest.mark.browser

HOME = {"nb": "/nb/", "en": "/en/"}
TEXTS = {
    "nb": {
        "invalid": "Skriv en gyldig e-postadresse, som navn@example.no.",
        "check": "Sjekk e-posten din",
        "confirm": "Ja, meld meg på",
        "done": "Du er påmeldt",
    },
    "en": {
        "invalid": "Enter a valid e-mail address, like name@example.no.",
        "check": "Check your e-mail",
        "confirm": "Yes, subscribe me",
        "done": "You are subscribed",
    },
}


@pytest.mark.parametrize(("language", "javascript"), [("nb", True), ("en", True), ("nb", False)])
def test_visitor_signs_up_in_the_footer_and_confirms_from_the_mail(
    site, browser, language, javascript
):
    texts = TEXTS[language]
    address = f"leser-{uuid.uuid4().hex[:8]}@example.no"
    context = browser.new_context(base_url=site, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(HOME[language])
        footer = page.locator("footer form.newsletter-form")
        footer.get_by_role("textbox").fill(address.replace("@", "-"))  # forgot the @
        with page.expect_navigation():
            footer.get_by_role("button").click()

        field = page.locator("main input[name=email]")
        expect(page.locator("main")).to_contain_text(texts["invalid"])
        expect(field).to_have_attribute("aria-invalid", "true")
        expect(field).to_have_value(address.replace("@", "-"))  # what was typed is kept
        audit(page, javascript, "newsletter sign-up with an error")
        field.fill(address)
        with page.expect_navigation():
            page.locator("main form.newsletter-form button").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(texts["check"])
        audit(page, javascript, "newsletter: check your e-mail")
        subscription = NewsletterSubscription.objects.get(email=address)
        assert subscription.status == NewsletterSubscription.Status.PENDING

        (message,) = [m for m in mail.outbox if m.to == [address]]
        confirm_url = re.search(r"https?://\S+/", message.body).group(0)
        page.goto(confirm_url)
        subscription.refresh_from_db()
        assert subscription.status == NewsletterSubscription.Status.PENDING  # opening only
        audit(page, javascript, "newsletter: confirm")
        with page.expect_navigation():
            page.get_by_role("button", name=texts["confirm"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(texts["done"])
        audit(page, javascript, "newsletter: confirmed")
        subscription.refresh_from_db()
        assert subscription.status == NewsletterSubscription.Status.CONFIRMED
    finally:
        context.close()


def audit(page, javascript, name):
    """axe on the page as it is (axe runs as a script: only where JavaScript is on)."""
    if javascript:
        assert_no_axe_violations(page, name)
