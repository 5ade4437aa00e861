"""Public search: per-language, public pages only, never a 500."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("path", "heading"), [("/nb/sok/", "Søk"), ("/en/search/", "Search")])
def test_search_page_prompts_without_a_query(client, demo, path, heading):
    response = client.get(path)
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body


def test_search_finds_pages_of_the_active_language_only(client, demo):
    nb = client.get("/nb/sok/", {"q": "merkevarer"}).content.decode()
    en = client.get("/en/search/", {"q": "merkevarer"}).content.decode()
    assert 'href="/nb/"' in nb
    assert 'href="/nb/"' not in en.split("<main")[1]
