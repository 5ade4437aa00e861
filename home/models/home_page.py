from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import KeyFigureBlock
from site_core.head import document_title
from site_core.privacy import exclude_restricted

from .events import EventIndexPage, EventPage
from .goals import Goal, GoalsPage
from .labels import LabelPage
from .members import MemberCompany
from .membership import MembershipPage
from .news import NewsIndexPage, NewsPage
from .partners import Partner
from .public_page import PublicPage

LATEST_NEWS = 3
UPCOMING_EVENTS = 3


class HomePage(PublicPage):
    """The front page of one language's site: the root of that locale's page tree.

    Besides its own hero and call to action it gathers the goals, the latest
    news, the upcoming events and the labels from the sections below it.
    """

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
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_cta_label = models.CharField(
        _("primary button label"),
        max_length=60,
        blank=True,
        help_text=_(
            "The hero's main button, leading to the membership page, e.g. “Become a member”. "
            "Empty: the membership page's title."
        ),
    )
    hero_secondary_label = models.CharField(
        _("secondary button label"),
        max_length=60,
        blank=True,
        help_text=_("A second, quieter link in the hero, e.g. “About the cluster”."),
    )
    hero_secondary_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("secondary button page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where the secondary link leads; without a page it is not shown."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        max_num=4,
        help_text=_("Up to four numbers that tell the cluster's story, shown under the hero."),
    )
    cta_heading = models.CharField(
        _("membership heading"),
        max_length=120,
        blank=True,
        help_text=_("Heading of the call to action that leads to the membership page."),
    )
    cta_text = models.TextField(_("membership text"), blank=True, max_length=500)
    cta_button = models.CharField(_("membership button label"), max_length=60, blank=True)

    content_panels = PublicPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("hero_heading"),
                FieldPanel("hero_intro"),
                FieldPanel("hero_image"),
                FieldPanel("hero_cta_label"),
                FieldPanel("hero_secondary_label"),
                FieldPanel("hero_secondary_page"),
            ],
            heading=_("Hero"),
        ),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [FieldPanel("cta_heading"), FieldPanel("cta_text"), FieldPanel("cta_button")],
            heading=_("Call to action: become a member"),
        ),
    ]

    override_translatable_fields = [SynchronizedField("hero_secondary_page")]

    search_fields = PublicPage.search_fields + [
        index.SearchField("hero_heading"),
        index.SearchField("hero_intro"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "home.GoalsPage",
        "home.LabelIndexPage",
        "home.ProgrammeIndexPage",
        "home.NewsIndexPage",
        "home.EventIndexPage",
        "home.MemberDirectoryPage",
        "home.MembershipPage",
        "home.ContactPage",
        # The member intranet's dashboard (named, not imported: that app sits above this).
        "intranet.IntranetHomePage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @property
    def meta_description(self):
        return self.search_description or self.hero_intro or self.intro

    @property
    def social_image(self):
        return self.hero_image

    def get_document_title(self):
        """The brand and the tagline: the promote tab's title tag, else the hero heading.

        The page's own title is usually the brand itself, so "<title> – <brand>" would
        name it twice.
        """
        return document_title(self.seo_title or self.hero_heading, brand_first=True)

    def get_listings(self, request):
        # The sections are linked, not rendered: plain Page rows are enough for title and URL.
        section_types = ContentType.objects.get_for_models(
            GoalsPage, NewsIndexPage, EventIndexPage, MembershipPage
        )
        sections = {
            page.content_type_id: page
            for page in exclude_restricted(self.get_children().live()).filter(
                content_type__in=section_types.values()
            )
        }
        goals_page, news_index, events_index, membership_page = (
            sections.get(section_types[model].pk)
            for model in (GoalsPage, NewsIndexPage, EventIndexPage, MembershipPage)
        )
        latest_news = list(
            NewsPage.objects.live_public()
            .descendant_of(self)
            .order_by("-date", "-pk")
            .select_related("main_image")[:LATEST_NEWS]
        )
        labels = list(
            LabelPage.objects.live_public()
            .descendant_of(self)
            .order_by("-awarded_on")
            .select_related("badge")
        )
        return dict(
            goals_page=goals_page,
            goals=Goal.objects.filter(page_id=goals_page.pk) if goals_page else [],
            news_index=news_index,
            latest_news=latest_news,
            events_index=events_index,
            upcoming_events=EventPage.objects.live_public()
            .descendant_of(self)
            .filter(end__gte=timezone.now())
            .order_by("start")[:UPCOMING_EVENTS],
            labels=labels,
            membership_page=membership_page,
            secondary_page=self.localized_secondary_page(),
            member_logos=list(
                MemberCompany.objects.filter(
                    locale_id=self.locale_id, live=True, logo__isnull=False
                ).select_related("logo")
            ),
            partners=list(Partner.live_in(self.locale_id)),
        )

    def localized_secondary_page(self):
        """The secondary button's page in this page's language (the choice is synchronised
        to translations, so it may name the source language's page); None unless live and
        public."""
        page = self.hero_secondary_page
        if page is None:
            return None
        return (
            exclude_restricted(Page.objects.live().filter(translation_key=page.translation_key))
            .filter(locale_id=self.locale_id)
            .first()
        )

    def listing_images(self, context):
        return (
            [item.main_image for item in context["latest_news"]]
            + [label.badge for label in context["labels"]]
            + [company.logo for company in context["member_logos"]]
            + [partner.logo for partner in context["partners"]]
        )
