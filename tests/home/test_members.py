"""The member directory: alphabetical, by sector, in the page's language."""

import re

import pytest


def names(body):
    return re.findall(r'class="member__name"><a [^>]*>([^<]+)</a>', body)


def test_directory_is_alphabetical(client, site):
    listed = names(client.get("/en/members/").content.decode())
    assert len(listed) == 8
    assert listed == sorted(listed, key=str.lower)


def test_sector_filter(client, site):
    body = client.get("/en/members/", {"sector": "textiles"}).content.decode()
    assert names(body) == ["Ullgarden AS", "Vevstua Tekstil AS"]
    assert 'aria-current="true">Textiles' in body


@pytest.mark.parametrize("sector", ["nonsense", "", "<b>", "furniture'--", "x" * 3000])
def test_unknown_sector_lists_everyone(client, site, sector):
    response = client.get("/nb/medlemmer/", {"sector": sector})
    assert response.status_code == 200
    assert len(names(response.content.decode())) == 8


def test_descriptions_are_in_the_visitors_language(client, site):
    nb = client.get("/nb/medlemmer/").content.decode()
    en = client.get("/en/members/").content.decode()
    assert "Håndlagde lamper i glass og messing." in nb
    assert "Handmade lamps in glass and brass." in en
    assert "Håndlagde lamper" not in en
    assert "Interiør" in nb and "Interior" in en
