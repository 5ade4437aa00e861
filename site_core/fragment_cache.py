"""Fragments of a page (head, header, body, footer) rendered once and kept in the shared
cache until content changes.

A public page spends most of its rendering time on the head's alternates (a query for
the translations), the header's menu, home links and language switcher (the locale home
pages, the translations, the privacy filter), its StreamField body (a template per block,
the images and pages the blocks choose) and the footer. They change only when content
changes, so `{% fragment_cache "name" %}` (site_core/templatetags/fragment_tags.py)
keeps each under a key made of:

- the *content version*: a random token replaced whenever something a fragment shows may
  have changed (a page published, unpublished, moved, renamed, deleted or saved; a view
  restriction; a snippet such as the footer; an image; a site or locale). Replacing it
  orphans every fragment at once, in every process sharing the cache; orphans expire
  (FRAGMENT_CACHE_SECONDS). A token, not a counter, so that a version lost from the cache
  can never bring old fragments back;
- the fragment's name, the page, the active language, the scheme and host (the head's
  absolute URLs) and whether the visitor is logged in (the header's member link).

Only fragments of a page served to visitors are kept: not a preview, nor a view without
a `page` (search, login), whose header shows what the visitor typed. Block templates
must not depend on the visitor (no form, no user). A form's empty fields ("form") are the
same for everyone and kept; its CSRF token stays outside, and a bound form (errors, what
the visitor typed) is never kept.

`ContentVersionMiddleware` reads the version before the request reads anything else, and
the version is replaced when a change is made and again when its transaction commits. A
request that read the version before the commit may store what it read under that
version, which nobody reads after the commit; a request that reads the new version reads
only committed content, the page it serves included.

Off when FRAGMENT_CACHE_SECONDS is 0: the production settings turn it on only with a cache
every process shares (Redis), since a change made in one process (the worker publishing a
scheduled page) must reach all. docs/architecture.md, "Caching".
"""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from site_core.snippet_drafts import changes_what_visitors_see

VERSION_KEY = "site_core:fragments:content-version"
# Every fragment the templates keep: all are read in one round trip.
FRAGMENTS = ("head", "header", "body", "form", "footer")


def content_version():
    """The current content version (a str), made if the cache holds none."""
    version = cache.get(VERSION_KEY)
    if version is None:
        version = uuid.uuid4().hex
        if not cache.add(VERSION_KEY, version, timeout=None):
            version = cache.get(VERSION_KEY, version)
    return version


def replace_version():
    """Orphan every kept fragment."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def content_changed(**kwargs):
    """Signal handler: replace the version now and once the transaction commits."""
    replace_version()
    transaction.on_commit(replace_version)


def model_changed(sender, instance, update_fields=None, **kwargs):
    """post_save / post_delete of any model: a change when it is one a fragment may show
    (any page, even a draft's save, is counted: cheaper than telling them apart; a
    snippet's draft is told apart, `snippet_drafts.changes_what_visitors_see`)."""
    # Checked here, not by connecting per model: snippets register after this app is ready.
    fragment_models = (Page, PageViewRestriction, Site, Locale, get_image_model())
    if issubclass(sender, fragment_models) or (
        sender in get_snippet_models() and changes_what_visitors_see(instance, update_fields)
    ):
        content_changed()


class ContentVersionMiddleware:
    """Read the content version (`request.content_version`) before anything else of the
    request is read, when fragments are kept: for GET and HEAD only, the requests worth a
    cache round trip (a form sent back renders afresh)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.FRAGMENT_CACHE_SECONDS and request.method in ("GET", "HEAD"):
            request.content_version = content_version()
        return self.get_response(request)


def kept_fragments(context):
    """{name: (cache key, kept HTML or None)} of every fragment of FRAGMENTS for this
    template `context`, read once per request; None when fragments must be rendered
    afresh (caching off, no page, a preview, no version read)."""
    request = context.get("request")
    page = context.get("page")
    version = getattr(request, "content_version", None)
    if not settings.FRAGMENT_CACHE_SECONDS or version is None or not isinstance(page, Page):
        return None
    if getattr(request, "is_preview", False):
        return None
    kept = getattr(request, "_kept_fragments", None)
    if kept is None or kept[0] != page.pk:
        user = getattr(request, "user", None)
        vary_on = [
            version,
            page.pk,
            # A routable page's sub-views (a member company's page) have headers of their own.
            request.path,
            translation.get_language(),
            request.scheme,
            request.get_host(),
            bool(user and user.is_authenticated),
        ]
        keys = {name: make_template_fragment_key(f"page.{name}", vary_on) for name in FRAGMENTS}
        found = cache.get_many(keys.values())
        kept = (page.pk, {name: (key, found.get(key)) for name, key in keys.items()})
        request._kept_fragments = kept
    return kept[1]


def connect():
    """Connect the handlers (from site_core's AppConfig.ready, once every app is loaded)."""
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"fragment_cache.{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(model_changed, dispatch_uid=f"fragment_cache.model.{id(signal)}")
