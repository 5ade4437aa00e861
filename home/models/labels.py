from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.search import index

from .public_page import PublicPage, body_field


class LabelIndexPage(PublicPage):
    """Lists the recognitions and certifications the cluster holds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.LabelPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("label index page")
        verbose_name_plural = _("label index pages")

    def get_listings(self, request):
        return {
            "labels": LabelPage.objects.live_public()
            .child_of(self)
            .select_related("badge")
            .prefetch_related("badge__renditions")
            .order_by("-awarded_on")
        }


class LabelPage(PublicPage):
    """One label the cluster holds, such as the Bronze Label in Cluster Management Excellence."""

    label_name = models.CharField(
        _("label name"),
        max_length=160,
        help_text=_("E.g. “Cluster Management Excellence”."),
    )
    level = models.CharField(_("level"), max_length=60, blank=True, help_text=_("E.g. Bronze."))
    awarding_body = models.CharField(
        _("awarding body"),
        max_length=200,
        help_text=_(
            "Who awarded the label, e.g. ESCA (European Secretariat for Cluster Analysis)."
        ),
    )
    awarded_on = models.DateField(_("date awarded"))
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    assessment = models.TextField(
        _("what was assessed"),
        blank=True,
        help_text=_("The method and what it covers, e.g. 36 indicators in six areas."),
    )
    findings = RichTextField(
        _("findings"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    recommendations = RichTextField(
        _("recommendations"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    badge = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("badge"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The label's badge or certificate."),
    )
    body = body_field()

    content_panels = PublicPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("label_name"),
                FieldPanel("level"),
                FieldPanel("awarding_body"),
                FieldRowPanel([FieldPanel("awarded_on"), FieldPanel("valid_until")]),
                FieldPanel("badge"),
            ],
            heading=_("The label"),
        ),
        FieldPanel("assessment"),
        FieldPanel("findings"),
        FieldPanel("recommendations"),
        FieldPanel("body"),
    ]

    search_fields = PublicPage.search_fields + [
        index.SearchField("label_name"),
        index.SearchField("assessment"),
        index.SearchField("findings"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.LabelIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("label page")
        verbose_name_plural = _("label pages")

    def clean(self):
        super().clean()
        if self.valid_until and self.awarded_on and self.valid_until < self.awarded_on:
            raise ValidationError({"valid_until": _("A label cannot expire before it is awarded.")})

    @property
    def social_image(self):
        return self.badge
