from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from .public_page import PublicPage, body_field


class ProgrammeLevel(models.TextChoices):
    ARENA = "arena", _("Arena")
    NCE = "nce", _("NCE – Norwegian Centre of Expertise")
    GCE = "gce", _("GCE – Global Centre of Expertise")
    OTHER = "other", _("Other")


class ProgrammeIndexPage(PublicPage):
    """Lists the programmes the cluster takes part in."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ProgrammePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("programme index page")
        verbose_name_plural = _("programme index pages")

    def get_listings(self, request):
        programmes = ProgrammePage.objects.live_public().child_of(self)
        return {"programmes": programmes.order_by("-period_start", "title")}


class ProgrammePage(PublicPage):
    """A funding or development programme the cluster is part of."""

    funder = models.CharField(
        _("funder"), max_length=200, help_text=_("Who runs and funds the programme.")
    )
    level = models.CharField(
        _("level"), max_length=10, choices=ProgrammeLevel.choices, default=ProgrammeLevel.ARENA
    )
    period_start = models.PositiveSmallIntegerField(
        _("from year"), help_text=_("The year the cluster joined the programme.")
    )
    period_end = models.PositiveSmallIntegerField(
        _("to year"), null=True, blank=True, help_text=_("Leave empty while it is ongoing.")
    )
    financial_support = models.BooleanField(
        _("financial support"), default=False, help_text=_("The programme gives funding.")
    )
    professional_support = models.BooleanField(
        _("professional support"),
        default=False,
        help_text=_("The programme gives advice, training or networks."),
    )
    support_description = models.TextField(_("the support in short"), blank=True, max_length=1000)
    external_url = models.URLField(
        _("external link"), blank=True, help_text=_("The programme's own website.")
    )
    body = body_field()

    content_panels = PublicPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("funder"),
                FieldPanel("level"),
                FieldRowPanel([FieldPanel("period_start"), FieldPanel("period_end")]),
                FieldRowPanel(
                    [FieldPanel("financial_support"), FieldPanel("professional_support")]
                ),
                FieldPanel("support_description"),
                FieldPanel("external_url"),
            ],
            heading=_("The programme"),
        ),
        FieldPanel("body"),
    ]

    search_fields = PublicPage.search_fields + [
        index.SearchField("funder"),
        index.SearchField("support_description"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def clean(self):
        super().clean()
        if self.period_end and self.period_start and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The period cannot end before it starts.")})

    @property
    def period(self):
        return f"{self.period_start}–{self.period_end or ''}"
