from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from home.feeds import NewsFeed
from site_core.pages import paginate
from site_core.snippet_drafts import PublishableSnippet

from .public_page import PublicPage, body_field


class NewsTag(PublishableSnippet):
    """A topic for news items, translated per language so filters read naturally in both.

    Shown (in the news filters, on news items and in the feed) once published: a draft, a
    new translation included, shows nowhere (site_core.snippet_drafts).
    """

    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(
        _("slug"), max_length=60, allow_unicode=True, help_text=_("Used in filter addresses.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news tag")
        verbose_name_plural = _("news tags")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_news_tag_slug")
        ]

    def __str__(self):
        return self.name


class NewsIndexPage(RoutablePageMixin, PublicPage):
    """The news archive: newest first, ten per page, filterable by tag, with an RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news index page")
        verbose_name_plural = _("news index pages")

    def news_items(self, with_tags=False):
        """Live, public news in this index, newest first, with what a listing shows
        (and each item's tags, for the feed)."""
        items = (
            NewsPage.objects.live_public()
            .child_of(self)
            .order_by("-date", "-pk")
            .select_related("main_image")
            .prefetch_related("main_image__renditions")
        )
        return NewsPage.prefetch_tags(items) if with_tags else items

    def get_listings(self, request):
        items = self.news_items()
        tags = NewsTag.objects.filter(locale_id=self.locale_id, live=True)
        tag_slug = request.GET.get("tag", "")[:60]
        active_tag = next((tag for tag in tags if tag.slug == tag_slug), None)
        if active_tag is not None:
            items = items.filter(pk__in=NewsPageTag.objects.filter(tag=active_tag).values("page"))
        return {
            "news": paginate(request, items),
            "tags": tags,
            "active_tag": active_tag,
            "unknown_tag": bool(tag_slug) and active_tag is None,
        }

    def get_cached_paths(self):
        # The front cache purges the feed with the listing (site_core.cache_purge).
        return ["/", "rss/"]

    @path("rss/", name="rss")
    def rss(self, request):
        return NewsFeed(self)(request)


class NewsPage(PublicPage):
    """One news item."""

    og_type = "article"

    date = models.DateField(_("date"), default=timezone.localdate)
    main_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = body_field()

    content_panels = PublicPage.content_panels + [
        FieldPanel("date"),
        FieldPanel("main_image"),
        FieldPanel("body"),
        InlinePanel("tag_links", label=_("tags")),
    ]
    search_fields = PublicPage.search_fields + [
        index.SearchField("body"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news page")
        verbose_name_plural = _("news pages")

    @property
    def social_image(self):
        return self.main_image

    @cached_property
    def tags(self):
        """The published tags, in one query (or from the listing's prefetch): a tag whose
        translation is still a draft is left out until it is published."""
        if "tag_links" in getattr(self, "_prefetched_objects_cache", {}):
            links = self.tag_links.all()
        else:
            links = self.tag_links.select_related("tag")
        return [link.tag for link in links if link.tag.live]

    @staticmethod
    def prefetch_tags(pages):
        return pages.prefetch_related(
            Prefetch("tag_links", queryset=NewsPageTag.objects.select_related("tag"))
        )


class NewsPageTag(TranslatableMixin, Orderable):
    """Links a news item to a tag; translated with the page, so it points to its language's tag."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="tag_links")
    tag = models.ForeignKey(
        NewsTag, verbose_name=_("tag"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("tag")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("tag")
        verbose_name_plural = _("tags")
