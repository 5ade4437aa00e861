"""Editors see the site as editors (issue 15, point 6): Wagtail's user bar on public and
intranet pages for users who may use the admin, never for visitors or members and never in
a cached response; and a preview of every page type in both languages."""

import pytest
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail_localize.models import Translation

pytestmark = pytest.mark.django_db

USERBAR = b"<wagtail-userbar>"


def site_pages(public_site):
    """{name: SimpleNamespace(nb=, en=)} for every page of the shared site, intranet too."""
    intranet = public_site.intranet
    return {
        **public_site.pages,
        "intranet home": intranet.home,
        "member news index": intranet.news,
        "member news": intranet.news_item,
        "document library": intranet.library,
        "project space": intranet.project_a,
        "projects page": intranet.projects,
        "people directory": intranet.people_page,
        "my account": intranet.account,
    }


@pytest.mark.parametrize("language", ["nb", "en"])
def test_editors_get_the_user_bar_on_public_pages_visitors_and_members_do_not(
    client, public_site, log_in_as, language
):
    url = getattr(public_site.pages["news"], language).url

    log_in_as("editor")
    response = client.get(url)
    assert USERBAR in response.content
    assert "no-store" in response["Cache-Control"]

    for role in ("member", "member_a", "anonymous"):
        log_in_as(role)
        response = client.get(url)
        assert response.status_code == 200
        assert USERBAR not in response.content, role
    # The last, anonymous response may be kept by caches: it never carries the user bar,
    # though an editor's request rendered the same page (and its fragments) just before.
    assert "public" in response["Cache-Control"]


def test_editors_get_the_user_bar_on_intranet_pages_members_do_not(client, public_site, log_in_as):
    url = public_site.intranet.home.nb.url
    log_in_as("editor")
    assert USERBAR in client.get(url).content
    log_in_as("member")
    response = client.get(url)
    assert response.status_code == 200
    assert USERBAR not in response.content


def test_the_user_bar_offers_to_edit_the_page_shown(client, public_site, log_in_as):
    page = public_site.pages["event"].nb
    log_in_as("editor")
    content = client.get(page.url).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in content


def concrete_page_types():
    return {model for model in get_page_models() if model is not Page}


def test_the_preview_test_covers_every_page_type(public_site):
    covered = {type(pages.nb.specific) for pages in site_pages(public_site).values()}
    assert covered == concrete_page_types()


def preview_of_source(client, page):
    """The preview of `page` (a Norwegian source page) as its latest revision, rendered
    through the page type's preview (Wagtail's "Preview" of a saved draft)."""
    return client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))


def preview_of_translation(client, page):
    """The translation editor's preview of `page` (an English translation), the preview
    an editor of a wagtail-localize translation gets."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=page.locale
    )
    return client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_page_type_has_a_preview_in_both_languages(client, public_site, log_in_as, language):
    log_in_as("admin")
    for name, pages in site_pages(public_site).items():
        page = getattr(pages, language).specific
        preview = preview_of_source if language == "nb" else preview_of_translation
        response = preview(client, page)
        assert response.status_code == 200, name
        content = response.content.decode()
        assert f'<html lang="{language}"' in content, name
        assert page.title in content.replace("&#x27;", "'").replace("&amp;", "&"), name
