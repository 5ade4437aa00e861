"""Signing up for events: a visitor corrects the form, is registered, gets the e-mail and
cancels with its link (both languages, without JavaScript too); a project member signs up
for the members-only event with one button, finds it under "my events" and cancels."""

import re
import uuid

import pytest
from django.core import mail
from playwright.sync_api import expect

from home.models.event_registrations import EventRegistration
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

WORKSHOP = {
    "nb": "/nb/arrangementer/verksted-materialvalg/",
    "en": "/en/events/workshop-materials/",
}
PROJECT_EVENT = "/nb/arrangementer/prosjektmote-sirkulaere-materialer/"
TEXTS = {
    "nb": {
        "invalid": "Skriv en gyldig e-postadresse, som navn@example.no.",
        "consent": "Kryss av i boksen så vi kan lagre påmeldingen din.",
        "places": "ledige plasser",
        "sign up": "Meld deg på",
        "registered": "Du er påmeldt",
        "subject": "Du er påmeldt: Verksted: bærekraftige materialvalg",
        "cancel": "Meld meg av",
        "cancelled": "Du er meldt av",
    },
    "en": {
        "invalid": "Enter a valid e-mail address, like name@example.no.",
        "consent": "Tick the box to let us store your sign-up.",
        "places": "places left",
        "sign up": "Sign up",
        "registered": "You are registered",
        "subject": "You are registered: Workshop: choosing sustainable materials",
        "cancel": "Cancel my registration",
        "cancelled": "Your registration is cancelled",
    },
}
Status = EventRegistration.Status


@pytest.mark.parametrize(("language", "javascript"), [("nb", True), ("en", True), ("nb", False)])
def test_visitor_signs_up_gets_the_mail_and_cancels(site, browser, language, javascript):
    texts = TEXTS[language]
    address = f"deltaker-{uuid.uuid4().hex[:8]}@example.no"
    context = browser.new_context(base_url=site, java_script_enabled=javascript)
    page = context.new_page()
    try:
        page.goto(WORKSHOP[language])
        section = page.locator("#registration")
        expect(section).to_contain_text(texts["places"])  # before the form
        section.get_by_label(re.compile("^(Navn|Name)")).fill("Kari Nordmann")
        section.locator("input[name=email]").fill(address.replace("@", "-"))  # forgot the @
        with page.expect_navigation():
            section.get_by_role("button", name=texts["sign up"], exact=True).click()

        section = page.locator("#registration")
        expect(section).to_contain_text(texts["invalid"])
        expect(section).to_contain_text(texts["consent"])
        expect(section.locator("input[name=name]")).to_have_value("Kari Nordmann")  # kept
        audit(page, javascript, "event sign-up with errors")
        section.locator("input[name=email]").fill(address)
        section.locator("input[name=consent]").check()
        with page.expect_navigation():
            section.get_by_role("button", name=texts["sign up"], exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(texts["registered"])
        audit(page, javascript, "event: registered")
        registration = EventRegistration.objects.get(email=address)
        assert registration.status == Status.CONFIRMED

        (message,) = [m for m in mail.outbox if m.to == [address]]
        assert message.subject == texts["subject"]
        assert message.attachments[0][0].endswith(".ics")
        cancel_url = re.search(r"https?://\S+/cancel/\S+/", message.body).group(0)
        page.goto(cancel_url)
        registration.refresh_from_db()
        assert registration.status == Status.CONFIRMED  # opening the link changes nothing
        audit(page, javascript, "event: cancel")
        with page.expect_navigation():
            page.locator("main").get_by_role("button", name=texts["cancel"]).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(texts["cancelled"])
        registration.refresh_from_db()
        assert registration.status == Status.CANCELLED
    finally:
        context.close()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_member_signs_up_with_one_button_and_finds_it_on_the_dashboard(site, browser, language):
    context = browser.new_context(base_url=site)
    page = context.new_page()
    try:
        log_in(page, "sirkel@example.no", "demo-sirkel-passord", language)
        event = (
            PROJECT_EVENT
            if language == "nb"
            else ("/en/events/project-meeting-circular-materials/")
        )
        page.goto(event)
        section = page.locator("#registration")
        expect(section.locator("input[name=email]")).to_have_count(0)
        with page.expect_navigation():
            section.get_by_role("button").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TEXTS[language]["registered"])
        (message,) = [m for m in mail.outbox if m.to == ["sirkel@example.no"]]
        assert message.attachments[0][0].endswith(".ics")

        page.goto("/nb/intranett/" if language == "nb" else "/en/intranet/")
        my_events = page.locator("section[aria-labelledby=my-events]")
        expect(my_events).to_contain_text(
            "Prosjektmøte: Sirkulære materialer"
            if language == "nb"
            else "Project meeting: Circular materials"
        )
        assert_no_axe_violations(page, "dashboard with my events")

        page.goto(event)
        with page.expect_navigation():
            page.locator("#registration").get_by_role(
                "button", name=TEXTS[language]["cancel"]
            ).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(TEXTS[language]["cancelled"])
        assert not EventRegistration.objects.filter(
            email="sirkel@example.no", status__in=EventRegistration.ACTIVE
        ).exists()
        mail.outbox.clear()
    finally:
        context.close()


def audit(page, javascript, name):
    """axe on the page as it is (axe runs as a script: only where JavaScript is on)."""
    if javascript:
        assert_no_axe_violations(page, name)
