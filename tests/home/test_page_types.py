"""Every public page type: where it may live, and that it renders in both languages."""

import re

import pytest
from wagtail.models import Page

from home.models import (
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
def test_one_section_of_a_kind_per_home_page(site, model):
    home = HomePage.objects.get(locale__language_code="nb")
    assert not model.can_create_at(home)  # the demo already has one
    assert StandardPage.can_create_at(home)
    assert not NewsPage.can_create_at(home)


PAGES = [
    # (Norwegian path, text on it, English path, text on it)
    ("/nb/", "Sterkere norske merkevarer", "/en/", "Stronger Norwegian brands"),
    ("/nb/strategiske-mal/", "Globale «first movers»", "/en/strategic-goals/",
     "Global first movers"),
    ("/nb/utmerkelser/", "Bronze Label i Cluster", "/en/labels/", "Bronze Label in Cluster"),
    ("/nb/utmerkelser/bronze-label/", "36 indikatorer", "/en/labels/bronze-label/",
     "36 indicators"),
    ("/nb/programmer/", "Norwegian Innovation Clusters", "/en/programmes/",
     "Norwegian Innovation Clusters"),
    ("/nb/programmer/norwegian-innovation-clusters/", "økonomisk og faglig støtte",
     "/en/programmes/norwegian-innovation-clusters/", "financial and professional support"),
    ("/nb/nyheter/", "Felles messestand i Milano", "/en/news/", "A shared stand in Milan"),
    ("/nb/nyheter/sirkulaere-verdikjeder/", "Bærekraft", "/en/news/circular-value-chains/",
     "Sustainability"),
    ("/nb/arrangementer/", "Medlemsmøte og klyngesamling", "/en/events/",
     "Members&#x27; meeting and cluster gathering"),
    ("/nb/arrangementer/arskonferansen/", "Dette arrangementet er over.",
     "/en/events/annual-conference/", "This event has taken place."),
    ("/nb/medlemmer/", "Vevde pledd og puter i norsk ull", "/en/members/",
     "Woven throws and cushions in Norwegian wool"),
    ("/nb/bli-medlem/", "Hvorfor bli medlem av klyngen vår?", "/en/become-a-member/",
     "Why become a member of our cluster?"),
    ("/nb/om-klyngen/", "Klyngen i tall", "/en/about-the-cluster/", "The cluster in figures"),
]  # fmt: skip


def html_lang(body):
    return re.search(r'<html lang="([^"]+)"', body).group(1)


@pytest.mark.parametrize(("nb_path", "nb_text", "en_path", "en_text"), PAGES)
def test_page_renders_in_both_languages(client, site, nb_path, nb_text, en_path, en_text):
    for path, text, language, other in [
        (nb_path, nb_text, "nb", en_text),
        (en_path, en_text, "en", nb_text),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        assert html_lang(body) == language
        assert text in body, path
        if text != other:
            assert other not in body, path


def test_english_pages_are_translations_of_the_norwegian_ones(site):
    for model in [GoalsPage, LabelPage, ProgrammePage, NewsPage, EventPage, MembershipPage]:
        for page in model.objects.filter(locale__language_code="nb"):
            english = page.get_translations().get(locale__language_code="en")
            assert english.live
            assert english.title != page.title or english.title in {
                "Norwegian Innovation Clusters",
            }, english.title


def test_goals_are_numbered_in_order(client, site):
    body = client.get("/en/strategic-goals/").content.decode()
    goals = re.findall(r'<h2 class="goals__title">([^<]+)</h2>', body)
    assert goals == [
        "Global first movers",
        "Design-driven innovation",
        "Sustainable value chains",
        "A larger, stronger cluster",
        "Reputation and trust",
    ]
    assert '<ol class="goals">' in body


def test_home_page_gathers_the_sections(client, site):
    body = client.get("/en/").content.decode()
    assert "Global first movers" in body  # goals in short
    assert "Norwegian Rooms awarded the Bronze Label" in body  # latest news
    assert "Study trip to Stockholm Design Week" in body  # upcoming events
    assert "Breakfast meeting on exports" not in body  # a past event
    assert 'href="/en/become-a-member/"' in body  # call to action
    assert 'href="/en/labels/bronze-label/"' in body  # labels


def test_main_menu_lists_the_sections_in_the_visitors_language(client, site):
    body = client.get("/nb/").content.decode()
    menu = body.split('class="main-menu"')[1].split("</nav>")[0]
    for path in ["/nb/strategiske-mal/", "/nb/nyheter/", "/nb/arrangementer/",
                 "/nb/medlemmer/", "/nb/bli-medlem/"]:  # fmt: skip
        assert f'href="{path}"' in menu
    assert "/en/" not in menu


def test_call_to_action_block_leads_to_the_same_language_page(client, site):
    body = client.get("/en/become-a-member/").content.decode()
    assert 'class="button" href="/en/strategic-goals/"' in body
