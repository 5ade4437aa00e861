"""Privacy follows a page wherever it or a translation of it moves: a page is open only to
visitors who pass the restrictions of the page and of every translation of it, inherited
ones included, when served and in listings, feeds, sitemap, search and the switcher."""

import pytest

from tests.conftest import fresh
from tests.factories import (
    StandardPageFactory,
    UserFactory,
    as_committed,
    bilingual_news_site,
    publish,
    restrict,
    translate,
)

pytestmark = pytest.mark.django_db

TITLE_NB, TITLE_EN = "Arbeidsgruppene møtes", "The working groups meet"


@pytest.fixture(scope="module")
def tree_built(shared_db):
    """Both languages: a news index with one item, a members-only section and a
    project-only section; a member and a project member (built once for the module)."""
    site = bilingual_news_site(TITLE_NB, "arbeidsgrupper", TITLE_EN)
    with as_committed():
        members = publish(StandardPageFactory(parent=site.nb, title="Medlemmer", slug="medlemmer"))
        translate(members, {"Medlemmer": "Members"})
        project = publish(StandardPageFactory(parent=site.nb, title="Prosjekt", slug="prosjekt"))
        translate(project, {"Prosjekt": "Project"})
    restrict(members, "Members")
    restrict(project, "Project: Lys")
    site.member = UserFactory(username="m", groups=["Members"])
    site.project_member = UserFactory(username="p", groups=["Members", "Project: Lys"])
    site.english_news = site.news.get_translation(site.en.locale)
    site.members, site.project = members, project
    return site


@pytest.fixture
def tree(tree_built):
    """This test's copy of `tree_built` (each test may move and restrict its pages)."""
    return fresh(tree_built)


def status_for(client, url, user):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def move(page, target):
    target.refresh_from_db()  # treebeard reads the target's child count
    page.move(target, pos="last-child")
    page.refresh_from_db()
    return page


def in_sitemap(client, page):
    client.logout()
    return page.full_url in client.get("/sitemap.xml").content.decode()


def shown_anywhere_public(client, tree, text):
    """Where anonymous visitors could find `text`: listings, feed, search."""
    client.logout()
    places = {
        "nb listing": tree.index.url,
        "en listing": tree.index.get_translation(tree.en.locale).url,
        "nb feed": tree.index.url + "rss/",
        "search": "/en/search/?q=working+groups",
        "nb search": "/nb/sok/?q=arbeidsgruppene",
    }
    return {name for name, url in places.items() if text in client.get(url).content.decode()}


def test_moving_the_norwegian_page_into_a_members_section_closes_its_translation(client, tree):
    english_url = tree.english_news.url
    assert status_for(client, english_url, None) == 200
    move(tree.news, tree.members)
    assert status_for(client, english_url, None) == 302  # to the login page
    assert status_for(client, english_url, tree.member) == 200
    assert status_for(client, tree.news.url, tree.member) == 200
    assert shown_anywhere_public(client, tree, TITLE_EN) == set()
    assert shown_anywhere_public(client, tree, TITLE_NB) == set()
    assert not in_sitemap(client, tree.news)
    assert not in_sitemap(client, tree.english_news)


def test_moving_the_english_page_into_a_members_section_closes_its_source(client, tree):
    norwegian_url = tree.news.url
    move(tree.english_news, tree.members.get_translation(tree.en.locale))
    assert status_for(client, norwegian_url, None) == 302
    assert status_for(client, norwegian_url, tree.member) == 200
    assert shown_anywhere_public(client, tree, TITLE_NB) == set()


def test_a_project_section_admits_only_the_project_to_every_translation(client, tree):
    english_url = tree.english_news.url
    move(tree.news, tree.project)
    assert status_for(client, english_url, None) == 302
    assert status_for(client, english_url, tree.member) == 403
    assert status_for(client, english_url, tree.project_member) == 200


def test_moving_out_again_opens_both_languages(client, tree):
    move(tree.news, tree.members)
    move(tree.news, tree.index)
    assert status_for(client, tree.news.url, None) == 200
    assert status_for(client, tree.english_news.url, None) == 200
    assert shown_anywhere_public(client, tree, TITLE_EN) >= {"en listing", "search"}
    tree.english_news.refresh_from_db()
    assert in_sitemap(client, tree.english_news)


def test_the_switcher_of_a_member_never_leads_to_an_open_copy(client, tree):
    move(tree.news, tree.members)
    client.force_login(tree.member)
    body = client.get(tree.news.url).content.decode()
    assert tree.english_news.url in body  # the member may follow it...
    client.logout()
    assert client.get(tree.english_news.url).status_code == 302  # ...and nobody else may


def test_a_public_alias_of_a_members_page_is_as_private_as_the_page(client, tree):
    move(tree.news, tree.members)
    tree.index.refresh_from_db()
    alias = tree.news.create_alias(parent=tree.index, update_slug="alias-av-gruppene")
    assert status_for(client, alias.url, None) == 302
    assert status_for(client, alias.url, tree.member) == 200
    assert TITLE_NB not in client.get(tree.index.url).content.decode()
    assert not in_sitemap(client, alias)


def test_a_copy_never_opens_the_original(client, tree):
    """A copy is a new page with a translation family of its own: copying never opens the
    members' original or its translation."""
    move(tree.news, tree.members)
    tree.index.refresh_from_db()
    copy = tree.news.copy(to=tree.index, update_attrs={"slug": "kopi"}, keep_live=True)
    assert copy.translation_key != tree.news.translation_key
    assert status_for(client, tree.news.url, None) == 302
    assert status_for(client, tree.english_news.url, None) == 302


def test_an_editor_copying_a_members_page_into_a_public_section_keeps_it_private(
    client, tree, django_user_model
):
    move(tree.news, tree.members)
    admin = django_user_model.objects.create_superuser("admin", "admin@example.no", "x")
    client.force_login(admin)
    response = client.post(
        f"/admin/pages/{tree.news.pk}/copy/",
        {
            "new_title": "Kopi",
            "new_slug": "kopi",
            "new_parent_page": tree.index.pk,
            "publish_copies": "on",
        },
    )
    assert response.status_code == 302
    copy = tree.index.get_children().get(slug="kopi")
    assert status_for(client, copy.url, None) == 302
    assert status_for(client, copy.url, tree.member) == 200
