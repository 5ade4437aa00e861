"""Who may open what: Wagtail page and collection privacy, evaluated for a user.

Wagtail checks privacy one page or document at a time while serving it. The
intranet also needs it in bulk (dashboard, listings, search, digest), so these
helpers load every restriction once (a handful of rows) and turn the ones a
user fails into a path filter. Results are memoised on the user object, which
lives for one request.
"""

from functools import reduce
from operator import or_

from django.contrib.auth.models import Group
from django.db.models import Q, prefetch_related_objects
from wagtail.documents import get_document_model
from wagtail.models import (
    BaseViewRestriction,
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

MEMBERS_GROUP = "Members"
STAFF_GROUP = "Editors"
PROJECT_GROUP_PREFIX = "Project: "


def user_group_ids(user):
    if not user.is_authenticated:
        return set()
    if not hasattr(user, "_intranet_group_ids"):
        # Prefetched, so Wagtail's own restriction check reuses the same query.
        prefetch_related_objects([user], "groups")
        user._intranet_group_ids = {group.id for group in user.groups.all()}
    return user._intranet_group_ids


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
    if not hasattr(user, "_intranet_hidden_pages"):
        restrictions = PageViewRestriction.objects.select_related("page").prefetch_related("groups")
        user._intranet_hidden_pages = _failed_paths(user, restrictions, "page")
    return user._intranet_hidden_pages


def _exclude_paths(queryset, paths, field="path"):
    if not paths:
        return queryset
    return queryset.exclude(reduce(or_, (Q(**{f"{field}__startswith": p}) for p in paths)))


def visible_pages(user, queryset=None):
    """`queryset` (default: all pages) without the ones `user` may not open."""
    queryset = Page.objects.all() if queryset is None else queryset
    return _exclude_paths(queryset, hidden_page_paths(user))


def visible_collection_ids(user):
    if not hasattr(user, "_intranet_collections"):
        restrictions = CollectionViewRestriction.objects.select_related(
            "collection"
        ).prefetch_related("groups")
        hidden = _failed_paths(user, restrictions, "collection")
        user._intranet_collections = list(
            _exclude_paths(Collection.objects.all(), hidden).values_list("id", flat=True)
        )
    return user._intranet_collections


def visible_documents(user):
    """Every document `user` may download, newest first."""
    return (
        get_document_model()
        .objects.filter(collection__in=visible_collection_ids(user))
        .select_related("collection")
        .order_by("-created_at", "-id")
    )


def ensure_group_restriction(page_or_collection, groups):
    """Make sure the page or collection is restricted to (at least) these groups.

    A group restriction that already admits all of them is left alone, so staff
    may widen it on purpose. One with no groups at all is repaired: that is
    what wagtail-localize 1.14 leaves on a translation when it copies a
    restriction without its groups, and it would shut out everyone but
    superusers.
    """
    if isinstance(page_or_collection, Page):
        model, field = PageViewRestriction, "page"
    else:
        model, field = CollectionViewRestriction, "collection"
    wanted = {group.id for group in groups}
    existing = list(
        model.objects.filter(
            **{field: page_or_collection}, restriction_type=BaseViewRestriction.GROUPS
        ).prefetch_related("groups")
    )
    if any(wanted <= {group.id for group in r.groups.all()} for r in existing):
        return
    restriction = next((r for r in existing if not r.groups.all()), None)
    if restriction is None:
        restriction = model.objects.create(
            **{field: page_or_collection}, restriction_type=BaseViewRestriction.GROUPS
        )
    restriction.groups.set(groups)


def group(name):
    return Group.objects.get_or_create(name=name)[0]


def members_groups():
    """The groups that may open the intranet: members, and staff who edit it."""
    return [group(MEMBERS_GROUP), group(STAFF_GROUP)]


def project_groups(project_group):
    """The groups that may open one project's space and files: its members, and staff."""
    return [project_group, group(STAFF_GROUP)]


def mark_private(request):
    """Ask PrivateResponseMiddleware to send `Cache-Control: private, no-store`."""
    request.intranet_private = True
