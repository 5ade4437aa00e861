"""Text in another language than the page's says so (WCAG 3.1.2, Language of Parts).

Documents and collections are named once, in Norwegian (site_core.content_language): on
English pages their titles and names carry lang="nb", on Norwegian pages nothing.
"""

import pytest
from bs4 import BeautifulSoup
from django.template import Context, Template
from django.utils import translation

from home.models import Footer
from tests.factories import DocumentFactory

pytestmark = pytest.mark.django_db


def document(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def document_links(page):
    return page.main.select('a[href^="/documents/"]')


def english_and_norwegian_paths(intranet_site):
    """(English path, Norwegian path) of each intranet page showing document titles."""
    return [
        (intranet_site.home.en.url, intranet_site.home.nb.url),
        (intranet_site.library.en.url, intranet_site.library.nb.url),
        (intranet_site.project_a.en.url, intranet_site.project_a.nb.url),
        (intranet_site.news_item.en.url, intranet_site.news_item.nb.url),
        (intranet_site.home.en.url + "?q=Referat", intranet_site.home.nb.url + "?q=Referat"),
    ]


def test_english_intranet_pages_mark_norwegian_document_titles(client, intranet_site, log_in_as):
    log_in_as("member_a")
    for english, norwegian in english_and_norwegian_paths(intranet_site):
        links = document_links(document(client, english))
        assert links, english
        assert {link.get("lang") for link in links} == {"nb"}, english
        links = document_links(document(client, norwegian))
        assert links and {link.get("lang") for link in links} == {None}, norwegian


def test_english_document_tables_mark_norwegian_collection_names(client, intranet_site, log_in_as):
    log_in_as("member_a")
    for english, norwegian in english_and_norwegian_paths(intranet_site)[1:3]:
        rows = document(client, english).select("table tbody tr")
        assert rows
        for row in rows:
            title, _type, _size, _added, collection, _versions = row.find_all("td")
            assert title.a["lang"] == "nb" and collection["lang"] == "nb"
        norwegian_cells = document(client, norwegian).select("table td")
        assert not [cell for cell in norwegian_cells if cell.get("lang") or cell.select("[lang]")]


@pytest.mark.parametrize(("language", "lang"), [("en", ' lang="nb"'), ("nb", "")])
def test_a_document_link_block_without_a_label_marks_the_title(language, lang):
    pdf = DocumentFactory(title="Årsrapport 2026")
    template = Template('{% include "home/blocks/document_link.html" %}')
    with translation.override(language):
        unlabelled = template.render(Context({"value": {"document": pdf, "label": ""}}))
        labelled = template.render(Context({"value": {"document": pdf, "label": "Report"}}))
    assert f"download{lang}>Årsrapport 2026</a>" in unlabelled
    assert "download>Report</a>" in labelled


def test_the_norwegian_footer_shown_on_english_pages_says_it_is_norwegian(client, public_site):
    Footer.objects.filter(locale__language_code="en").update(live=False)
    english = document(client, "/en/").footer
    organisation = Footer.objects.get(locale__language_code="nb").organisation
    heading = english.find("h2", string=organisation)
    assert heading["lang"] == "nb" and english.address["lang"] == "nb"
    assert english.find("h2", string="Contact").get("lang") is None  # the page's own words
    assert not document(client, "/nb/").footer.select("[lang]")
