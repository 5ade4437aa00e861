"""The language of Wagtail's notification e-mails to a recipient who chose no admin language.

Wagtail writes each notification (a page submitted to the workflow, approved, sent back with
changes requested; new comments on a page) in the recipient's admin language,
`UserProfile.get_preferred_language()`. For a recipient without a preference that method
answers the language active at the time, the one of whoever caused the mail: an editor
whose admin is in English submits, and a Norwegian lead who never chose a language is told
in English. Here that fallback is the site's language (settings.LANGUAGE_CODE, nb) whoever
sends: the mails are written with it active, and Wagtail's own per-recipient
`translation.override(preferred language)` inside still gives a recipient who chose English
English.

Wagtail has no setting for this, so each of its two senders is extended where it documents:
- the workflow notifications are `Notifier` callables connected to its workflow signals
  (https://docs.wagtail.org/en/stable/extending/custom_tasks.html#adding-notifications);
  `connect()` puts subclasses of them in the places of Wagtail's own;
- the comment notifications are sent by the page edit view, `EditView` below, which our
  page viewset (site_core.page_views) names as its `edit_view_class`.

Every other e-mail of ours has a language of its own (the member's MemberProfile for the
digest, the one chosen for an invitation, the requester's for a password reset, the site's
and the page's for a membership application).
"""

from django.conf import settings
from django.utils import translation
from wagtail.admin import mail
from wagtail.admin.views.pages.edit import EditView as WagtailEditView
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import (
    task_submitted,
    workflow_approved,
    workflow_rejected,
    workflow_submitted,
)


class SiteLanguageFallback:
    """Mixin for Wagtail's e-mail notifiers (`wagtail.admin.mail.EmailNotificationMixin`):
    the e-mails are written with the site's language active, so that a recipient without an
    admin language gets it rather than the sender's."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().send_emails(template_set, context, recipients, **kwargs)


class TaskSubmissionNotifier(
    SiteLanguageFallback, mail.GroupApprovalTaskStateSubmissionEmailNotifier
):
    """To the approvers of a group approval task (the Communications lead): a page awaits."""


class WorkflowSubmissionNotifier(SiteLanguageFallback, mail.WorkflowStateSubmissionEmailNotifier):
    """To the superusers (Wagtail's default): a page was submitted to a workflow."""


class WorkflowApprovalNotifier(SiteLanguageFallback, mail.WorkflowStateApprovalEmailNotifier):
    """To whoever submitted: the page was approved."""


class WorkflowRejectionNotifier(SiteLanguageFallback, mail.WorkflowStateRejectionEmailNotifier):
    """To whoever submitted: changes were requested."""


# (signal, sender, dispatch_uid, notifier): the places where wagtail.admin.signal_handlers
# connects its notifiers, and ours for each.
NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
)


def connect():
    """Connect our notifiers in the places of Wagtail's (the same signal, sender and
    dispatch_uid), whichever app is ready first: Wagtail's are taken off if they are there,
    and if Wagtail connects later, Django keeps the receiver already connected under that
    dispatch_uid and ignores Wagtail's. Each notification is sent once."""
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)


class EditView(WagtailEditView):
    """Wagtail's page edit view, whose comment notifications are written with the site's
    language active (as the workflow notifications above)."""

    def send_commenting_notifications(self, changes):
        with translation.override(settings.LANGUAGE_CODE):
            return super().send_commenting_notifications(changes)
