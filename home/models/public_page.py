"""The base of every public content page, and the body field they share."""

from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField

from home.blocks import BodyBlock
from site_core.page_mixins import IntroMixin, ListingMixin
from site_core.pages import SitePage


class PublicPage(IntroMixin, ListingMixin, SitePage):
    """What every public content page shares: an introduction (also the fallback meta
    description), listings through `get_listings`, and the head metadata."""

    content_panels = SitePage.content_panels + IntroMixin.intro_panels
    search_fields = SitePage.search_fields + IntroMixin.intro_search_fields

    class Meta:
        abstract = True


def body_field(**kwargs):
    """The StreamField every content page uses for its body."""
    return StreamField(BodyBlock(), verbose_name=_("body"), blank=True, **kwargs)
