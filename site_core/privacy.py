"""Who may open what: Wagtail page and collection privacy, evaluated in bulk for a user.

The rule for pages: a page is open to a visitor only if the visitor passes the view
restrictions of the page *and of every translation of it*, including those each inherits
from its ancestors; an alias also needs those of the page it shows. Wagtail checks one
page's own tree only, so a translation left in a public section after its source moved
under a members-only one, or a public alias of a members' page, would otherwise be open.

Wagtail checks privacy one page or document at a time while serving it. Listings, feeds,
the sitemap, search and the member digest need it in bulk, so these helpers turn the
restrictions a user fails into one filter on a queryset:

- anonymous visitors: an uncorrelated subquery, the translation keys of every page under a
  restriction, which the database computes once per query, so a public listing costs no
  extra query and its time does not grow with matches × restrictions;
- signed-in users: every restriction is loaded once (a handful of rows) and the subtrees
  the user fails become path prefixes to exclude; the result is memoised on the user
  object, which lives for one request.

``site_core.pages.SitePageQuerySet`` puts these on every page type's manager; the rule is
described in docs/architecture.md ("Where privacy is enforced").
"""

from functools import reduce
from operator import or_

from django.db import connection
from django.db.models import (
    Q,
    prefetch_related_objects,
)
from django.db.models.expressions import RawSQL
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)


def user_group_ids(user):
    """The ids of `user`'s groups (empty for anonymous), loaded once per user object."""
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_privacy_group_ids"):
        # Prefetched, so Wagtail's own restriction check reuses the same query.
        prefetch_related_objects([user], "groups")
        user._privacy_group_ids = {group.id for group in user.groups.all()}
    return user._privacy_group_ids


def passes(restriction, user):
    """Whether `user` passes `restriction` without a session (we use no password privacy)."""
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        if user.is_superuser:
            return True
        return bool(user_group_ids(user) & {group.id for group in restriction.groups.all()})
    return False


def _failed_paths(user, restrictions, attribute):
    return [getattr(r, attribute).path for r in restrictions if not passes(r, user)]


def hidden_page_paths(user):
    """Tree paths of restricted page subtrees that `user` may not open."""
    if not hasattr(user, "_privacy_hidden_pages"):
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        user._privacy_hidden_pages = _failed_paths(user, restrictions, "page")
    return user._privacy_hidden_pages


def exclude_paths(queryset, paths, field="path"):
    """`queryset` without the rows whose tree path starts with any of `paths`."""
    if not paths:
        return queryset
    return queryset.exclude(reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths)))


def exclude_restricted(pages):
    """`pages` without any page that is, or has a translation that is, under a view
    restriction: what anonymous visitors may open.

    Wagtail's ``.public()`` plus the translations rule (module docstring), as one
    subquery of the listing's own query that does not refer to the outer row, so the
    database finds the restricted families once per query (`restricted_translation_keys`).
    """
    return exclude_families(pages, restricted_translation_keys())


def restricted_translation_keys():
    """SQL for the translation keys of every page at or below a page with a view
    restriction, to use as ``translation_key__in=``.

    Driven by the restrictions (a handful of rows), each finding its subtree with one
    range scan of the tree-path index: a treebeard path is made of ``0-9A-Z`` (compared
    byte-wise, the column's collation is "C"), so the paths that start with P are exactly
    those between P and P + "~". Written as SQL because the ORM cannot join two pages on
    a range; as an ``EXISTS`` per page (the ORM's way) it compared every page with every
    restriction, 400 ms of a 500 ms search on 20,000 pages (bench/search.py).
    """
    quote = connection.ops.quote_name
    page, restriction = quote(Page._meta.db_table), quote(PageViewRestriction._meta.db_table)
    # Only the two model tables' quoted names are formatted in; there are no parameters.
    return RawSQL(  # noqa: S611
        f"SELECT inside.translation_key FROM {restriction} restriction "  # noqa: S608
        f"JOIN {page} restricted ON restricted.id = restriction.page_id "
        f"JOIN {page} inside ON inside.path >= restricted.path "
        f"AND inside.path <= restricted.path || '~'",
        (),
    )


def exclude_families(pages, hidden_keys):
    """`pages` without the pages whose translation key, or whose alias source's key, is in
    `hidden_keys` (a query selecting translation keys: a values queryset or SQL)."""
    return pages.exclude(translation_key__in=hidden_keys).exclude(
        alias_of__translation_key__in=hidden_keys
    )


def visible_pages(pages, user):
    """`pages` (any page queryset) without the ones `user` may not open, translations
    included (module docstring)."""
    if not user.is_authenticated:
        return exclude_restricted(pages)
    paths = hidden_page_paths(user)
    if not paths:
        return pages
    hidden = Page.objects.filter(reduce(or_, (Q(path__startswith=path) for path in paths)))
    return exclude_families(pages, hidden.values("translation_key"))


def family_restrictions(page):
    """The view restrictions on `page`, on its translations, on the page it is an alias of
    and that page's translations, and on all their ancestors: what a visitor must pass to
    open `page` (two or three queries when evaluated)."""
    keys = [page.translation_key]
    if page.alias_of_id:
        keys += Page.objects.filter(pk=page.alias_of_id).values_list("translation_key", flat=True)
    paths = Page.objects.filter(translation_key__in=keys).values_list("path", flat=True)
    prefixes = {
        path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    return PageViewRestriction.objects.filter(page__path__in=prefixes)


def page_restrictions(page):
    """`family_restrictions(page)` with their groups, evaluated once per page object: the
    privacy hook, the head's hreflang links and the language switcher share one query."""
    if not hasattr(page, "_family_restrictions"):
        restrictions = family_restrictions(page).prefetch_related("groups")
        list(restrictions)  # evaluate once; .exists() and iteration reuse the result
        page._family_restrictions = restrictions
    return page._family_restrictions


def visible_collection_ids(user):
    """Ids of the collections whose documents and images `user` may open."""
    if not hasattr(user, "_privacy_collections"):
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        hidden = _failed_paths(user, restrictions, "collection")
        user._privacy_collections = list(
            exclude_paths(Collection.objects.all(), hidden).values_list("id", flat=True)
        )
    return user._privacy_collections


def visible_documents(user):
    """Every document `user` may download, newest first, with its collection."""
    return (
        get_document_model()
        .objects.filter(collection__in=visible_collection_ids(user))
        .select_related("collection")
        .order_by("-created_at", "-id")
    )
