"""What to purge from the front cache when content changes, in both languages.

Public responses are kept by the front cache for `HTTP_CACHE["S_MAXAGE"]` seconds
(site_core.http_caching); these signal handlers purge what a change makes stale,
through Wagtail's frontend cache (`wagtail.contrib.frontend_cache`: an HTTP PURGE per
URL to Varnish, sent by a background task once the transaction commits, so that a
visitor can never re-cache the old version in between).

A URL ending in ``*`` purges every cached path that starts with it; any other URL
purges that path with every query string (pages of a listing, a tag filter, search
words). deploy/varnish/default.vcl implements both.

- A page published, unpublished, deleted, moved or renamed, or its view restrictions
  changed: the page and everything below it (its routes, its children's breadcrumbs),
  in every language; each ancestor (the index that lists it, the home page) with its
  feeds (`get_cached_paths`); and per site the sitemap and the search pages. The old
  address of a moved or renamed page too.
- A snippet (footer, member company, news tag) published, unpublished, saved live or
  deleted: the whole site, because the footer is on every page and the others are in
  several listings. A draft's save is not purged: visitors see only the published
  version (site_core.snippet_drafts).
- A collection's view restrictions changed: every cached image file.
- An image in use edited or deleted (its description is the alt text of every page showing
  it; its focal point and file change its renditions): the whole site, as for a snippet,
  since one image (a logo, a news item's picture) shows in many listings. An image nothing
  uses yet (just uploaded) purges nothing.

The rule is written for Varnish; without `WAGTAILFRONTENDCACHE` (development, tests)
nothing is sent.
"""

import posixpath
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.images import get_image_model
from wagtail.models import (
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
    ReferenceIndex,
    Site,
)
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)
from wagtail.snippets.models import get_snippet_models

from site_core.snippet_drafts import changes_what_visitors_see

EVERYTHING_BELOW = "*"
# Ahead of every other job (e-mail is 10): a visitor must not see a stale page for longer
# than the worker takes to pick the purge up.
PURGE_PRIORITY = 20


def enabled():
    """Whether a front cache is configured (settings.WAGTAILFRONTENDCACHE)."""
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def purge_on_commit(batch):
    """Queue the purge of `batch` (Wagtail's frontend-cache job) once the current
    transaction commits, at once outside one."""
    if batch.urls:
        job = purge_urls_from_cache_task.using(priority=PURGE_PRIORITY)
        transaction.on_commit(partial(job.enqueue, sorted(batch.urls)))


def site_wide_urls():
    """Per site, the search pages of every language and the sitemap: what lists any page."""
    urls = []
    for site in sites():
        urls.append(f"{site.root_url}{reverse('sitemap')}")
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                urls.append(f"{site.root_url}{reverse('search')}")
    return urls


def add_page_and_listings(batch, page):
    """Add `page` (with everything below it) and each of its ancestors (exactly, with their
    feeds) to `batch`, for every translation of `page`. Pages without a URL add nothing."""
    for member in page.get_translations(inclusive=True).specific():
        url = member.get_full_url(batch)
        if url is None:
            continue
        batch.add_url(url + EVERYTHING_BELOW)
        add_listings(batch, member)


def add_listings(batch, page):
    """Add the ancestors of `page` below the tree's root (its index, the home page) to
    `batch`, each exactly and with its feeds."""
    batch.add_pages(page.get_ancestors().filter(depth__gt=1).specific())


def page_change_batch(page):
    """The batch for a change to `page` (see the module docstring)."""
    batch = PurgeBatch()
    add_page_and_listings(batch, page)
    batch.add_urls(site_wide_urls())
    return batch


def purge_page(instance, **kwargs):
    """page_published / page_unpublished (also sent by Wagtail before a live page is deleted)."""
    if enabled():
        purge_on_commit(page_change_batch(instance))


def old_url(page, url_path_before, url_path_after):
    """The full URL `page` had before its url_path changed from `url_path_before` (str)."""
    url = page.get_full_url()
    if url is None:
        return None
    common = posixpath.commonpath([url_path_before, url_path_after]).rstrip("/") + "/"
    new_tail = url_path_after[len(common) :]
    return url[: len(url) - len(new_tail)] + url_path_before[len(common) :]


def purge_moved_page(instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    """page_moved: the page at its new and old addresses, and both parents' listings."""
    if not enabled():
        return
    batch = page_change_batch(instance)
    before = old_url(instance, url_path_before, url_path_after)
    if before:
        batch.add_url(before + EVERYTHING_BELOW)
    batch.add_page(parent_page_before.specific)
    add_listings(batch, parent_page_before)
    purge_on_commit(batch)


def purge_renamed_page(instance, instance_before, **kwargs):
    """page_slug_changed: the old address, where a redirect now answers."""
    if not enabled():
        return
    batch = page_change_batch(instance)
    before = instance_before.get_full_url()
    if before:
        batch.add_url(before + EVERYTHING_BELOW)
    purge_on_commit(batch)


def purge_restricted_page(instance, **kwargs):
    """A page's view restriction saved or deleted: the page was maybe cached as public."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if enabled() and page is not None:
        purge_on_commit(page_change_batch(page))


def purge_site(sender, instance, update_fields=None, **kwargs):
    """A snippet saved or deleted: every page of every site, unless the change is none
    for visitors (`snippet_drafts.changes_what_visitors_see`: a draft's save)."""
    # Checked here, not by connecting per model: snippets register after this app is ready.
    if (
        enabled()
        and sender in get_snippet_models()
        and changes_what_visitors_see(instance, update_fields)
    ):
        purge_on_commit(PurgeBatch(site.root_url + "/" + EVERYTHING_BELOW for site in sites()))


def purge_images(**kwargs):
    """A collection's view restriction changed: every cached image file."""
    if enabled():
        media = settings.MEDIA_URL
        purge_on_commit(PurgeBatch(site.root_url + media + EVERYTHING_BELOW for site in sites()))


def purge_image_users(instance, created=False, **kwargs):
    """An image saved or deleted: every page of every site if anything uses it (Wagtail's
    reference index: pages, snippets), nothing for a new or unused image."""
    if enabled() and not created and ReferenceIndex.get_references_to(instance).exists():
        purge_on_commit(PurgeBatch(site.root_url + "/" + EVERYTHING_BELOW for site in sites()))


def sites():
    """Every Site (a list): purges name pages by each site's root URL."""
    return list(Site.objects.all())


def connect():
    """Connect the handlers (from site_core's AppConfig.ready, once every app is loaded)."""
    page_published.connect(purge_page, dispatch_uid="cache_purge.published")
    page_unpublished.connect(purge_page, dispatch_uid="cache_purge.unpublished")
    post_page_move.connect(purge_moved_page, dispatch_uid="cache_purge.moved")
    page_slug_changed.connect(purge_renamed_page, dispatch_uid="cache_purge.renamed")
    for signal in (post_save, post_delete):
        signal.connect(purge_restricted_page, sender=PageViewRestriction, weak=False)
        signal.connect(purge_images, sender=CollectionViewRestriction, weak=False)
        signal.connect(purge_image_users, sender=get_image_model(), weak=False)
        signal.connect(purge_site, dispatch_uid=f"cache_purge.snippet.{signal is post_save}")
