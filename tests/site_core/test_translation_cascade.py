"""Unpublishing, deleting and moving a page with its translations, as the Communications
lead does it in the admin (issue 14): the box "Also unpublish/delete the translations"
(site_core.translation_cascade_views, site_core.translation_cascade), moves that take every
translation along or are refused with the reason (site_core.page_moves), and the explorer's
bulk actions doing the same (site_core.translation_cascade_bulk)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page

from tests.conftest import fresh
from tests.factories import (
    AdminFactory,
    CommunicationsLeadFactory,
    EditorFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    as_committed,
    bilingual_news_site,
    publish,
    translate,
)

from .helpers import admin_user

pytestmark = pytest.mark.django_db

TICKED = {"also_translations": "on", "translations_asked": "True"}
UNTICKED = {"translations_asked": "True"}


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site with a news item in both languages (`.news`, `.news_en`), built
    once for the module."""
    site = bilingual_news_site("Klyngen flytter", "flytter", "The cluster moves")
    site.news_en = site.news.get_translation(site.en.locale)
    site.index_en = site.index.get_translation(site.en.locale)
    return site


@pytest.fixture
def site(site_built):
    """`site_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(site_built)


@pytest.fixture
def lead(client):
    """The Communications lead (who may publish), logged in, admin in English."""
    client.force_login(admin_user(CommunicationsLeadFactory, "en"))
    return client


def log_in_lead(client, language):
    client.force_login(admin_user(CommunicationsLeadFactory, language))


def is_public(page):
    """Whether a visitor gets `page` at its address."""
    page.refresh_from_db()
    return Client().get(page.url).status_code == 200


def exists(page):
    return Page.objects.filter(pk=page.pk).exists()


def parent_of(page):
    return Page.objects.get(pk=page.pk).get_parent().specific


def move_out_of_step(page, parent):
    """Move `page` under `parent` alone, as Wagtail's move view left translations."""
    with as_committed():
        Page.objects.get(pk=page.pk).move(Page.objects.get(pk=parent.pk), pos="last-child")


def box(html):
    """The "Also … the translations" checkbox of a confirm page, or None."""
    return BeautifulSoup(html, "html.parser").find("input", attrs={"name": "also_translations"})


def archive(site, english=True):
    """A live news index "Arkiv" beside the news index, translated ("Archive") if `english`:
    (Norwegian, English or None)."""
    with as_committed():
        norwegian = publish(NewsIndexPageFactory(parent=site.nb, title="Arkiv", slug="arkiv"))
        return norwegian, translate(norwegian, {"Arkiv": "Archive"}) if english else None


# Unpublish


@pytest.mark.parametrize(
    ("language", "label", "help_text"),
    [
        (
            "nb",
            "Avpubliser også oversettelsene",
            "Denne siden har 1 oversettelse, på English; den avpubliseres også.",
        ),
        (
            "en",
            "Also unpublish the translations",
            "This page has 1 translation, in English; it is unpublished too.",
        ),
    ],
)
def test_the_unpublish_confirm_page_offers_the_box_ticked(client, site, language, label, help_text):
    log_in_lead(client, language)
    response = client.get(reverse("wagtailadmin_pages:unpublish", args=[site.news.pk]))
    assert response.status_code == 200
    assert label in response.text
    assert help_text in response.text
    assert box(response.text).has_attr("checked")


def test_the_box_shows_the_source_language_on_a_translation(client, site):
    log_in_lead(client, "en")
    response = client.get(reverse("wagtailadmin_pages:unpublish", args=[site.news_en.pk]))
    assert "This page has 1 translation, in Norsk bokmål" in response.text


def test_a_page_without_translations_has_no_box(lead, site):
    with as_committed():
        alone = publish(NewsPageFactory(parent=site.index, title="Bare norsk"))
    response = lead.get(reverse("wagtailadmin_pages:unpublish", args=[alone.pk]))
    assert response.status_code == 200
    assert box(response.text) is None


def test_unpublishing_with_the_box_ticked_unpublishes_the_translation(lead, site):
    with as_committed():
        response = lead.post(reverse("wagtailadmin_pages:unpublish", args=[site.news.pk]), TICKED)
    assert response.status_code == 302
    assert not is_public(site.news)
    assert not is_public(site.news_en)


@pytest.mark.parametrize("direction", ["from Norwegian", "from English"])
def test_unpublishing_with_the_box_unticked_leaves_the_translation_live(lead, site, direction):
    page, other = (
        (site.news, site.news_en) if direction == "from Norwegian" else (site.news_en, site.news)
    )
    with as_committed():
        response = lead.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]), UNTICKED)
    assert response.status_code == 302
    assert not is_public(page)
    assert is_public(other)


# Delete


@pytest.mark.parametrize(
    ("language", "label", "help_text"),
    [
        (
            "nb",
            "Slett også oversettelsene",
            "Denne siden har 1 oversettelse, på English; den slettes også",
        ),
        (
            "en",
            "Also delete the translations",
            "This page has 1 translation, in English; it is deleted too",
        ),
    ],
)
def test_the_delete_confirm_page_offers_the_box_ticked(client, site, language, label, help_text):
    log_in_lead(client, language)
    response = client.get(reverse("wagtailadmin_pages:delete", args=[site.news.pk]))
    assert response.status_code == 200
    assert label in response.text
    assert help_text in response.text
    assert box(response.text).has_attr("checked")


def test_deleting_with_the_box_ticked_deletes_the_translation(lead, site):
    with as_committed():
        response = lead.post(reverse("wagtailadmin_pages:delete", args=[site.news.pk]), TICKED)
    assert response.status_code == 302
    assert not exists(site.news)
    assert not exists(site.news_en)


def test_deleting_with_the_box_unticked_keeps_the_translation(lead, site):
    english_url = site.news_en.url
    with as_committed():
        response = lead.post(reverse("wagtailadmin_pages:delete", args=[site.news.pk]), UNTICKED)
    assert response.status_code == 302
    assert not exists(site.news)
    assert Client().get(english_url).status_code == 200


# Move


def test_a_move_whose_translation_has_nowhere_to_go_is_refused_and_nothing_moves(lead, site):
    norwegian_archive, _none = archive(site, english=False)
    url = reverse("wagtailadmin_pages:move_confirm", args=[site.news.pk, norwegian_archive.pk])
    response = lead.get(url)
    assert response.status_code == 200
    assert "“Arkiv” has no translation into English" in response.text
    assert "“The cluster moves”, the English version of this page" in response.text
    link = BeautifulSoup(response.text, "html.parser").find(
        "a", string="Translate “Arkiv” into English"
    )
    translate_url = reverse("wagtail_localize:submit_page_translation", args=[norwegian_archive.pk])
    assert link["href"].startswith(f"{translate_url}?select_locale=en&next=")
    assert "Yes, move this page" not in response.text

    with as_committed():
        response = lead.post(url)
    assert "Nothing has been moved" in response.text
    assert parent_of(site.news).pk == site.index.pk
    assert parent_of(site.news_en).pk == site.index_en.pk


def test_the_refusal_is_in_norwegian_for_a_norwegian_admin(client, site):
    norwegian_archive, _none = archive(site, english=False)
    log_in_lead(client, "nb")
    response = client.get(
        reverse("wagtailadmin_pages:move_confirm", args=[site.news.pk, norwegian_archive.pk])
    )
    assert "«Arkiv» har ingen oversettelse til English" in response.text
    assert "Oversett «Arkiv» til English" in response.text


@pytest.mark.parametrize("direction", ["from Norwegian", "from English"])
def test_a_move_takes_the_translation_under_the_translated_parent(lead, site, direction):
    norwegian_archive, english_archive = archive(site)
    if direction == "from Norwegian":
        page, destination = site.news, norwegian_archive
    else:
        page, destination = site.news_en, english_archive
    url = reverse("wagtailadmin_pages:move_confirm", args=[page.pk, destination.pk])
    response = lead.get(url)
    assert "moves under" in response.text
    with as_committed():
        assert lead.post(url).status_code == 302
    assert parent_of(site.news).pk == norwegian_archive.pk
    assert parent_of(site.news_en).pk == english_archive.pk
    assert is_public(site.news_en)
    assert site.news_en.url.startswith(english_archive.url)


def test_a_translation_out_of_step_is_brought_into_step(lead, site):
    """The English page is not under the English news index (an earlier move left it):
    moving the Norwegian page puts it under the new parent's English version."""
    norwegian_archive, english_archive = archive(site)
    move_out_of_step(site.news_en, site.en)
    url = reverse("wagtailadmin_pages:move_confirm", args=[site.news.pk, norwegian_archive.pk])
    response = lead.get(url)
    assert "“The cluster moves” moves from “Home”, where it was out of step" in response.text
    with as_committed():
        assert lead.post(url).status_code == 302
    assert parent_of(site.news_en).pk == english_archive.pk


def test_a_move_whose_translation_slug_is_taken_there_is_refused(lead, site):
    norwegian_archive, english_archive = archive(site)
    with as_committed():
        publish(
            NewsPageFactory(parent=english_archive, slug=site.news_en.slug, locale=site.en.locale)
        )
    url = reverse("wagtailadmin_pages:move_confirm", args=[site.news.pk, norwegian_archive.pk])
    with as_committed():
        response = lead.post(url)
    assert f"already has its address, “{site.news_en.slug}”" in response.text
    assert parent_of(site.news).pk == site.index.pk


def test_deleting_a_parent_names_a_translation_whose_source_stays(client, site):
    """The tester's case: a Norwegian page moved without its English translation; deleting
    the old Norwegian parent with its translations would take the English page along.
    (An administrator: the lead may not delete a page with children, Wagtail's
    bulk_delete permission, and its English translation is left out.)"""
    norwegian_archive, _english_archive = archive(site)
    move_out_of_step(site.news, norwegian_archive)
    client.force_login(admin_user(AdminFactory, "en"))
    response = client.get(reverse("wagtailadmin_pages:delete", args=[site.index.pk]))
    assert "“The cluster moves” (English): its Norsk bokmål version “Klyngen flytter” stays." in (
        response.text
    )


# Bulk actions


def bulk_url(action, *pages):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return url + "?" + "&".join(f"id={page.pk}" for page in pages)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("nb", "De valgte sidene har 1 oversettelse, på English; den avpubliseres også."),
        ("en", "The selected pages have 1 translation, in English; it is unpublished too."),
    ],
)
def test_the_bulk_unpublish_confirm_page_offers_the_box(client, site, language, text):
    log_in_lead(client, language)
    response = client.get(bulk_url("unpublish", site.news))
    assert text in response.text
    assert box(response.text).has_attr("checked")


@pytest.mark.parametrize(("fields", "english_live"), [(TICKED, False), (UNTICKED, True)])
def test_bulk_unpublish_follows_the_box(lead, site, fields, english_live):
    with as_committed():
        assert lead.post(bulk_url("unpublish", site.news), fields).status_code == 302
    assert not is_public(site.news)
    assert is_public(site.news_en) is english_live


@pytest.mark.parametrize(("fields", "english_kept"), [(TICKED, False), (UNTICKED, True)])
def test_bulk_delete_follows_the_box(lead, site, fields, english_kept):
    response = lead.get(bulk_url("delete", site.news))
    assert "The selected pages have 1 translation, in English; it is deleted too" in response.text
    with as_committed():
        assert lead.post(bulk_url("delete", site.news), fields).status_code == 302
    assert not exists(site.news)
    assert exists(site.news_en) is english_kept


def test_bulk_move_refuses_a_page_whose_translation_has_nowhere_to_go(lead, site):
    norwegian_archive, _none = archive(site, english=False)
    with as_committed():
        response = lead.post(bulk_url("move", site.news), {"chooser": norwegian_archive.pk})
    assert response.status_code == 200
    assert "This page cannot be moved to “Arkiv”, since its translations cannot" in response.text
    assert "“Arkiv” has no translation into English" in response.text
    assert parent_of(site.news).pk == site.index.pk
    assert parent_of(site.news_en).pk == site.index_en.pk


def test_bulk_move_takes_the_translations_along(lead, site):
    norwegian_archive, english_archive = archive(site)
    response = lead.get(bulk_url("move", site.news))
    assert "Their translations move with them" in response.text
    with as_committed():
        response = lead.post(bulk_url("move", site.news), {"chooser": norwegian_archive.pk})
    assert response.status_code == 302
    assert parent_of(site.news).pk == norwegian_archive.pk
    assert parent_of(site.news_en).pk == english_archive.pk


@pytest.mark.parametrize(
    ("language", "note"),
    [
        ("nb", "Du kan ikke endre oversettelsen på English: den blir stående som den er."),
        ("en", "You may not act on its translation in English: it stays as it is."),
    ],
)
def test_an_editor_deleting_a_norwegian_draft_leaves_its_live_translation(
    client, site, language, note
):
    """Wagtail deletes a page's translations without asking whether the person may; an
    editor (who may not delete live pages under the approval workflow) must not take the
    live English page with a Norwegian draft."""
    with as_committed():
        Page.objects.get(pk=site.news.pk).specific.unpublish()
    client.force_login(admin_user(EditorFactory, language))
    url = reverse("wagtailadmin_pages:delete", args=[site.news.pk])
    confirm = client.get(url)
    assert note in confirm.text
    assert box(confirm.text) is None
    with as_committed():
        client.post(url, TICKED)
    assert not exists(site.news)
    assert exists(site.news_en) and is_public(site.news_en)


def test_an_editor_unpublishing_leaves_a_translation_they_may_not_unpublish(client, site):
    section = Page.objects.get(pk=site.index.pk)
    editor = admin_user(EditorFactory, "en")
    # An editor who may unpublish the Norwegian news item (publish there) but nothing English.
    group = Group.objects.create(name="Norwegian publishers")
    GroupPagePermission.objects.create(group=group, page=section, permission_type="publish")
    editor.groups.add(group)
    client.force_login(editor)
    with as_committed():
        client.post(reverse("wagtailadmin_pages:unpublish", args=[site.news.pk]), TICKED)
    assert not is_public(site.news)
    assert is_public(site.news_en)
