"""Partners and funders of the cluster: the home page's strip of logos."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_core.snippet_drafts import PublishableSnippet


class Partner(PublishableSnippet):
    """An organisation that works with or funds the cluster, shown with its logo.

    The name is translatable (public bodies have English names, e.g. “Research Council of
    Norway”); logo, link, kind and order are the same in every language. The logo's alt
    text is the name. Visitors see the live row only (site_core.snippet_drafts).
    """

    class Kind(models.TextChoices):
        PARTNER = "partner", pgettext_lazy("kind of partner", "Partner")
        FUNDER = "funder", pgettext_lazy("kind of partner", "Funder")

    name = models.CharField(_("name"), max_length=160)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Without a logo the name is shown as text."),
    )
    url = models.URLField(_("link"), blank=True, help_text=_("The organisation's website."))
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.PARTNER)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("logo"),
        FieldPanel("url"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("logo"),
        SynchronizedField("url"),
        SynchronizedField("kind"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("partner or funder")
        verbose_name_plural = _("partners and funders")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name

    @classmethod
    def live_in(cls, locale_id):
        """The published partners and funders of one locale, in the editors' order."""
        return cls.objects.filter(live=True, locale_id=locale_id).select_related("logo")
