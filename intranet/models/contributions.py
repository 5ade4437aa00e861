"""What members add to project spaces themselves: requests to join a project, posts, and
the versions of the documents they upload.

Each row is keyed on the project's group, not on a page: a project space has one page per
language, and a request, post or document belongs to the project in both.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from intranet import access
from site_core.models import document_upload_to
from site_core.storages import private_storage

JOIN_MESSAGE_MAX_LENGTH = 500
POST_BODY_MAX_LENGTH = 5000
VERSION_NOTE_MAX_LENGTH = 300


class JoinRequest(models.Model):
    """A member's request to join a project: decided once, by the project's leads or staff.

    At most one pending request per member and project (a database constraint), so a form
    sent twice makes one row.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("project group"),
        on_delete=models.CASCADE,
        related_name="join_requests",
    )
    message = models.TextField(_("message"), max_length=JOIN_MESSAGE_MAX_LENGTH, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=models.Q(status="pending"),
                name="one_pending_join_request_per_member_and_project",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.group}"

    def member_name(self):
        """The member's full name, or their e-mail address when they have none."""
        return self.user.get_full_name() or self.user.email

    member_name.short_description = _("member")

    @property
    def project_name(self):
        """The project's name: its group's name without "Project: "."""
        return self.group.name.removeprefix(access.PROJECT_GROUP_PREFIX)


class ProjectPost(models.Model):
    """An update a project member wrote in the intranet (not translated: shown in both
    languages, marked with the language it was written in).

    The editors' updates (ProjectUpdate, inline on the page) are translated and go
    through the approval workflow; these are the members' own and appear at once.
    """

    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("project group"),
        on_delete=models.CASCADE,
        related_name="project_posts",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="project_posts",
    )
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("text"), max_length=POST_BODY_MAX_LENGTH)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    created_at = models.DateTimeField(_("posted"), auto_now_add=True)

    class Meta:
        verbose_name = _("project post")
        verbose_name_plural = _("project posts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return self.title


class DocumentVersion(models.Model):
    """One uploaded version of a document: its own file (kept when a newer one arrives),
    who uploaded it, when, and a note. The document itself holds the newest file."""

    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveIntegerField(_("version"))
    file = models.FileField(_("file"), upload_to=document_upload_to, storage=private_storage)
    file_size = models.PositiveBigIntegerField(_("size in bytes"))
    note = models.CharField(_("note"), max_length=VERSION_NOTE_MAX_LENGTH, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="document_versions",
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    class Meta:
        verbose_name = _("document version")
        verbose_name_plural = _("document versions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="one_version_number")
        ]

    def __str__(self):
        return f"{self.document} v{self.number}"
