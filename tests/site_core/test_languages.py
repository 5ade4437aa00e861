"""Visitors land on the same page in their language: switcher, hreflang, sitemap, dates."""

import datetime
import re

import pytest
from defusedxml import ElementTree as ET
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Page, Site

from home.models import MemberDirectoryPage

from .helpers import add_nb_page, restrict_to

pytestmark = pytest.mark.django_db

SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def public_pages():
    """Every live public page: on the factory-built public site, one of every type in
    both languages."""
    return list(
        Page.objects.live().public().filter(depth__gte=2).select_related("locale").specific()
    )


def hreflangs(body):
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', body))


def switcher_links(body):
    switcher = body.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return dict(re.findall(r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"', switcher))


def test_every_public_page_links_its_translation_in_switcher_and_head(client, public_site):
    pages = public_pages()
    assert {p.locale.language_code for p in pages} == {"nb", "en"}
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        body = response.content.decode()
        language = page.locale.language_code
        assert f'<html lang="{language}">' in body
        other = "en" if language == "nb" else "nb"
        translated = page.get_translation(
            other_locale := page.locale.__class__.objects.get(language_code=other)
        )
        assert translated.locale == other_locale

        # Switcher: each language links to this very page in that language, and it resolves.
        links = {code: url for url, code in switcher_links(body).items()}
        assert links == {language: page.url, other: translated.url}
        assert client.get(links[other]).status_code == 200
        assert 'aria-current="true"' in body

        # Head: itself, its translation and x-default (the Norwegian page), plus canonical.
        alternates = hreflangs(body)
        assert alternates[language] == page.full_url
        assert alternates[other] == translated.full_url
        nb_page = page if language == "nb" else translated
        assert alternates["x-default"] == nb_page.full_url
        assert f'<link rel="canonical" href="{page.full_url}">' in body
        og_locale = {"nb": "nb_NO", "en": "en_GB"}
        assert f'<meta property="og:locale" content="{og_locale[language]}">' in body
        assert f'<meta property="og:locale:alternate" content="{og_locale[other]}">' in body


def test_untranslated_page_says_so_and_english_url_is_an_english_404(client, public_site):
    page = add_nb_page("Bare på norsk", "bare-norsk", "Denne siden finnes bare på norsk.")
    body = client.get(page.url).content.decode()
    links = {code: url for url, code in switcher_links(body).items()}
    assert links["en"] == "/en/"
    assert "this page is not translated" in body
    assert 'hreflang="en" href' not in body.split("</head>")[0]

    english_home = client.get("/en/").content.decode()
    assert page.url not in english_home

    response = client.get("/en/bare-norsk/")
    assert response.status_code == 404
    assert '<html lang="en">' in response.content.decode()
    assert "Page not found" in response.content.decode()


def test_sitemap_lists_public_pages_of_both_languages_with_alternates(client, public_site):
    draft = add_nb_page("Utkast", "utkast")
    draft.unpublish()
    private = add_nb_page("Privat", "privat")
    restrict_to(private)

    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", SITEMAP_NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP_NS)
        }
        for url in root.findall("s:url", SITEMAP_NS)
    }
    locations = [url.find("s:loc", SITEMAP_NS).text for url in root.findall("s:url", SITEMAP_NS)]
    assert len(locations) == len(set(locations))  # each page once
    expected = {page.full_url for page in public_pages()}
    companies = {
        directory.company_url(company): directory
        for directory in MemberDirectoryPage.objects.live()
        for company in directory.companies()
    }
    assert companies  # each published member company has its page in the directory
    assert set(entries) == expected | set(companies)
    for url, directory in companies.items():
        assert entries[url][directory.locale.language_code] == url
    for page in public_pages():
        alternates = entries[page.full_url]
        assert alternates[page.locale.language_code] == page.full_url
        assert set(alternates) == {"nb", "en", "x-default"}
    assert draft.full_url not in entries
    assert private.full_url not in entries


@pytest.mark.parametrize(("language", "expected"), [("nb", "3. mars 2026"), ("en", "3 March 2026")])
def test_dates_are_formatted_per_language(language, expected):
    with translation.override(language):
        rendered = Template("{{ day|date }}").render(Context({"day": datetime.date(2026, 3, 3)}))
    assert rendered == expected


def test_pages_link_only_to_their_own_language(client, public_site):
    """Listings, menus and footers never mix languages: outside the <head> and the language
    switcher, a page links to pages of its own language only."""
    root_url = Site.objects.get(is_default_site=True).root_url
    for page in public_pages():
        body = client.get(page.url).content.decode()
        content = body.split("</head>", 1)[1]
        switcher_start = content.index('class="language-switcher"')
        content = content[:switcher_start] + content[content.index("</nav>", switcher_start) :]
        other = "en" if page.locale.language_code == "nb" else "nb"
        assert f'href="/{other}/' not in content, page.url
        assert f'href="{root_url}/{other}/' not in content, page.url


def test_sitemap_leaves_alias_pages_out(client, public_site):
    original = add_nb_page("Original", "original")
    alias = original.create_alias(parent=original, update_slug="alias-av-original")
    body = client.get("/sitemap.xml").content.decode()
    assert original.full_url in body
    assert alias.full_url not in body
