"""Abstract mixins that own their fields and panels, composed by the page types.

A page type lists what it is made of (``class NewsPage(IntroMixin, ListingMixin, SitePage)``)
and adds the mixins' panels and search fields to its own, so a field is declared once.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from site_core.images import prefetch_renditions


class IntroMixin(models.Model):
    """An introduction: shown under the title, in listings and search results, and the
    meta description when the promote tab's search description is empty."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A sentence or two shown under the title, in listings and in search results."),
    )

    intro_panels = [FieldPanel("intro")]
    intro_search_fields = [index.SearchField("intro")]

    class Meta:
        abstract = True


class ListingMixin:
    """A page that shows other pages: `get_listings` puts them in the template context.

    The one way listings reach templates. The renditions of every image the page shows
    (its social image and those `listing_images` names) are loaded in one query.
    """

    def get_listings(self, request):
        """{context name: pages or values} gathered from other pages; {} by default."""
        return {}

    def listing_images(self, context):
        """The images `get_listings` put on the page (None allowed)."""
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listings(request))
        prefetch_renditions([self.social_image, *self.listing_images(context)])
        return context
