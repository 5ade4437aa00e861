"""Page fragments kept between requests (site_core.fragment_cache): fewer queries for a
visitor, and never a head, menu, language link, body or footer that is no longer true, in
either language, for anyone."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from site_core import fragment_cache
from tests.factories import as_committed, publish
from tests.home.factories import paragraph, restrict_to_members
from tests.site_core.test_settings import FULL_PRODUCTION_ENV, run_manage

LANGUAGES = ["nb", "en"]
CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return response, len(queries)


def menu_of(response):
    html = response.content.decode()
    return html[
        html.index('<nav class="main-menu"') : html.index("</nav>", html.index("main-menu"))
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_second_visit_takes_the_fragments_from_the_cache(client, public_site, language, settings):
    url = getattr(public_site.pages["about"], language).url
    settings.FRAGMENT_CACHE_SECONDS = 0
    queries_of(client, url)  # fills the other caches (sites, footer)
    without, without_queries = queries_of(client, url)
    settings.FRAGMENT_CACHE_SECONDS = 3600
    first, _ = queries_of(client, url)
    second, second_queries = queries_of(client, url)
    assert first.content == second.content == without.content
    # The translations (head, switcher), the home pages and the menu: not asked again.
    assert second_queries <= without_queries - 3, (without_queries, second_queries)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_published_title_shows_in_every_page_menu_at_once(client, public_site, language):
    about = getattr(public_site.pages["about"], language)
    goals = getattr(public_site.pages["goals"], language)
    assert goals.title in menu_of(client.get(about.url))
    goals.title = {"nb": "Våre mål", "en": "Our goals"}[language]
    publish(goals)
    assert goals.title in menu_of(client.get(about.url))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_page_restricted_to_members_leaves_the_menu_at_once(client, public_site, language):
    about = getattr(public_site.pages["about"], language)
    goals = public_site.pages["goals"]
    assert getattr(goals, language).title in menu_of(client.get(about.url))
    with as_committed():  # the restriction is copied to the translation on commit
        restrict_to_members(goals.nb)
    assert getattr(goals, language).title not in menu_of(client.get(about.url))


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_unpublished_translation_leaves_the_switcher_and_head(client, public_site, language):
    about = public_site.pages["about"]
    other = "en" if language == "nb" else "nb"
    page = getattr(about, language)
    other_url = getattr(about, other).get_full_url()
    assert other_url in client.get(page.url).content.decode()
    getattr(about, other).refresh_from_db()  # the shared copy says it is a draft
    getattr(about, other).unpublish()
    html = client.get(page.url).content.decode()
    assert f'hreflang="{other}" href="{other_url}"' not in html
    assert f'href="{getattr(about, other).url}"' not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_changed_footer_shows_at_once(client, public_site, language):
    url = getattr(public_site.pages["about"], language).url
    assert "+47 22 00 00 00" in client.get(url).content.decode()
    footer = public_site.footer.nb
    footer.phone = "+47 99 99 99 99"
    footer.save()  # synchronised into the English footer (site_core.snippet_sync)
    html = client.get(url).content.decode()
    assert "+47 99 99 99 99" in html and "+47 22 00 00 00" not in html


def test_a_preview_shows_its_draft_head_and_never_leaves_it_to_visitors(client, public_site):
    page = public_site.pages["about"].nb
    client.get(page.url)  # the live head is now kept
    draft = page.get_latest_revision_as_object()
    draft.seo_title = "Utkast som ingen besøkende skal se"
    preview = draft.make_preview_request()
    assert "Utkast som ingen besøkende skal se" in preview.content.decode()
    assert "Utkast som ingen besøkende skal se" not in client.get(page.url).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_member_and_a_visitor_each_get_their_own_header(client, public_site, language):
    url = getattr(public_site.pages["about"], language).url
    member_link = {
        "nb": ("Innlogging for medlemmer", "Medlemsområdet"),
        "en": ("Member login", "Member area"),
    }
    visitor, member = member_link[language]
    assert visitor in client.get(url).content.decode()
    client.force_login(public_site.intranet.people["member"])
    html = client.get(url).content.decode()
    assert member in html and visitor not in html
    client.logout()
    assert visitor in client.get(url).content.decode()


def test_the_version_is_replaced_again_when_the_change_commits(
    db, django_capture_on_commit_callbacks
):
    """A request that read the old version before the commit may keep old fragments under
    it; after the commit nobody reads that version again."""
    before = fragment_cache.content_version()
    with django_capture_on_commit_callbacks(execute=True):
        fragment_cache.content_changed()
        during = fragment_cache.content_version()
    after = fragment_cache.content_version()
    assert len({before, during, after}) == 3


@pytest.mark.parametrize(
    ("redis_url", "seconds"), [(None, "0"), ("redis://127.0.0.1:6379/15", "3600")]
)
def test_production_keeps_fragments_only_in_a_cache_every_process_shares(redis_url, seconds):
    env = {**FULL_PRODUCTION_ENV, **({"REDIS_URL": redis_url} if redis_url else {})}
    script = "from django.conf import settings; print(settings.FRAGMENT_CACHE_SECONDS)"
    result = run_manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == seconds


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_published_body_shows_at_once(client, public_site, language):
    page = getattr(public_site.pages["about"], language)
    page.refresh_from_db()
    page = page.specific
    client.get(page.url)  # the body is now kept
    text = {"nb": "Et nytt avsnitt om klyngen.", "en": "A new paragraph about the cluster."}
    page.body = [paragraph(text[language])]
    publish(page)
    assert text[language] in client.get(page.url).content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_visitor_gets_a_form_of_their_own(public_site, language):
    """The membership page's body is kept; its form, with the CSRF token, is not."""
    url = getattr(public_site.pages["membership"], language).url
    tokens = []
    for _visitor in range(2):
        html = Client().get(url).content.decode()
        tokens.append(CSRF_TOKEN.search(html).group(1))
    assert tokens[0] != tokens[1]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_form_sent_back_keeps_what_was_typed_and_nobody_else_sees_it(public_site, language):
    """The empty form is kept; a form sent back with errors is rendered for its sender."""
    url = getattr(public_site.pages["membership"], language).url
    Client().get(url)  # the empty form is now kept
    typed = {"company_name": "Hemmelig Testfirma AS", "organisation_number": "123"}
    html = Client().post(url, typed).content.decode()
    assert 'value="Hemmelig Testfirma AS"' in html and 'id="form-errors"' in html
    assert "Hemmelig Testfirma AS" not in Client().get(url).content.decode()
