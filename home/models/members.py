from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.sectors import Sector
from site_core.snippet_drafts import PublishableSnippet

from .public_page import PublicPage


class MemberCompany(index.Indexed, PublishableSnippet):
    """A member company of the cluster, shown in the public directory once published.

    Translatable: the description is translated per locale through
    wagtail-localize; name, logo, website, sector and year stay the same in
    every language. Intranet users belong to one of these. A draft (a new translation
    included) is not listed (site_core.snippet_drafts).
    """

    name = models.CharField(_("name"), max_length=200)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(
        _("short description"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences about what the company makes."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"), null=True, blank=True, help_text=_("The year the company joined.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("sector"),
        FieldPanel("description"),
        FieldPanel("member_since"),
    ]
    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("sector"),
        SynchronizedField("member_since"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member company")
        verbose_name_plural = _("member companies")
        ordering = ["name"]

    def __str__(self):
        return self.name


class MemberDirectoryPage(PublicPage):
    """The published member companies of this language, alphabetical, filterable by sector."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("member directory page")
        verbose_name_plural = _("member directory pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = (
            MemberCompany.objects.filter(locale_id=self.locale_id, live=True)
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by(Lower("name"))
        )
        sector = request.GET.get("sector", "")
        if sector in Sector.values:
            members = members.filter(sector=sector)
        else:
            sector = ""
        context.update(members=members, sectors=Sector.choices, active_sector=sector)
        return context
