"""Rules of valid, accessible HTML that validators (W3C Nu checker, axe, Lighthouse) check,
asserted one by one over every page of the demo: each page of its sitemap, the search,
error and login pages, and every intranet page as the project members see it, in both
languages.

Each page is fetched once (`tests.site_core.crawl`).
"""

import re
from itertools import pairwise

import pytest

from tests.site_core.crawl import GROUP, LEAD, MEMBERS, NOT_FOUND, VIEWS, crawl, pages

pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group(GROUP)]

BRAND = "Norwegian Rooms®"
TITLE_SEPARATOR = " – "
# HTML's valid date string, or valid global date and time string (at most milliseconds,
# with a time-zone offset): what every datetime attribute here holds.
VALID_DATETIME = re.compile(
    r"\d{4}-\d{2}-\d{2}"
    r"(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?"
)


def test_the_crawl_reaches_every_kind_of_page(demo):
    statuses = {key: page.status for key, page in crawl().items()}
    assert statuses["anonymous", NOT_FOUND["en"]] == 404
    assert {who for who, _path in statuses} == {"anonymous", *MEMBERS, LEAD}
    intranet = [path for who, path in statuses if who in MEMBERS]
    assert {"/nb/intranett/dokumenter/", "/en/intranet/documents/"} <= set(intranet)
    # Only project A's member opens its space (and its upload form).
    assert intranet.count("/nb/intranett/sirkulaere-materialer/") == 1
    assert intranet.count("/nb/intranett/sirkulaere-materialer/last-opp/") == 1
    lead = [path for who, path in statuses if who == LEAD]
    assert "/nb/intranett/sirkulaere-materialer/foresporsler/" in lead
    assert any("/dokumenter/" in path for path in lead)  # a document's history
    assert len(statuses) > 60


def test_every_datetime_attribute_is_a_valid_html_date_or_time(demo):
    invalid = {
        (who, path): value
        for who, path, document in pages()
        for element in document.find_all(attrs={"datetime": True})
        if not VALID_DATETIME.fullmatch(value := element["datetime"])
    }
    assert not invalid


def test_intranet_document_tables_show_times_without_microseconds(demo):
    library = dict(((who, path), doc) for who, path, doc in pages())[
        "sirkel", "/en/intranet/documents/"
    ]
    times = [time["datetime"] for time in library.select("table time")]
    assert times and all(VALID_DATETIME.fullmatch(value) for value in times), times


def heading_levels(document):
    return [int(tag.name[1]) for tag in document.find_all(re.compile(r"^h[1-6]$"))]


def test_headings_start_with_one_h1_and_never_skip_a_level(demo):
    faults = {}
    for who, path, document in pages():
        levels = heading_levels(document)
        skips = [(a, b) for a, b in pairwise(levels) if b > a + 1]
        if levels[:1] != [1] or levels.count(1) != 1 or skips:
            faults[who, path] = levels
    assert not faults


def test_the_news_index_lists_its_items_as_h2_under_the_h1(demo):
    for path in ("/nb/nyheter/", "/en/news/"):
        document = crawl()["anonymous", path].document
        assert heading_levels(document.main)[:3] == [1, 2, 2]
        assert document.main.select("h2.card__title")


def accessible_name(element, document):
    if element.get("aria-label"):
        return element["aria-label"].strip()
    if element.get("aria-labelledby"):
        return " ".join(
            document.find(id=ref).get_text(" ", strip=True)
            for ref in element["aria-labelledby"].split()
        )
    return ""


@pytest.mark.parametrize(
    "selector", ["search, [role=search]", "nav, [role=navigation]", "[role=region]"]
)
def test_landmarks_of_one_kind_each_have_a_name_of_their_own(demo, selector):
    faults = {}
    for who, path, document in pages():
        names = [accessible_name(element, document) for element in document.select(selector)]
        if len(names) > 1 and ("" in names or len(set(names)) < len(names)):
            faults[who, path] = names
    assert not faults


@pytest.mark.parametrize(
    ("path", "names"),
    [
        ("/nb/sok/", ["Søk på nettstedet", "Nytt søk"]),
        ("/en/search/", ["Site search", "New search"]),
    ],
)
def test_the_search_page_names_its_two_search_landmarks(demo, path, names):
    document = crawl()["anonymous", path].document
    found = [accessible_name(form, document) for form in document.select("[role=search]")]
    assert found == names


@pytest.mark.parametrize(
    ("path", "name"),
    [("/nb/intranett/", "Søk i intranettet"), ("/en/intranet/", "Intranet search")],
)
def test_the_intranet_search_is_named_apart_from_the_site_search(demo, path, name):
    document = crawl()["sirkel", path].document
    found = [accessible_name(form, document) for form in document.select("[role=search]")]
    assert len(found) == 2 and found[1] == name and found[0] != name


def test_every_table_scrolls_in_a_focusable_named_region_of_its_own(demo):
    tables = 0
    for who, path, document in pages():
        for table in document.find_all("table"):
            tables += 1
            box = table.parent
            assert box.get("role") == "region", (who, path)
            assert box.get("tabindex") == "0", (who, path)
            assert "table-scroll" in box.get("class", []), (who, path)
            assert accessible_name(box, document), (who, path)
    assert tables >= 4  # the library and each project space, in both languages


def public_views():
    """(language, path, soup) of every public response: pages, search, login, 404."""
    for _who, path, document in pages("anonymous"):
        yield path.split("/")[1], path, document


def test_every_public_title_is_the_page_then_the_brand_once(demo):
    """ "<page title> – Norwegian Rooms®", the home page "Norwegian Rooms® – <tagline>"; a
    page whose own title names the brand ("Norwegian Rooms tildelt …") keeps it alone."""
    faults = {}
    for _language, path, document in public_views():
        titles = document.find_all("title")
        title = titles[0].get_text() if len(titles) == 1 else ""
        if path in ("/nb/", "/en/"):
            expected = title.startswith(BRAND + TITLE_SEPARATOR)
        else:
            expected = title.endswith(TITLE_SEPARATOR + BRAND) or title == document.h1.get_text()
        if not expected or title.count("Norwegian Rooms") != 1:
            faults[path] = title
    assert not faults


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/nb/", "Norwegian Rooms® – Sterkere norske merkevarer, sammen"),
        ("/en/", "Norwegian Rooms® – Stronger Norwegian brands, together"),
        ("/nb/sok/?q=m%C3%B8bel", "Søkeresultater for «møbel» – Norwegian Rooms®"),
        ("/en/search/?q=furniture", "Search results for “furniture” – Norwegian Rooms®"),
        ("/en/search/?q=zzzqqq", "Search results for “zzzqqq” – Norwegian Rooms®"),
        ("/en/search/", "Search – Norwegian Rooms®"),
        ("/nb/finnes-ikke/", "Fant ikke siden – Norwegian Rooms®"),
        ("/en/login/", "Member login – Norwegian Rooms®"),
    ],
)
def test_titles_of_the_home_search_and_error_pages(demo, path, title):
    assert crawl()["anonymous", path].document.title.get_text() == title


def test_every_public_response_has_one_meta_description_in_its_language(demo):
    faults = {}
    descriptions = {}
    for language, path, document in public_views():
        metas = document.find_all("meta", attrs={"name": "description"})
        content = metas[0].get("content", "").strip() if len(metas) == 1 else ""
        if not content or document.html.get("lang") != language:
            faults[path] = [meta.get("content") for meta in metas]
        descriptions[path] = content
    assert not faults
    for nb, en in zip(VIEWS["nb"], VIEWS["en"], strict=True):
        assert descriptions[nb] != descriptions[en]  # each in its own language
    assert descriptions[NOT_FOUND["nb"]].startswith("Vi fant ikke siden")
    assert descriptions[NOT_FOUND["en"]].startswith("We could not find the page")
