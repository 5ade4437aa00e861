import datetime

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from intranet import access

from .base import IntranetPage

NEWS_PER_PAGE = 10


class MemberNewsIndexPage(IntranetPage):
    """The list of member news, newest first, paginated."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Shown above the list of news items.")
    )

    content_panels = IntranetPage.content_panels + [FieldPanel("intro")]
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = ["intranet.MemberNewsPage"]

    class Meta:
        verbose_name = _("member news index")
        verbose_name_plural = _("member news indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        news = MemberNewsPage.objects.live().child_of(self).order_by("-date", "-pk")
        paginator = Paginator(access.visible_pages(request.user, news), NEWS_PER_PAGE)
        context["news_items"] = paginator.get_page(request.GET.get("page"))
        return context


class MemberNewsPage(IntranetPage):
    """A news item for members only: date, intro, body and attached documents."""

    date = models.DateField(
        _("date"), default=datetime.date.today, help_text=_("The date the news is from.")
    )
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
    search_fields = IntranetPage.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]
    parent_page_types = ["intranet.MemberNewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("member news item")
        verbose_name_plural = _("member news items")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # An attachment from a project the reader is not in stays invisible.
        context["attachments"] = (
            access.visible_documents(request.user)
            .filter(member_news_attachments__page=self)
            .order_by("member_news_attachments__sort_order")
        )
        return context


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
