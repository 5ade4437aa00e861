from urllib.parse import quote, urlencode

from django.db import models
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.feeds import NewsFeed
from site_core.pages import paginate
from site_core.snippet_drafts import PublishableSnippet

from .contacts import ContactPersonMixin
from .public_page import PublicPage, body_field

# How many related articles an article shows.
RELATED_COUNT = 3


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


class NewsPage(ContactPersonMixin, PublicPage):
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
    main_image_decorative = models.BooleanField(
        _("the main image is decorative"),
        default=False,
        help_text=_(
            "Tick only when the image adds nothing to the text: it is then hidden from screen "
            "readers. Otherwise the image's description in the image library is its "
            "alternative text."
        ),
    )
    main_image_caption = models.CharField(
        _("caption"),
        max_length=250,
        blank=True,
        help_text=_("Shown under the main image."),
    )
    main_image_credit = models.CharField(
        _("photo credit"),
        max_length=120,
        blank=True,
        help_text=_("The photographer or source, shown as “Photo: …”."),
    )
    body = body_field()

    content_panels = PublicPage.content_panels + [
        FieldPanel("date"),
        MultiFieldPanel(
            [
                FieldPanel("main_image"),
                FieldPanel("main_image_decorative"),
                FieldPanel("main_image_caption"),
                FieldPanel("main_image_credit"),
            ],
            heading=_("Main image"),
        ),
        FieldPanel("body"),
        InlinePanel("tag_links", label=_("tags")),
        *ContactPersonMixin.contact_panels,
    ]
    override_translatable_fields = [
        SynchronizedField("main_image_credit"),
        SynchronizedField("contact"),
    ]
    # The page form asks for a description of a meaningful image (site_core.page_forms).
    meaningful_images = {"main_image": "main_image_decorative"}
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

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            related=self.related_articles(),
            contact=self.contact_person(),
            share_links=self.share_links(request),
            page_url=self.get_full_url(request),
        )
        return context

    def related_articles(self, count=RELATED_COUNT):
        """Up to `count` other live, public news items of this page's language: those
        sharing a tag with it first (most shared tags, then newest), then the latest, so
        that the list is never empty while there is other news. Never this page."""
        candidates = (
            NewsPage.objects.live_public()
            .filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .select_related("main_image")
            .prefetch_related("main_image__renditions")
        )
        tag_ids = [tag.pk for tag in self.tags]
        related = list(
            candidates.filter(tag_links__tag__in=tag_ids)
            .annotate(shared=models.Count("tag_links"))
            .order_by("-shared", "-date", "-pk")[:count]
        )
        if len(related) < count:
            chosen = [page.pk for page in related]
            related += list(
                candidates.exclude(pk__in=chosen).order_by("-date", "-pk")[: count - len(related)]
            )
        return related

    def share_links(self, request):
        """[(label, URL), ...] to share this item without a third-party script: LinkedIn's
        and Facebook's share addresses and an e-mail (RFC 6068 mailto), the page's URL and
        title percent-encoded."""
        url = self.get_full_url(request)
        return [
            (
                "LinkedIn",
                "https://www.linkedin.com/sharing/share-offsite/?" + urlencode({"url": url}),
            ),
            ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
            (
                _("E-mail"),
                "mailto:?" + urlencode({"subject": self.title, "body": url}, quote_via=quote),
            ),
        ]

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
