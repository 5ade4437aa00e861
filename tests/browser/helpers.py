"""Small helpers for browser journeys: focus, keyboard, layout, language switching."""

FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        href: el.getAttribute("href"),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
        inHeader: Boolean(el.closest("header")),
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow !== "none",
    };
}"""


def focused(page):
    """What has the keyboard focus now (tag, id, href, text, how it is drawn), or None."""
    return page.evaluate(FOCUSED)


def press_tab(page):
    """Press Tab and return the newly focused element, as `focused` describes it."""
    page.keyboard.press("Tab")
    return focused(page)


def focus_is_visible(element):
    """True when the element matches :focus-visible and draws an outline or a box-shadow."""
    return element["focusVisible"] and (element["outline"] or element["boxShadow"])


def horizontal_overflow(page):
    """How many CSS pixels the document is wider than the viewport (0 when it fits)."""
    return page.evaluate("Math.max(0, document.documentElement.scrollWidth - window.innerWidth)")


def switch_language(page, language_code):
    """Follow the language switcher's link to `language_code` and wait for the page."""
    link = page.locator(f'.language-switcher a[hreflang="{language_code}"]')
    with page.expect_navigation():
        link.click()


def log_in_to_admin(page, username, password):
    """Sign in through the Wagtail admin's login form and wait for the admin to load."""
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(password)
    with page.expect_navigation():
        page.locator("form.login-form [type=submit]").click()
