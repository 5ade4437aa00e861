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
        if request.user.is_authenticated:
            # One INSERT, ignored when the mark exists (a second read changes nothing).
            NewsReadMark.objects.bulk_create(
                [NewsReadMark(user=request.user, translation_key=self.translation_key)],
                ignore_conflicts=True,
            )
        # An attachment from a project the reader is not in stays invisible.
        attachments = privacy.visible_documents(request.user).filter(
            member_news_attachments__page=self
        )
        return {"attachments": attachments.order_by("member_news_attachments__sort_order")}


class NewsReadMark(models.Model):
    """A member has opened a member news item (in either language: the key is the news
    page's translation_key); the dashboard lists the news without one as unread."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="news_read_marks",
    )
    translation_key = models.UUIDField(_("news item"))
    read_at = models.DateTimeField(_("read at"), auto_now_add=True)

    class Meta:
        verbose_name = _("news read mark")
        verbose_name_plural = _("news read marks")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "translation_key"], name="unique_news_read_mark_per_user"
            )
        ]

    def __str__(self):
        return str(self.translation_key)


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
