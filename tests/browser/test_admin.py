"""Communications staff reach the Wagtail admin in a real browser."""

import pytest
from playwright.sync_api import expect

from site_core.demo import DEMO_USERS
from tests.browser.helpers import log_in_to_admin

pytestmark = pytest.mark.browser


def test_editor_signs_in_to_the_admin_and_sees_the_page_tree(site, page):
    editor = next(user for user in DEMO_USERS if user.role == "editor")
    log_in_to_admin(page, editor.username, editor.password)
    assert page.url == f"{site}/admin/"
    page.goto("/admin/pages/")
    expect(page.get_by_role("link", name="Norwegian Rooms").first).to_be_visible()


def test_wrong_password_keeps_the_visitor_on_the_login_form(site, page):
    log_in_to_admin(page, "redaktor", "not-the-password")
    assert page.url.startswith(f"{site}/admin/login/")
    assert page.locator("#id_username").input_value() == "redaktor"
