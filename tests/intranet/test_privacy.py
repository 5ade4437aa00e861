"""Privacy beyond the matrix: 403 pages, translations, menus, sitemap, the absent API."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection, PageViewRestriction

from intranet.models import IntranetHomePage, ProjectSpacePage
from site_core.demo import publish_translation
from tests.factories import log_in

from .conftest import SECRET

pytestmark = pytest.mark.django_db

PROJECT_A_TITLES = ["Sirkulære materialer", "Circular materials", "sirkulaere-materialer"]


@pytest.mark.parametrize(("language", "heading"), [("nb", "Ingen tilgang"), ("en", "No access")])
def test_403_page_names_nothing(client, intranet_site, language, heading):
    log_in(client, intranet_site.people["member_b"])
    response = client.get(getattr(intranet_site.project_a, language).url)
    assert response.status_code == 403
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    for revealing in [SECRET, *PROJECT_A_TITLES]:
        assert revealing not in body
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_every_intranet_page_is_restricted_in_both_languages(intranet_site):
    homes = IntranetHomePage.objects.all()
    assert {home.locale.language_code for home in homes} == {"nb", "en"}
    for home in homes:
        groups = {g.name for r in home.view_restrictions.all() for g in r.groups.all()}
        assert groups == {"Members", "Editors"}
    for space in ProjectSpacePage.objects.all():
        groups = {g.name for r in space.view_restrictions.all() for g in r.groups.all()}
        assert groups == {space.group.name, "Editors"}


def test_a_project_space_translated_later_is_restricted_too(
    client, intranet_site, django_capture_on_commit_callbacks
):
    home = IntranetHomePage.objects.get(locale__language_code="nb")
    group = Group.objects.create(name="Project: Nytt prosjekt")
    collection = Collection.get_first_root_node().add_child(name="Nytt prosjekt")
    space = ProjectSpacePage(
        title="Nytt prosjekt", slug="nytt-prosjekt", description="<p>Hemmelig.</p>",
        group=group, collection=collection,
    )  # fmt: skip
    home.add_child(instance=space)
    space.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        english = publish_translation(
            space,
            "en",
            {
                "Nytt prosjekt": "New project",
                "nytt-prosjekt": "new-project",
                "Hemmelig.": "Secret.",
            },
        )
    restriction = PageViewRestriction.objects.get(page=english, groups=group)
    assert set(restriction.groups.values_list("name", flat=True)) == {group.name, "Editors"}
    log_in(client, intranet_site.people["member"])
    assert english.url == "/en/intranet/new-project/"
    assert client.get(english.url).status_code == 403
    # Its collection is closed as well.
    assert collection.get_view_restrictions().exists()


def test_intranet_is_not_in_menus_or_the_sitemap(client, intranet_site):
    log_in(client, intranet_site.people["admin"])
    home = client.get("/nb/").content.decode()
    assert "/nb/intranett/" not in home.split("<main")[0]
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "intranett" not in sitemap and "intranet" not in sitemap


@pytest.mark.parametrize("url", ["/api/", "/api/v2/pages/", "/nb/api/v2/pages/"])
def test_there_is_no_wagtail_api(client, intranet_site, url):
    assert client.get(url).status_code == 404


def test_login_redirect_keeps_the_language(client, intranet_site):
    news = intranet_site.news.en.url
    response = client.get(news)
    assert response["Location"] == f"/en/login/?next={news}"
    assert "no-store" in response["Cache-Control"]


def test_public_pages_stay_cacheable(client, intranet_site):
    response = client.get("/nb/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_news_attachments_follow_the_translation(client, intranet_site):
    log_in(client, intranet_site.people["member"])
    body = client.get(intranet_site.news_item.en.url).content.decode()
    assert "<h2>Attachments</h2>" in body and "Referat fra årsmøtet 2026" in body
