"""The approval workflow's name in each reader's language.

The workflow and its one task are database rows named APPROVAL_WORKFLOW (migration site_core
0008, which home 0006 finds it by), and Wagtail prints `workflow.name` and `task.name` as
they are: in "Send inn til …" (the action menu), the status line, the workflow history, the
dashboard and the notification e-mails. Norwegian editors and the lead met the English name
there. Renaming the rows would hand the English-admin users the Norwegian name instead (and
break the look-ups by name); so the rows keep the English name, and each instance loaded
gets it as a TranslatedName (`connect`): a string equal to the stored name for code (look-ups,
comparisons, JSON, the database) that reads as its translation in the language active
where it is printed (a template, `%` formatting, `str()`): the reader's admin language, or
for an e-mail the recipient's (site_core.notification_language). Saving a row stores the
name, also when a superuser saves the workflow's form with the name as shown there in any
language. A name typed anew in Settings → Workflows is shown as typed.
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _
from wagtail.models import Task, Workflow
from wagtail.workflows import get_task_types

from site_core.editorial import APPROVAL_WORKFLOW

# The stored names this project gives its workflow and task, marked for translation.
NAMES = {APPROVAL_WORKFLOW: _("Communications lead approval")}


class TranslatedName(str):
    """A stored name (its value, for equality, hashing and storage) whose `str()` is its
    translation in the active language (gettext, our catalogues)."""

    def __str__(self):
        return gettext(NAMES[str.__str__(self)])

    @property
    def stored(self):
        """The name as stored, a plain str."""
        return str.__str__(self)


def translate_name(instance, **kwargs):
    """post_init: a known stored name becomes a TranslatedName (a deferred name is left
    unloaded)."""
    name = instance.__dict__.get("name")
    if isinstance(name, str) and not isinstance(name, TranslatedName) and name in NAMES:
        instance.name = TranslatedName(name)


def store_name(instance, **kwargs):
    """pre_save: a known name, as loaded or as shown in any language, is saved as stored."""
    name = instance.name
    if isinstance(name, TranslatedName):
        instance.name = name.stored
        return
    for stored, msgid in NAMES.items():
        for language, _label in settings.LANGUAGES:
            with translation.override(language):
                if name == gettext(msgid):
                    instance.name = stored
                    return


def models():
    """Workflow, Task and every task type (a specific task is an instance of its own
    class, which post_init names as the sender)."""
    return [Workflow, Task, *get_task_types()]


def connect():
    """Connect the handlers (idempotent: Django keeps one connection per dispatch_uid)."""
    for model in models():
        post_init.connect(translate_name, sender=model, dispatch_uid=f"workflow_name_{model}")
        pre_save.connect(store_name, sender=model, dispatch_uid=f"workflow_store_{model}")
