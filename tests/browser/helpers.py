"""Small helpers for browser journeys: focus, keyboard, layout, language switching."""

FOCUSED = """() => {
    const el = document.activeElement || document.body;
    const style = getComputedStyle(el);
    return {
        tag: el.tagName.toLowerCase(),
        id: el.id,
        href: el.getAttribute("href"),
        name: el.getAttribute("name"),
        text: (el.innerText || el.value || el.getAttribute("aria-label") || "").trim().slice(0, 60),
        inHeader: Boolean(el.closest("header")),
        focusVisible: el.matches(":focus-visible"),
        outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
        boxShadow: style.boxShadow !== "none",
    };
}"""


def focused(page):
    """What has the keyboard focus now (tag, id, href, name, text, how it is drawn).

    When nothing has, that is the <body>.
    """
    return page.evaluate(FOCUSED)


def press_tab(page):
    """Press Tab and return the newly focused element, as `focused` describes it."""
    page.keyboard.press("Tab")
    return focused(page)


def tab_until(page, wanted, limit=40):
    """Press Tab until `wanted(element)` holds; return every element focused on the way.

    Fails when `limit` presses never reach such an element.
    """
    visited = []
    for _ in range(limit):
        element = press_tab(page)
        visited.append(element)
        if wanted(element):
            return visited
    raise AssertionError(f"{limit} presses of Tab never reached the element; focused: {visited}")


def focus_is_visible(element):
    """True when the element matches :focus-visible and draws an outline or a box-shadow."""
    return element["focusVisible"] and (element["outline"] or element["boxShadow"])


# A 360 × 740 touch phone, for `new_page(**PHONE)`.
PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


def horizontal_overflow(page):
    """How many CSS pixels the document is wider than the screen (0 when it fits).

    Measured against the layout viewport (clientWidth): on a mobile viewport Chromium
    zooms out to fit wide content and window.innerWidth grows with it, hiding overflow.
    """
    return page.evaluate(
        "Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"
    )


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


LOGIN_PATHS = {"nb": "/nb/logg-inn/", "en": "/en/login/"}


def log_in(page, email, password, language="nb"):
    """Sign in through the member login form in `language` and wait for where it leads."""
    page.goto(LOGIN_PATHS[language])
    form = page.locator("main form")
    form.locator("#id_username").fill(email)
    form.locator("#id_password").fill(password)
    with page.expect_navigation():
        form.locator("[type=submit]").click()
