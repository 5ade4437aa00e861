from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from .public_page import PublicPage, body_field


class StandardPage(PublicPage):
    """A general page (about us, contact, ...) with a free body of blocks."""

    body = body_field()

    content_panels = PublicPage.content_panels + [FieldPanel("body")]
    search_fields = PublicPage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
