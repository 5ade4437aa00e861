"""The comment field of Wagtail's workflow action dialog ("Request changes", "Approve with
comment") in each user's admin language.

Wagtail 8.0 labels `wagtail.forms.TaskStateCommentForm`'s field with an eager `gettext`,
run once when the module is imported: every user of a process then saw the label in
whatever language was active at that moment (Norwegian for an English lead, or the
reverse). `install()` gives the field the same text translated lazily, at each rendering,
in the language of the request.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.forms import TaskStateCommentForm


def install():
    """Label the comment field lazily (idempotent)."""
    TaskStateCommentForm.base_fields["comment"].label = _("Comment")
