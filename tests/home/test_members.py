"""The member directory: alphabetical, by sector, in the page's language."""

import re

import pytest

from tests.conftest import fresh
from tests.factories import as_committed, bilingual_site

from .factories import member_directory


@pytest.fixture(scope="module")
def directory_built(shared_db):
    with as_committed():
        return member_directory(bilingual_site())


@pytest.fixture
def directory(directory_built):
    """The directory's URL per language, its companies those of home.factories.MEMBERS."""
    pages = fresh(directory_built)
    pages.nb, pages.en = pages.nb.url, pages.en.url
    return pages


def names(body):
    return re.findall(r'class="member__name"><a [^>]*>([^<]+)</a>', body)


def test_directory_is_alphabetical(client, directory):
    listed = names(client.get(directory.en).content.decode())
    assert len(listed) == 8
    assert listed == sorted(listed, key=str.lower)


def test_sector_filter(client, directory):
    body = client.get(directory.en, {"sector": "textiles"}).content.decode()
    assert names(body) == ["Ullgarden AS", "Vevstua Tekstil AS"]
    assert '<option value="textiles" selected>Textiles</option>' in body


@pytest.mark.parametrize("sector", ["nonsense", "", "<b>", "furniture'--", "x" * 3000])
def test_unknown_sector_lists_everyone(client, directory, sector):
    response = client.get(directory.nb, {"sector": sector})
    assert response.status_code == 200
    assert len(names(response.content.decode())) == 8


def test_descriptions_are_in_the_visitors_language(client, directory):
    nb = client.get(directory.nb).content.decode()
    en = client.get(directory.en).content.decode()
    assert "Håndlagde lamper i glass og messing." in nb
    assert "Handmade lamps in glass and brass." in en
    assert "Håndlagde lamper" not in en
    assert "Interiør" in nb and "Interior" in en
