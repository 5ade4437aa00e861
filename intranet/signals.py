"""Keep intranet privacy in place whatever an editor does.

Every publish of an intranet home page or project space, in any language,
makes sure the page carries its group restriction; a project space also
restricts its document collection. Wagtail does not copy a restriction to a
translation whose parent is already restricted, so a translated project space
would otherwise be open to every member.
"""

import logging

from axes.signals import user_locked_out
from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.signals import page_published, page_unpublished

from intranet import access
from site_core import cache_purge

logger = logging.getLogger("intranet")


@receiver(page_published)
def enforce_intranet_privacy(sender, instance, **kwargs):
    from intranet.models import IntranetHomePage, ProjectSpacePage

    if isinstance(instance, IntranetHomePage | ProjectSpacePage):
        access.ensure_group_restriction(instance, instance.required_groups())
    if isinstance(instance, ProjectSpacePage):
        access.ensure_group_restriction(instance.collection, instance.required_groups())


@receiver(page_published)
@receiver(page_unpublished)
def purge_company_pages(sender, instance, **kwargs):
    """A project space published or unpublished may add or take away a public project on
    its member companies' public pages (home's member directory, every language), which
    the front cache keeps: purge them. (A member joining or leaving a project changes them
    too; that shows within HTTP_CACHE["S_MAXAGE"].)"""
    from home.models import MemberDirectoryPage
    from intranet.models import ProjectSpacePage

    if not isinstance(instance, ProjectSpacePage) or not cache_purge.enabled():
        return
    batch = PurgeBatch()
    for directory in MemberDirectoryPage.objects.live():
        url = directory.get_full_url()
        if url:
            batch.add_url(url + cache_purge.EVERYTHING_BELOW)
    cache_purge.purge_on_commit(batch)


@receiver(post_delete, sender="intranet.DocumentVersion")
def delete_version_file(sender, instance, **kwargs):
    """An erased or deleted version takes its file along, unless it is still the
    document's current file (Wagtail deletes that one with the document)."""
    from wagtail.documents import get_document_model

    name = instance.file.name
    if name and not get_document_model().objects.filter(file=name).exists():
        transaction.on_commit(lambda: instance.file.storage.delete(name))


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("Login locked for %r from %s after repeated failures", username, ip_address)
