from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page
from wagtail.search import index


class HomePage(Page):
    """The front page of one language's site: the root of that locale's page tree."""

    hero_heading = models.CharField(
        _("hero heading"),
        max_length=120,
        help_text=_("The large heading at the top of the home page."),
    )
    hero_intro = models.TextField(
        _("hero introduction"),
        blank=True,
        help_text=_("One or two sentences under the heading; also the fallback meta description."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("hero_heading"),
        FieldPanel("hero_intro"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
