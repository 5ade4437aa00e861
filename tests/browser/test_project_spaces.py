"""A member asks to join a project, staff approve, the member posts and uploads a
document (a wrong file first), sees its history and leaves; in both languages."""

import pytest
from playwright.sync_api import expect

from intranet.demo import minimal_pdf
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import PHONE, horizontal_overflow, log_in

pytestmark = pytest.mark.browser

URLS = {
    "nb": {
        "projects": "/nb/intranett/prosjekter/",
        "space": "/nb/intranett/eksport-til-storbritannia/",
        "requests": "/nb/intranett/eksport-til-storbritannia/foresporsler/",
    },
    "en": {
        "projects": "/en/intranet/projects/",
        "space": "/en/intranet/export-to-the-uk/",
        "requests": "/en/intranet/export-to-the-uk/requests/",
    },
}
TEXTS = {
    "nb": {
        "project": "Eksport til Storbritannia",
        "ask": "Be om å bli med",
        "asked": "Du har bedt om å bli med.",
        "approve": "Godkjenn",
        "approved": "er nå med i prosjektet",
        "publish": "Publiser innlegget",
        "upload": "Last opp et dokument",
        "send file": "Last opp",
        "wrong type": "Filer av denne typen kan ikke lastes opp",
        "uploaded": "er lastet opp (versjon 1)",
        "versions": "1 versjon",
        "history": "Versjon 1",
        "leave": "Forlat prosjektet",
        "left": "Du har forlatt",
        "no access": "Ingen tilgang",
    },
    "en": {
        "project": "Export to the UK",
        "ask": "Ask to join",
        "asked": "You have asked to join.",
        "approve": "Approve",
        "approved": "is now a member of the project",
        "publish": "Publish the post",
        "upload": "Upload a document",
        "send file": "Upload",
        "wrong type": "Files of this type cannot be uploaded",
        "uploaded": "is uploaded (version 1)",
        "versions": "1 version",
        "history": "Version 1",
        "leave": "Leave the project",
        "left": "You have left",
        "no access": "No access",
    },
}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_member_joins_contributes_and_leaves(fresh_site, new_page, tmp_path, language):
    urls, texts = URLS[language], TEXTS[language]
    member = new_page()
    log_in(member, "medlem@example.no", "demo-medlem-passord", language)

    member.goto(urls["projects"])
    offer = member.locator("article", has_text=texts["project"])
    assert_no_axe_violations(member, "projects page")
    offer.locator("textarea").fill("Vi vil selge i London.")
    with member.expect_navigation():
        offer.get_by_role("button", name=texts["ask"]).click()
    expect(member.locator("article", has_text=texts["project"])).to_contain_text(texts["asked"])

    staff = new_page()
    log_in(staff, "redaktor@example.no", "demo-redaktor-passord", language)
    staff.goto(urls["requests"])
    request = staff.locator("article", has_text="Vi vil selge i London.")
    assert_no_axe_violations(staff, "join requests")
    with staff.expect_navigation():
        request.get_by_role("button", name=texts["approve"]).click()
    expect(staff.locator("main")).to_contain_text(texts["approved"])

    member.goto(urls["space"])
    member.locator("#id_title").fill("Hei fra Mona")
    member.locator("#id_body").fill("Vi har kunder i London.")
    with member.expect_navigation():
        member.get_by_role("button", name=texts["publish"]).click()
    expect(member.locator("article.project-post").first).to_contain_text("Hei fra Mona")

    member.get_by_role("link", name=texts["upload"]).click()
    wrong = tmp_path / "program.exe"
    wrong.write_bytes(b"MZ" + b"\0" * 64)
    member.locator("#id_file").set_input_files(str(wrong))
    member.locator("#id_title").fill("Prisliste")
    with member.expect_navigation():
        member.get_by_role("button", name=texts["send file"], exact=True).click()
    expect(member.locator(".errorlist")).to_contain_text(texts["wrong type"])
    expect(member.locator("#id_title")).to_have_value("Prisliste")
    assert_no_axe_violations(member, "upload form with an error")
    good = tmp_path / "prisliste.pdf"
    good.write_bytes(minimal_pdf("Prisliste"))
    member.locator("#id_file").set_input_files(str(good))
    with member.expect_navigation():
        member.get_by_role("button", name=texts["send file"], exact=True).click()
    expect(member.locator("main")).to_contain_text(texts["uploaded"])
    assert_no_axe_violations(member, "project space")

    member.get_by_role("link", name=texts["versions"]).first.click()
    expect(member.locator("main table")).to_contain_text(texts["history"])
    assert_no_axe_violations(member, "document history")

    member.goto(urls["space"])
    with member.expect_navigation():
        member.get_by_role("button", name=texts["leave"]).click()
    expect(member.locator("main")).to_contain_text(texts["left"])
    member.goto(urls["space"])
    expect(member.get_by_role("heading", level=1)).to_have_text(texts["no access"])


def test_project_pages_fit_a_phone_screen(site, new_page):
    """The projects page, a space with its member posts and documents, its upload form, a
    document's history and the leads' requests: no sideways scrolling on a phone."""
    page = new_page(**PHONE)
    log_in(page, "prosjektleder@example.no", "demo-prosjektleder-passord")
    page.goto("/nb/intranett/sirkulaere-materialer/")
    history = page.locator("a[href*='/dokumenter/']").first.get_attribute("href")
    for path in [
        "/nb/intranett/prosjekter/",
        "/nb/intranett/sirkulaere-materialer/",
        "/nb/intranett/sirkulaere-materialer/last-opp/",
        "/nb/intranett/sirkulaere-materialer/foresporsler/",
        history,
    ]:
        page.goto(path)
        assert horizontal_overflow(page) == 0, path
