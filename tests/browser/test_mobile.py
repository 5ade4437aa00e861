"""A 360 × 740 phone: nothing is wider than the screen."""

import pytest

from tests.browser.helpers import PHONE, horizontal_overflow

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["/nb/", "/en/", "/nb/sok/", "/en/search/"])
def test_page_fits_a_phone_screen(site, new_page, path):
    page = new_page(**PHONE)
    page.goto(path)
    assert horizontal_overflow(page) == 0
