"""What a change purges from the front cache (site_core.cache_purge), in both languages.

The purges go through Wagtail's frontend-cache backend API to a recording backend; the
Varnish test (tests/deploy/test_front_cache.py) shows the same purges working end to end.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.models import PageViewRestriction

from home.models import NewsTag
from tests.conftest import fresh
from tests.factories import (
    ImageFactory,
    NewsIndexPageFactory,
    bilingual_news_site,
    publish,
)

PURGED = []
ROOT = "http://testserver"


class RecordingBackend(BaseBackend):
    """Keeps the URLs it is asked to purge in PURGED."""

    def purge(self, url):
        PURGED.append(url)


@pytest.fixture
def purged(settings):
    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.site_core.test_cache_purge.RecordingBackend"}
    }
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site with a news index and one item, Norwegian, both translated and
    live (`.index`, `.news`), built once for the module."""
    return bilingual_news_site("Nytt fra klyngen", "nytt", "Cluster news")


@pytest.fixture
def site(site_built):
    """This test's copy of `site_built`."""
    return fresh(site_built)


@pytest.fixture
def news(site):
    """(index, news item) of `site`."""
    return site.index, site.news


LISTINGS = {
    f"{ROOT}/nb/",
    f"{ROOT}/en/",
    f"{ROOT}/nb/nyheter/",
    f"{ROOT}/nb/nyheter/rss/",
    f"{ROOT}/en/nyheter/",
    f"{ROOT}/en/nyheter/rss/",
    f"{ROOT}/sitemap.xml",
    f"{ROOT}/nb/sok/",
    f"{ROOT}/en/search/",
}


def test_publishing_purges_the_page_its_translation_and_every_listing(
    news, purged, django_capture_on_commit_callbacks
):
    _index, item = news
    item.title = "Nytt fra klyngen i dag"
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish(item)
    assert purged == [], "nothing may be purged before the change is committed"
    for callback in callbacks:
        callback()
    assert set(purged) >= LISTINGS | {f"{ROOT}/nb/nyheter/nytt/*", f"{ROOT}/en/nyheter/nytt/*"}


def test_unpublishing_purges_the_same(news, purged, django_capture_on_commit_callbacks):
    _index, item = news
    with django_capture_on_commit_callbacks(execute=True):
        item.unpublish()
    assert set(purged) >= LISTINGS | {f"{ROOT}/nb/nyheter/nytt/*"}


def test_deleting_a_live_page_purges_it_and_its_listings(
    news, purged, django_capture_on_commit_callbacks
):
    _index, item = news
    english = item.get_translation(item.get_translations().first().locale)
    with django_capture_on_commit_callbacks(execute=True):
        english.delete()
    assert set(purged) >= LISTINGS | {f"{ROOT}/en/nyheter/nytt/*"}


def test_moving_purges_the_old_and_the_new_address(
    site, news, purged, django_capture_on_commit_callbacks
):
    _index, item = news
    with django_capture_on_commit_callbacks(execute=True):
        archive = publish(NewsIndexPageFactory(parent=site.nb, title="Arkiv", slug="arkiv"))
    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        item.move(archive, pos="last-child")
    assert f"{ROOT}/nb/nyheter/nytt/*" in purged
    assert f"{ROOT}/nb/arkiv/nytt/*" in purged
    assert {f"{ROOT}/nb/nyheter/", f"{ROOT}/nb/arkiv/"} <= set(purged)


def test_a_new_slug_purges_the_old_address(news, purged, django_capture_on_commit_callbacks):
    _index, item = news
    item.slug = "nytt-navn"
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)
    assert {f"{ROOT}/nb/nyheter/nytt/*", f"{ROOT}/nb/nyheter/nytt-navn/*"} <= set(purged)


def test_restricting_a_page_purges_the_public_copy(
    news, purged, django_capture_on_commit_callbacks
):
    _index, item = news
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(page=item, restriction_type="groups")
        restriction.groups.add(Group.objects.create(name="Styret"))
    assert f"{ROOT}/nb/nyheter/nytt/*" in purged
    assert f"{ROOT}/en/nyheter/nytt/*" in purged


def test_a_snippet_change_purges_the_whole_site(site, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        NewsTag.objects.create(name="Bærekraft", slug="baerekraft", locale=site.nb.locale)
    assert f"{ROOT}/*" in purged
    assert all(url.endswith("/*") for url in purged)


def test_editing_an_image_in_use_purges_the_whole_site(
    site, purged, django_capture_on_commit_callbacks
):
    # Its description is the alt text on every page that shows it (issue 15 point 5).
    image = ImageFactory(description="Et bilde fra messen.")
    item = site.news
    item.main_image = image
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)
    purged.clear()
    image.description = "Tre designere ved en stand på Stockholm Furniture Fair."
    with django_capture_on_commit_callbacks(execute=True):
        image.save()
    assert f"{ROOT}/*" in purged


def test_a_new_or_unused_image_purges_nothing(site, purged, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(description="Ubrukt.")
        image.title = "Ubrukt bilde"
        image.save()
    assert purged == []


def test_publishing_the_translation_purges_its_source_too(
    news, purged, django_capture_on_commit_callbacks
):
    """The Norwegian page links to the English one (switcher, hreflang)."""
    _index, item = news
    english = item.get_translations().get().specific
    english.title = "News from the cluster"
    with django_capture_on_commit_callbacks(execute=True):
        publish(english)
    assert {f"{ROOT}/en/nyheter/nytt/*", f"{ROOT}/nb/nyheter/nytt/*"} <= set(purged)


def test_nothing_is_sent_without_a_front_cache(settings, news, django_capture_on_commit_callbacks):
    settings.WAGTAILFRONTENDCACHE = {}
    PURGED.clear()
    _index, item = news
    with django_capture_on_commit_callbacks(execute=True):
        publish(item)
    assert PURGED == []
