"""The forms members fill in on the projects page and in a project space: a request to
join, a post, and an upload (a new document or a new version of one)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from intranet import files
from intranet.models.contributions import (
    JOIN_MESSAGE_MAX_LENGTH,
    POST_BODY_MAX_LENGTH,
    VERSION_NOTE_MAX_LENGTH,
)


class JoinRequestForm(forms.Form):
    """A short message to the project's leads; `project` is the project space's page id."""

    project = forms.IntegerField(widget=forms.HiddenInput)
    message = forms.CharField(
        label=_("Message to the project's leads"),
        help_text=_("Why you want to join, in a few sentences (at most %(max)d characters)."),
        max_length=JOIN_MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Filled in here, in the language of the request (a lazy text formatted at import
        # would be fixed in the language active then).
        field = self.fields["message"]
        field.help_text = field.help_text % {"max": JOIN_MESSAGE_MAX_LENGTH}


class DecisionForm(forms.Form):
    """A lead's answer to a join request."""

    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("decline", _("Decline"))])


class PostForm(forms.Form):
    """An update a project member writes to the project's space."""

    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(
        label=_("Text"),
        max_length=POST_BODY_MAX_LENGTH,
        help_text=_("Plain text; a blank line starts a new paragraph."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )


class UploadForm(forms.Form):
    """A file for the project's collection: a new document, or a new version of one of
    `documents` (the project's documents, chosen in `replaces`)."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, office documents, text, CSV or images; the size limit is %(limit)s."),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=255,
        required=False,
        help_text=_("Leave empty to use the file's name."),
    )
    replaces = forms.ModelChoiceField(
        label=_("New version of"),
        queryset=None,
        required=False,
        empty_label=_("(a new document)"),
        help_text=_("The earlier versions stay in the document's history."),
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=VERSION_NOTE_MAX_LENGTH,
        required=False,
        help_text=_("What is new in this file, for the history."),
    )

    def __init__(self, *args, documents, limit_label, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["replaces"].queryset = documents
        self.fields["file"].help_text = self.fields["file"].help_text % {"limit": limit_label}
        self.fields["file"].widget.attrs["accept"] = ",".join(
            f".{extension}" for extension in files.ALLOWED_EXTENSIONS
        )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        files.validate_upload(uploaded)
        return uploaded
