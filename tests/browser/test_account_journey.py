"""A member opens My account from the intranet navigation, corrects a mistyped phone
number, chooses to show their e-mail address, finds themselves in the people directory,
then closes the account; in both languages."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

MEMBERS = {
    "nb": ("medlem@example.no", "demo-medlem-passord", "Mona Medlem"),
    "en": ("eksport@example.com", "demo-eksport-passord", "Oliver Exporter"),
}
TEXTS = {
    "nb": {
        "account": "Min konto",
        "people": "Personer",
        "phone error": "Bruk bare sifre, mellomrom og + først",
        "save details": "Lagre opplysningene",
        "saved": "Opplysningene dine er lagret.",
        "show email": "Vis e-postadressen min",
        "save choices": "Lagre valgene",
        "choices saved": "Valgene dine for personoversikten er lagret.",
        "close": "Avslutt kontoen min …",
        "confirm close": "Ja, avslutt kontoen min",
        "closed": "Kontoen din er avsluttet",
    },
    "en": {
        "account": "My account",
        "people": "People",
        "phone error": "Use digits, spaces and a leading + only",
        "save details": "Save details",
        "saved": "Your details are saved.",
        "show email": "Show my e-mail address",
        "save choices": "Save choices",
        "choices saved": "Your choices for the people directory are saved.",
        "close": "Close my account…",
        "confirm close": "Yes, close my account",
        "closed": "Your account is closed",
    },
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_member_edits_their_account_appears_in_people_and_closes_it(fresh_site, page, language):
    email, password, name = MEMBERS[language]
    texts = TEXTS[language]
    log_in(page, email, password, language)
    nav = page.locator("nav.intranet-nav")
    with page.expect_navigation():
        nav.get_by_role("link", name=texts["account"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts["account"])
    assert_no_axe_violations(page, f"my account ({language})")

    details = page.locator("form", has=page.locator("input[name=phone]"))
    details.locator("input[name=job_title]").fill("Innkjøper")
    details.locator("input[name=phone]").fill("ring meg")
    with page.expect_navigation():
        details.get_by_role("button", name=texts["save details"]).click()
    expect(page.locator("main")).to_contain_text(texts["phone error"])
    details = page.locator("form", has=page.locator("input[name=phone]"))
    expect(details.locator("input[name=job_title]")).to_have_value("Innkjøper")  # kept
    assert_no_axe_violations(page, f"my account with an error ({language})")
    details.locator("input[name=phone]").fill("+47 900 12 345")
    with page.expect_navigation():
        details.get_by_role("button", name=texts["save details"]).click()
    expect(page.get_by_role("status").first).to_have_text(texts["saved"])

    page.get_by_label(texts["show email"]).check()
    with page.expect_navigation():
        page.get_by_role("button", name=texts["save choices"]).click()
    expect(page.get_by_role("status").first).to_have_text(texts["choices saved"])

    with page.expect_navigation():
        page.locator("nav.intranet-nav").get_by_role("link", name=texts["people"]).click()
    page.locator("#people-search").fill(name.split()[1])
    with page.expect_navigation():
        page.locator("#people-search").press("Enter")
    row = page.locator("tbody tr", has_text=name)
    expect(row).to_contain_text("Innkjøper")
    expect(row).to_contain_text(email)
    assert_no_axe_violations(page, f"people directory ({language})")
    with page.expect_navigation():
        row.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.locator("main")).to_contain_text(email)
    assert_no_axe_violations(page, f"a member's profile ({language})")

    with page.expect_navigation():
        page.locator("nav.intranet-nav").get_by_role("link", name=texts["account"]).click()
    with page.expect_navigation():
        page.get_by_role("link", name=texts["close"]).click()
    with page.expect_navigation():
        page.get_by_role("button", name=texts["confirm close"]).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(texts["closed"])
    assert not get_user_model().objects.get(email=email).is_active
    log_in(page, email, password, language)
    expect(page.locator("main #id_password")).to_be_visible()  # refused: the form again
