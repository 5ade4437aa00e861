import datetime

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from intranet import access
from site_core import privacy

from .base import IntranetPage


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


class ProjectSpacePage(IntranetPage):
    """The working space of one project: description, people, updates and files.

    Only the project's group (and staff) may open it: the restriction on the
    page and on its document collection is enforced on every publish.
    """

    description = RichTextField(_("description"), help_text=_("What the project is about."))
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("project group"),
        on_delete=models.PROTECT,
        related_name="project_spaces",
        help_text=_('The group of the project\'s members, named "Project: <name>".'),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("document collection"),
        on_delete=models.PROTECT,
        related_name="project_spaces",
        help_text=_("The collection holding the project's documents, inside the members' one."),
    )

    content_panels = IntranetPage.content_panels + [
        FieldPanel("description"),
        FieldPanel("status"),
        FieldPanel("group"),
        FieldPanel("collection"),
        InlinePanel("updates", label=_("Updates")),
    ]
    search_fields = IntranetPage.search_fields + [
        index.SearchField("description"),
        index.RelatedFields("updates", [index.SearchField("title"), index.SearchField("body")]),
    ]
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project space")
        verbose_name_plural = _("project spaces")

    def required_groups(self):
        return access.project_groups(self.group)

    def members(self):
        """The active members of the project, with their companies."""
        return (
            get_user_model()
            .objects.filter(groups=self.group_id, is_active=True)
            .select_related("member_profile__company")
            .order_by("first_name", "last_name")
        )

    def get_listings(self, request):
        people = list(self.members())
        companies = (self._company(person) for person in people)
        return {
            "people": people,
            "companies": sorted({company.name for company in companies if company}),
            "updates": self.updates.order_by("-date", "sort_order"),
            "documents": privacy.visible_documents(request.user).filter(
                collection__path__startswith=self.collection.path
            ),
        }

    @staticmethod
    def _company(user):
        profile = getattr(user, "member_profile", None)
        return profile.company if profile else None


class ProjectUpdate(TranslatableMixin, Orderable):
    """A dated post inside a project space (translated with its page)."""

    page = ParentalKey(ProjectSpacePage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=datetime.date.today)
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("text"))
    # When the update first went live; the digest sends updates newer than the last digest.
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")

    def __str__(self):
        return self.title
