"""The intranet's access model: its groups, and restrictions that must stay in place.

Whether a user passes a restriction, in bulk or one at a time, is site_core.privacy;
this module names the groups (Members, Editors, "Project: <name>" and its leads,
"Project leads: <name>"), puts the intranet's
group restrictions back when they are missing, and marks responses private.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import BaseViewRestriction, CollectionViewRestriction, Page, PageViewRestriction

from site_core import privacy
from site_core.editorial import EDITORS_GROUP

MEMBERS_GROUP = "Members"
STAFF_GROUP = EDITORS_GROUP
PROJECT_GROUP_PREFIX = "Project: "
# A project's leads (its join requests, the participant lists of its events) are the
# members of a second group named after the project's: "Project leads: <name>".
PROJECT_LEADS_GROUP_PREFIX = "Project leads: "


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


def leads_group_name(project_group):
    """ "Project leads: <name>" for the project group "Project: <name>" (a Group or its name)."""
    name = getattr(project_group, "name", project_group)
    return PROJECT_LEADS_GROUP_PREFIX + name.removeprefix(PROJECT_GROUP_PREFIX)


def leads_of(project_group):
    """The active users who lead the project of `project_group` (a QuerySet of users)."""
    return get_user_model().objects.filter(
        groups__name=leads_group_name(project_group), is_active=True
    )


def is_project_lead(user, project_group):
    """Whether `user` leads the project of `project_group` (one query; False for anonymous)."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.groups.filter(name=leads_group_name(project_group)).exists()


def group_names(user):
    """The names of `user`'s groups (a set; empty for anonymous or inactive), from the groups
    site_core.privacy loads once per user object."""
    if not user.is_authenticated or not user.is_active:
        return set()
    privacy.user_group_ids(user)  # prefetches user.groups
    return {group.name for group in user.groups.all()}


def is_staff(user):
    """Whether `user` is staff for the intranet: a superuser or in the Editors group."""
    return user.is_authenticated and (user.is_superuser or STAFF_GROUP in group_names(user))


def email_language(user):
    """The language ("nb"/"en") to write to `user` in. Staff are written to in their admin
    language (Wagtail's, "en-gb" counting as "en"), members in the language of e-mails they
    chose (their profile); each falls back to the other, then to the site's."""
    codes = dict(settings.LANGUAGES)
    chosen = getattr(getattr(user, "wagtail_userprofile", None), "preferred_language", "") or ""
    admin = next((code for code in (chosen, chosen.split("-")[0]) if code in codes), None)
    profile = getattr(getattr(user, "member_profile", None), "preferred_language", None)
    first, second = (admin, profile) if is_staff(user) else (profile, admin)
    return first or second or settings.LANGUAGE_CODE
