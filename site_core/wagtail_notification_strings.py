# ruff: noqa: E501 (each message is one literal, as makemessages must find it)
"""Wagtail's workflow and comment e-mails in Norwegian.

Wagtail mails each recipient in their admin language, but its bokmål catalogue
(wagtail 8.0) has no text for the workflow notifications: a Norwegian communications lead
would be told in English that a page awaits approval. These are those messages, exactly as
Wagtail's notification templates (wagtailadmin/notifications/*) ask for them, so that
`make messages` keeps them in locale/nb and locale/en, whose translations Django prefers to
an app's own (LOCALE_PATHS come first). Nothing imports this module; it exists to be read
by makemessages. tests/site_core/test_approval_workflow.py checks that the mails come out
in Norwegian.
"""

from django.utils.translation import gettext_noop as _

WAGTAIL_NOTIFICATION_MESSAGES = (
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s".'
    ),
    _("You can preview the %(model_name)s here:"),
    _('The page "%(title)s" has been submitted for approval to moderation stage "%(task)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval to moderation stage "%(task)s".'
    ),
    _('The page "%(title)s" has been submitted for approval in moderation stage "%(task)s"'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for approval in moderation stage "%(task)s"'
    ),
    _('%(editor)s has updated comments on "%(title)s".'),
    _("New comments"),
    _("Resolved comments"),
    _("Deleted comments"),
    _("New replies"),
    _("New replies to:"),
    _("New comments:"),
    _("Resolved comments:"),
    _("Deleted comments:"),
    _("New replies:"),
    _('%(editor)s has updated comments on "%(title)s"'),
    _('The page "%(title)s" has been approved in workflow "%(workflow)s".'),
    _('The %(model_name)s "%(title)s" has been approved in workflow "%(workflow)s".'),
    _(
        'The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    _('The page "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'),
    _('The following comment was left: "%(comment)s"'),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s" by %(rejector)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been rejected during "%(task)s" in workflow "%(workflow)s".'
    ),
    _(
        'The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    _('The page "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s" by %(requester)s.'
    ),
    _(
        'The %(model_name)s "%(title)s" has been submitted for moderation to workflow "%(workflow)s".'
    ),
    _('The page "%(title)s" has been submitted to workflow "%(workflow)s"'),
    _('The %(model_name)s "%(title)s" has been submitted to workflow "%(workflow)s"'),
)
