"""Models every area shares: the document model (files in private storage), the
schedule's state and each page's stored search vector."""

import posixpath

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument

from site_core.storages import private_storage
from site_core.text import ascii_filename

DOCUMENT_FOLDER = "documents"


def document_upload_to(instance, filename):
    """``documents/<transliterated name>`` in the private storage (see site_core.text)."""
    return posixpath.join(DOCUMENT_FOLDER, ascii_filename(filename, fallback="document"))


class PrivateDocument(AbstractDocument):
    """A Wagtail document (in any collection, public or not) whose file sits in the
    private storage (``STORAGES["private"]``).

    The file has no URL (site_core.storages.NoURLMixin): every download goes through
    Wagtail's document view, where the collection's privacy is checked, whatever
    collection the document is in. The project's ``WAGTAILDOCS_DOCUMENT_MODEL``.
    """

    file = models.FileField(
        upload_to=document_upload_to, storage=private_storage, verbose_name=_("file")
    )

    admin_form_fields = WagtailDocument.admin_form_fields

    class Meta(AbstractDocument.Meta):
        permissions = [("choose_document", "Can choose document")]


class ScheduleState(models.Model):
    """How far one schedule of settings.SCHEDULE has been enqueued (site_core.scheduler).

    One row per schedule. A worker enqueues a due run only if it moves `last_due_at`
    forward itself, in the same transaction as the job, so each due run is enqueued once
    however many workers tick at the same moment.
    """

    name = models.CharField(max_length=100, primary_key=True)
    last_due_at = models.DateTimeField()

    def __str__(self):
        return f"{self.name}: {self.last_due_at:%Y-%m-%d %H:%M %Z}"


class PageSearchVector(models.Model):
    """A page's indexed text as one PostgreSQL ``tsvector``, stemmed in the page's own
    language: title weighted A, the rest B. What the public search matches and ranks.

    One row per page that Wagtail indexes, written (site_core.search_index) by the search
    backend whenever Wagtail writes the page's index entry, deleted with the page. The GIN
    index makes a match cost a look-up instead of a pass over every page. Empty on SQLite,
    where the search is Wagtail's; the index exists on PostgreSQL only (migration 0005).
    """

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_vector",
    )
    vector = SearchVectorField()

    class Meta:
        indexes = [GinIndex(fields=["vector"], name="site_core_page_vector_gin")]

    def __str__(self):
        return f"search vector of page {self.page_id}"


class PersonalDataErasure(models.Model):
    """A record that personal data was deleted, holding no personal data of the person:
    how many records of each kind (site_core.personal_data), why, when and by whom.
    Never the e-mail address, nor a hash of it (a hash of an address is easily reversed
    by trying addresses)."""

    class Reason(models.TextChoices):
        REQUEST = "request", _("Erased on request")
        RETENTION = "retention", _("Retention period ended")

    erased_at = models.DateTimeField(_("erased at"), auto_now_add=True)
    reason = models.CharField(_("reason"), max_length=10, choices=Reason.choices)
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("erased by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    counts = models.JSONField(_("records erased"), default=dict)

    class Meta:
        verbose_name = _("personal data erasure")
        verbose_name_plural = _("personal data erasures")
        ordering = ["-erased_at"]
        permissions = [
            ("manage_personal_data", "Can find, export and erase personal data"),
        ]

    def __str__(self):
        return f"{self.get_reason_display()} {self.erased_at:%Y-%m-%d %H:%M}"
