"""axe-core finds no WCAG 2.0/2.1 A or AA violation on any page type, in either language.

Every page type is audited at phone and desktop width by tests/browser/test_design.py,
which also checks each page's images and fields (`images_and_fields_unlabelled`,
`images_without_alt_text`). Here each language is one test that audits the other states
in turn: the search page's prompt and empty result, a project space refused, and the
membership and login forms sent back with errors. Add new page types to the lists below.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_no_axe_violations, assert_no_axe_violations_on
from tests.browser.helpers import log_in

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "nb": {
        "home": "/nb/",
        "standard": "/nb/om-klyngen/",
        "goals": "/nb/strategiske-mal/",
        "label index": "/nb/utmerkelser/",
        "label": "/nb/utmerkelser/bronze-label/",
        "programme index": "/nb/programmer/",
        "programme": "/nb/programmer/norwegian-innovation-clusters/",
        "news index": "/nb/nyheter/",
        "news": "/nb/nyheter/tildelt-bronze-label/",
        "event index": "/nb/arrangementer/",
        "event": "/nb/arrangementer/medlemsmote/",
        "member directory": "/nb/medlemmer/",
        "member company": "/nb/medlemmer/fjordlys-mobler-as/",
        "membership": "/nb/bli-medlem/",
        "contact": "/nb/kontakt/",
        "accessibility statement": "/nb/tilgjengelighetserklaering/",
        "login": "/nb/logg-inn/",
        "search prompt": "/nb/sok/",
        "search results": "/nb/sok/?q=klyngen",
        "search without results": "/nb/sok/?q=qwxyzzy",
        "404": "/nb/finnes-ikke/",
    },
    "en": {
        "home": "/en/",
        "standard": "/en/about-the-cluster/",
        "goals": "/en/strategic-goals/",
        "label index": "/en/labels/",
        "label": "/en/labels/bronze-label/",
        "programme index": "/en/programmes/",
        "programme": "/en/programmes/norwegian-innovation-clusters/",
        "news index": "/en/news/",
        "news": "/en/news/awarded-the-bronze-label/",
        "event index": "/en/events/",
        "event": "/en/events/members-meeting/",
        "member directory": "/en/members/",
        "member company": "/en/members/fjordlys-mobler-as/",
        "membership": "/en/become-a-member/",
        "contact": "/en/contact/",
        "accessibility statement": "/en/accessibility-statement/",
        "login": "/en/login/",
        "search prompt": "/en/search/",
        "search results": "/en/search/?q=cluster",
        "search without results": "/en/search/?q=qwxyzzy",
        "404": "/en/does-not-exist/",
    },
}

INTRANET_PAGES = {
    "nb": {
        "intranet home": "/nb/intranett/",
        "member news index": "/nb/intranett/nyheter/",
        "member news": "/nb/intranett/nyheter/arsmotet-2026/",
        "document library": "/nb/intranett/dokumenter/",
        "project space": "/nb/intranett/sirkulaere-materialer/",
        "projects page": "/nb/intranett/prosjekter/",
        "people directory": "/nb/intranett/personer/",
        "my account": "/nb/intranett/min-konto/",
        "no access": "/nb/intranett/eksport-til-storbritannia/",
    },
    "en": {
        "intranet home": "/en/intranet/",
        "member news index": "/en/intranet/news/",
        "member news": "/en/intranet/news/annual-meeting-2026/",
        "document library": "/en/intranet/documents/",
        "project space": "/en/intranet/circular-materials/",
        "projects page": "/en/intranet/projects/",
        "people directory": "/en/intranet/people/",
        "my account": "/en/intranet/my-account/",
        "no access": "/en/intranet/export-to-the-uk/",
    },
}


def submit(page):
    with page.expect_navigation():
        page.locator("main form [type=submit]").click()


# The states of a page type that test_design.py does not open.
OTHER_STATES = {"search prompt", "search without results", "no access"}


def other_states(pages):
    return {name: url for name, url in pages.items() if name in OTHER_STATES}


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_other_page_states_have_no_wcag_violations(site, page, language):
    assert_no_axe_violations_on(
        page, other_states(PUBLIC_PAGES[language]), also=images_and_fields_unlabelled
    )

    # The error states: the membership form and the login form sent back.
    page.goto(PUBLIC_PAGES[language]["membership"])
    page.locator("#id_organisation_number").fill("123")
    submit(page)
    expect(page.locator("#form-errors")).to_be_visible()
    assert_no_axe_violations(page, "membership form with errors")
    page.goto(PUBLIC_PAGES[language]["login"])
    page.locator("#id_username").fill("nobody@example.no")
    page.locator("#id_password").fill("wrong")
    submit(page)
    expect(page.locator("main .form-errors")).to_be_visible()
    assert_no_axe_violations(page, "login form with errors")

    log_in(page, "sirkel@example.no", "demo-sirkel-passord", language)
    assert_no_axe_violations_on(page, other_states(INTRANET_PAGES[language]))


def images_and_fields_unlabelled(page):
    """Stricter than axe, on every public page: each <img> has an alt attribute (axe also
    accepts role="presentation"), each field a <label> or aria-label (axe also accepts
    a title or placeholder). Returns the offending elements' HTML, prefixed."""
    without_alt = page.locator("img:not([alt])").evaluate_all("els => els.map(el => el.outerHTML)")
    unlabelled = page.evaluate(
        """() => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
            .filter((el) => !el.labels.length && !el.getAttribute("aria-label"))
            .map((el) => el.outerHTML)"""
    )
    return [f"img without alt: {html}" for html in without_alt] + [
        f"field without label: {html}" for html in unlabelled
    ]


def images_without_alt_text(page):
    """Every <img> carries content (its description in the image library, a logo's company
    name) and needs a non-empty alt, unless the page marks it decorative
    (`data-decorative`: the home page's hero, an image an editor ticked). Returns
    (problems, how many images were checked)."""
    alts = page.locator("img:not([data-decorative])").evaluate_all(
        "els => els.map(el => [el.alt.trim(), el.currentSrc || el.src])"
    )
    missing = [src for alt, src in alts if not alt]
    return ([f"images without alt text: {missing}"] if missing else []), len(alts)


def test_people_and_logos_are_never_marked_decorative(site, page):
    for path, selector in [("/en/contact/", ".contact-card__photo"), ("/nb/", ".logo-strip__logo")]:
        page.goto(path)
        images = page.locator(selector)
        assert images.count() and not page.locator(f"{selector}[data-decorative]").count(), path
