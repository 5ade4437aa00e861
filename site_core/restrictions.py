"""Every translation of a restricted page carries the same view restriction.

Wagtail core keeps view restrictions per page, and wagtail-localize copies them
only when it creates or updates a translation. An editor who restricts the
Norwegian page after the English one exists (or lifts the restriction, or
changes its groups) would leave the English page open. These signal handlers
keep the whole translation family in step, from whichever page was edited.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction

_syncing = ContextVar("syncing_view_restrictions", default=False)


@contextmanager
def _guard():
    token = _syncing.set(True)
    try:
        yield
    finally:
        _syncing.reset(token)


def give_restrictions(page, restrictions):
    """Put a copy (type, password, groups) of each of `restrictions` on `page`."""
    for restriction in restrictions:
        copy = PageViewRestriction.objects.create(
            page=page,
            restriction_type=restriction.restriction_type,
            password=restriction.password,
        )
        copy.groups.set(restriction.groups.all())


def copy_restrictions(source, targets):
    """Give each page in `targets` exactly the view restrictions of `source`."""
    restrictions = list(source.view_restrictions.prefetch_related("groups"))
    with _guard(), transaction.atomic():
        for target in targets:
            target.view_restrictions.all().delete()
            give_restrictions(target, restrictions)


def sync_translations_of(page_id):
    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        copy_restrictions(page, Page.objects.filter(pk__in=page.get_translations().values("pk")))


def schedule_sync(page_id):
    """Sync once the transaction commits: a restriction is saved before its groups are set
    (by the admin and by Wagtail's page copy alike), so only then is it complete."""
    transaction.on_commit(partial(sync_translations_of, page_id))


@receiver(post_save, sender=PageViewRestriction)
def restriction_saved(sender, instance, **kwargs):
    if not _syncing.get():
        schedule_sync(instance.page_id)


@receiver(post_delete, sender=PageViewRestriction)
def restriction_deleted(sender, instance, origin=None, **kwargs):
    # Only an editor lifting the restriction counts; deleting the page cascades here too,
    # and must not open up its translations.
    if not _syncing.get() and isinstance(origin, PageViewRestriction):
        schedule_sync(instance.page_id)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if not _syncing.get() and action in {"post_add", "post_remove", "post_clear"}:
        schedule_sync(instance.page_id)
