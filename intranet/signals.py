"""Keep intranet privacy in place whatever an editor does.

Every publish of an intranet home page or project space, in any language,
makes sure the page carries its group restriction; a project space also
restricts its document collection. Wagtail does not copy a restriction to a
translation whose parent is already restricted, so a translated project space
would otherwise be open to every member.
"""

import logging

from axes.signals import user_locked_out
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


@receiver(user_locked_out)
def log_lockout(sender, request, username, ip_address, **kwargs):
    logger.warning("Login locked for %r from %s after repeated failures", username, ip_address)
