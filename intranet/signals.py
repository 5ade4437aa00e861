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
from wagtail.signals import page_published

from intranet import access

logger = logging.getLogger("intranet")


@receiver(page_published)
def enforce_intranet_privacy(sender, instance, **kwargs):
    from intranet.models import IntranetHomePage, ProjectSpacePage

    if isinstance(instance, IntranetHomePage | ProjectSpacePage):
        access.ensure_group_restriction(instance, instance.required_groups())
    if isinstance(instance, ProjectSpacePage):
        access.ensure_group_restriction(instance.collection, instance.required_groups())


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
