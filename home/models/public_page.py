from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import prefetch_renditions


class PageMetaMixin:
    """Search and social-media metadata: the promote tab's description, else the intro."""

    @property
    def meta_description(self):
        return self.search_description or self.intro

    @property
    def social_image(self):
        """The image shared on social media; page types with a main image override this."""
        return None

    def get_listings(self, request):
        """Extra context gathered from other pages; overridden by pages that show some."""
        return {}

    def listing_images(self, context):
        """Images that `get_listings` put on the page, for the shared renditions query."""
        return []

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self.get_listings(request))
        # One query for every rendition the page shows: srcset, og:image and listings.
        prefetch_renditions([self.social_image, *self.listing_images(context)])
        return context


class PublicPage(PageMetaMixin, Page):
    """What every public content page shares: an introduction and social-media metadata.

    The introduction doubles as the meta description when the editor leaves
    the promote tab's search description empty.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=500,
        help_text=_("A sentence or two shown under the title, in listings and in search results."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    class Meta:
        abstract = True


def body_field(**kwargs):
    """The StreamField every content page uses for its body."""
    return StreamField(BodyBlock(), verbose_name=_("body"), blank=True, **kwargs)
