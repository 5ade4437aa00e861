"""The page chrome (head, header, footer) rendered once and kept in the shared cache.

Each public page spends about half of its rendering time on the parts around its content:
the head's alternates (a query for the translations), the header's menu, home links and
language switcher (the locale home pages, the translations, the privacy filter) and the
footer. They change only when content changes, so `{% chrome_cache %}`
(site_core/templatetags/chrome_tags.py) keeps each fragment under a key made of:

- the *content version*: a random token replaced whenever something the chrome shows may
  have changed (a page published, unpublished, moved, renamed or deleted; a view
  restriction; a snippet such as the footer; an image; a site or locale). Replacing it
  orphans every fragment at once, in every process sharing the cache; orphans expire
  (CHROME_CACHE_SECONDS). A token, not a counter, so that a version lost from the cache
  can never bring old fragments back;
- the fragment's name, the page, the active language, the scheme and host (the head's
  absolute URLs) and whether the visitor is logged in (the header's member link).

Only fragments of a page served to visitors are kept: not a preview or a page without a
`page` (search, login), whose header shows what the visitor typed.

The version is replaced at once and again when the transaction commits: a request that
read the old version may still store the old chrome under it, which nobody reads after
the commit; a request that reads the new version reads the committed content.

Off when CHROME_CACHE_SECONDS is 0: the production settings turn it on only with a cache
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

VERSION_KEY = "site_core:chrome:content-version"


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


def model_changed(sender, **kwargs):
    """post_save / post_delete of any model: a change when it is one the chrome may show
    (any page, even a draft's save, is counted: cheaper than telling them apart)."""
    # Checked here, not by connecting per model: snippets register after this app is ready.
    chrome_models = (Page, PageViewRestriction, Site, Locale, get_image_model())
    if issubclass(sender, chrome_models) or sender in get_snippet_models():
        content_changed()


def fragment_key(context, name):
    """The cache key of fragment `name` for this template `context`, or None when the
    fragment must be rendered afresh (caching off, no page, a preview)."""
    seconds = settings.CHROME_CACHE_SECONDS
    request = context.get("request")
    page = context.get("page")
    if not seconds or request is None or not isinstance(page, Page):
        return None
    if getattr(request, "is_preview", False):
        return None
    user = getattr(request, "user", None)
    vary_on = [
        content_version(),
        page.pk,
        translation.get_language(),
        request.scheme,
        request.get_host(),
        bool(user and user.is_authenticated),
    ]
    return make_template_fragment_key(f"chrome.{name}", vary_on)


def connect():
    """Connect the handlers (from site_core's AppConfig.ready, once every app is loaded)."""
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"chrome_cache.{id(signal)}")
    for signal in (post_save, post_delete):
        signal.connect(model_changed, dispatch_uid=f"chrome_cache.model.{id(signal)}")
