"""A 360 × 740 phone: nothing is wider than the screen."""

import pytest

from tests.browser.helpers import horizontal_overflow

pytestmark = pytest.mark.browser

PHONE = {"viewport": {"width": 360, "height": 740}, "is_mobile": True, "has_touch": True}


@pytest.mark.parametrize("path", ["/nb/", "/en/", "/nb/sok/", "/en/search/"])
def test_page_fits_a_phone_screen(site, new_page, path):
    page = new_page(**PHONE)
    page.goto(path)
    assert horizontal_overflow(page) == 0
