from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin

from .public_page import PublicPage, body_field


class GoalsPage(PublicPage):
    """The cluster's strategic goals as an ordered, numbered list."""

    body = body_field(help_text=_("Optional text after the list of goals."))

    content_panels = PublicPage.content_panels + [
        InlinePanel("goals", label=_("goals"), min_num=1),
        FieldPanel("body"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("strategic goals page")
        verbose_name_plural = _("strategic goals pages")


class Goal(TranslatableMixin, Orderable):
    """One strategic goal; its position in the list is its number.

    Translatable so that each language's page holds its own wording of the same goal.
    """

    page = ParentalKey(GoalsPage, on_delete=models.CASCADE, related_name="goals")
    title = models.CharField(
        _("title"), max_length=160, help_text=_("The goal in a few words, shown in summaries.")
    )
    text = models.TextField(_("text"), max_length=1000, help_text=_("The goal in full."))

    panels = [FieldPanel("title"), FieldPanel("text")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
