"""Every public page type: where it may live, and that it renders in both languages."""

import re

import pytest
from wagtail.models import Page

from home.models import (
    ContactPage,
    EventIndexPage,
    EventPage,
    GoalsPage,
    HomePage,
    LabelIndexPage,
    LabelPage,
    MemberDirectoryPage,
    MembershipPage,
    NewsIndexPage,
    NewsPage,
    ProgrammeIndexPage,
    ProgrammePage,
    StandardPage,
)
from intranet.models import IntranetHomePage

SECTIONS = [
    GoalsPage,
    LabelIndexPage,
    ProgrammeIndexPage,
    NewsIndexPage,
    EventIndexPage,
    MemberDirectoryPage,
    MembershipPage,
    ContactPage,
]
CHILD_OF = {
    LabelPage: LabelIndexPage,
    ProgrammePage: ProgrammeIndexPage,
    NewsPage: NewsIndexPage,
    EventPage: EventIndexPage,
}


def test_home_page_lives_at_the_root_only():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert set(HomePage.allowed_subpage_models()) == {StandardPage, *SECTIONS, IntranetHomePage}


@pytest.mark.parametrize("model", SECTIONS)
def test_sections_live_under_the_home_page(model):
    assert model.allowed_parent_page_models() == [HomePage]


@pytest.mark.parametrize(("child", "index"), CHILD_OF.items())
def test_items_live_under_their_index_only(child, index):
    assert child.allowed_parent_page_models() == [index]
    assert index.allowed_subpage_models() == [child]
    assert child.allowed_subpage_models() == []


def test_standard_pages_nest():
    assert set(StandardPage.allowed_parent_page_models()) == {HomePage, StandardPage}
    assert StandardPage.allowed_subpage_models() == [StandardPage]


@pytest.mark.parametrize("model", [GoalsPage, MembershipPage, NewsIndexPage, EventIndexPage])
def test_one_section_of_a_kind_per_home_page(public_site, model):
    home = public_site.nb
    assert not model.can_create_at(home)  # the site already has one
    assert StandardPage.can_create_at(home)
    assert not NewsPage.can_create_at(home)


PAGES = [
    # (page, text on it in Norwegian, in English)
    ("home", "Sterkere norske merkevarer", "Stronger Norwegian brands"),
    ("goals", "Globale «first movers»", "Global first movers"),
    ("label index", "Bronze Label i Cluster", "Bronze Label in Cluster"),
    ("label", "36 indikatorer", "36 indicators"),
    ("programme index", "Norwegian Innovation Clusters", "Norwegian Innovation Clusters"),
    ("programme", "økonomisk og faglig støtte", "financial and professional support"),
    ("news index", "Felles messestand i Milano", "A shared stand in Milan"),
    ("news", "Bærekraft", "Sustainability"),
    ("event index", "Medlemsmøte og klyngesamling", "Members&#x27; meeting and cluster gathering"),
    ("past event", "Arrangementet er over", "This event has ended"),
    ("member directory", "Vevde pledd og puter i norsk ull",
     "Woven throws and cushions in Norwegian wool"),
    ("membership", "Hvorfor bli medlem av klyngen vår?", "Why become a member of our cluster?"),
    ("about", "Klyngen i tall", "The cluster in figures"),
]  # fmt: skip


def html_lang(body):
    return re.search(r'<html lang="([^"]+)"', body).group(1)


@pytest.mark.parametrize(("name", "nb_text", "en_text"), PAGES)
def test_page_renders_in_both_languages(client, public_site, name, nb_text, en_text):
    pages = public_site.pages[name]
    for path, text, language, other in [
        (pages.nb.url, nb_text, "nb", en_text),
        (pages.en.url, en_text, "en", nb_text),
    ]:
        assert path.startswith(f"/{language}/")
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert html_lang(body) == language
        assert text in body, path
        if text != other:
            assert other not in body, path


def test_english_pages_are_translations_of_the_norwegian_ones(demo):
    """Every page of the demo is translated (and really: the titles differ)."""
    for model in [GoalsPage, LabelPage, ProgrammePage, NewsPage, EventPage, MembershipPage]:
        for page in model.objects.filter(locale__language_code="nb"):
            english = page.get_translations().get(locale__language_code="en")
            assert english.live
            assert english.title != page.title or english.title in {
                "Norwegian Innovation Clusters",
            }, english.title


def test_goals_are_numbered_in_order(client, public_site):
    body = client.get(public_site.pages["goals"].en.url).content.decode()
    goals = re.findall(r'<h2 class="goals__title">([^<]+)</h2>', body)
    assert goals == [
        "Global first movers",
        "Design-driven innovation",
        "Sustainable value chains",
        "A larger, stronger cluster",
        "Reputation and trust",
    ]
    assert '<ol class="goals">' in body


def test_home_page_gathers_the_sections(client, public_site):
    body = client.get("/en/").content.decode()
    assert "Global first movers" in body  # goals in short
    assert "Norwegian Rooms awarded the Bronze Label" in body  # latest news
    assert "Study trip to Stockholm Design Week" in body  # upcoming events
    assert "Breakfast meeting on exports" not in body  # a past event
    assert f'href="{public_site.pages["membership"].en.url}"' in body  # call to action
    assert f'href="{public_site.pages["label"].en.url}"' in body  # labels


def test_main_menu_lists_the_sections_in_the_visitors_language(client, public_site):
    body = client.get("/nb/").content.decode()
    menu = body.split('class="main-menu"')[1].split("</nav>")[0]
    for name in ["goals", "news index", "event index", "member directory", "membership"]:
        assert f'href="{public_site.pages[name].nb.url}"' in menu
    assert "/en/" not in menu


def test_call_to_action_block_leads_to_the_same_language_page(client, public_site):
    body = client.get(public_site.pages["membership"].en.url).content.decode()
    assert f'class="button" href="{public_site.pages["goals"].en.url}"' in body
