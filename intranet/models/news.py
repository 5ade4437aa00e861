import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from site_core import privacy
from site_core.page_mixins import IntroMixin
from site_core.pages import paginate

from .base import IntranetPage

NEWS_PER_PAGE = 10


class MemberNewsIndexPage(IntroMixin, IntranetPage):
    """The list of member news, newest first, paginated."""

    content_panels = IntranetPage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = ["intranet.MemberNewsPage"]

    class Meta:
        verbose_name = _("member news index")
        verbose_name_plural = _("member news indexes")

    def get_listings(self, request):
        news = MemberNewsPage.objects.live().child_of(self).visible_to(request.user)
        return {"news_items": paginate(request, news.order_by("-date", "-pk"), NEWS_PER_PAGE)}


class MemberNewsPage(IntroMixin, IntranetPage):
    """A news item for members only: date, intro, body and attached documents."""

    og_type = "article"

    date = models.DateField(
        _("date"), default=datetime.date.today, help_text=_("The date the news is from.")
    )
    # Required here, unlike other pages' introduction: lists and the digest show it.
    intro = models.TextField(
        _("introduction"), help_text=_("One or two sentences; shown in lists and the digest.")
    )
    body = RichTextField(_("body"), blank=True)

    content_panels = IntranetPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
    ]
    search_fields = (
        IntranetPage.search_fields
        + IntroMixin.intro_search_fields
        + [
            index.SearchField("body"),
        ]
    )
    parent_page_types = ["intranet.MemberNewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("member news item")
        verbose_name_plural = _("member news items")

    def get_listings(self, request):
        # An attachment from a project the reader is not in stays invisible.
        attachments = privacy.visible_documents(request.user).filter(
            member_news_attachments__page=self
        )
        return {"attachments": attachments.order_by("member_news_attachments__sort_order")}


class MemberNewsAttachment(Orderable):
    """A document attached to a member news item."""

    page = ParentalKey(MemberNewsPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="member_news_attachments",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
