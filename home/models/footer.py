from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

from home.validators import validate_organisation_number
from site_core.snippet_drafts import PublishableSnippet

FOOTER_CACHE_SECONDS = 60 * 60


def footer_cache_key(language_code):
    # "v2": the data has held the footer's own language since; older entries lack it.
    return f"site-footer:v2:{language_code}"


def clear_footer_cache(**kwargs):
    cache.delete_many([footer_cache_key(code) for code, _name in settings.LANGUAGES])


class FooterLinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("external address"), required=False)


class Footer(PublishableSnippet):
    """The site footer's contact details and links, one per language; also the
    organisation's facts (addresses, organisation number, social links, the privacy and
    accessibility statements) that the contact page and the membership page read.

    The base template shows it through site_core's ``{% site_footer %}``, which finds this
    model by ``settings.SITE_FOOTER_MODEL`` and renders it with `template`. Visitors see
    the published (live) footer only: a draft, a new translation included, shows nowhere
    until it is published (site_core.snippet_drafts).
    """

    template = "home/includes/footer_content.html"

    organisation = models.CharField(_("organisation"), max_length=120)
    address = models.TextField(_("postal address"), blank=True, max_length=300)
    visiting_address = models.TextField(
        _("visiting address"),
        blank=True,
        max_length=300,
        help_text=_("Where visitors find the office; the contact page links it to a map."),
    )
    organisation_number = models.CharField(
        _("organisation number"),
        max_length=20,
        blank=True,
        validators=[validate_organisation_number],
        help_text=_("Nine digits, as in the Brønnøysund Register Centre."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    # One field per network, in the order the footer lists them: LinkedIn first, where a
    # business cluster's audience is.
    linkedin_url = models.URLField(_("LinkedIn"), blank=True, help_text=_("The page's address."))
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Linked from every footer and beside the membership form's consent; each "
            "language links its own translation."
        ),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from every footer; each language links its own translation."),
    )
    about = models.TextField(
        _("about text"), blank=True, max_length=400, help_text=_("A sentence about the cluster.")
    )
    links = StreamField(
        [("link", FooterLinkBlock())], verbose_name=_("links"), blank=True, max_num=10
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("about"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("visiting_address"),
                FieldPanel("organisation_number"),
                FieldPanel("email"),
                FieldPanel("phone"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("linkedin_url"),
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Social media"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("accessibility_page")],
            heading=_("Statements"),
        ),
        FieldPanel("links"),
    ]

    override_translatable_fields = [
        SynchronizedField(name)
        for name in (
            "phone",
            "organisation_number",
            "linkedin_url",
            "facebook_url",
            "instagram_url",
            "youtube_url",
            "privacy_page",
            "accessibility_page",
        )
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer")
        verbose_name_plural = _("footers")

    def __str__(self):
        return f"{self.organisation} ({self.locale})"

    @classmethod
    def cached_for_active_language(cls):
        """The active language's footer as plain data, from the shared cache when possible.

        Every public page shows it; home.signals clears the entries when a
        footer is published, unpublished, saved live or deleted, or a page is published,
        unpublished, moved or deleted.
        """
        key = footer_cache_key(translation.get_language())
        data = cache.get(key)
        if data is None:
            footer = cls.for_active_language()
            data = footer.as_data() if footer else {}
            cache.set(key, data, FOOTER_CACHE_SECONDS)
        return data

    def as_data(self):
        """The footer as plain data for the cache; `language` is its locale's, which is
        the default language's when the active one has no live footer yet."""
        return {
            "language": self.locale.language_code,
            "organisation": self.organisation,
            "about": self.about,
            "address": self.address,
            "email": self.email,
            "phone": self.phone,
            "visiting_address": self.visiting_address,
            "organisation_number": self.organisation_number,
            "social_links": self.social_links(),
            # In the visitor's language, even from the default language's fallback footer.
            "privacy_url": self.statement_url(self.privacy_page, Locale.get_active().id),
            "accessibility_url": self.statement_url(
                self.accessibility_page, Locale.get_active().id
            ),
            "links": self.resolved_links(),
        }

    def social_links(self):
        """(network name, url) of each social link filled in, LinkedIn first."""
        networks = [
            ("LinkedIn", self.linkedin_url),
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in networks if url]

    def localized_page(self, page, locale_id=None):
        """`page` (chosen in any language: the choice is synchronised) in the language of
        `locale_id` (default: this footer's): its live translation, else the page itself
        when live, else None."""
        if page is None:
            return None
        found = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, locale_id=locale_id or self.locale_id)
            .first()
        )
        return found or (page if page.live else None)

    def statement_url(self, page, locale_id=None):
        """The URL of a statement page in the language of `locale_id` (default: this
        footer's), "" without one."""
        page = self.localized_page(page, locale_id)
        return page.url if page else ""

    @classmethod
    def live_for_locale(cls, locale):
        """The live footer of `locale`, else the default language's, else None."""
        with translation.override(locale.language_code):
            return cls.for_active_language()

    @classmethod
    def for_active_language(cls):
        """The live footer of the visitor's language, else the default language's (as
        before that language had one), else None."""
        language = translation.get_language()
        footers = list(
            cls.objects.filter(
                live=True, locale__language_code__in={language, settings.LANGUAGE_CODE}
            ).select_related("locale")
        )
        current = [f for f in footers if f.locale.language_code == language]
        return (current or footers or [None])[0]

    def resolved_links(self):
        """(text, url) per link; chosen pages in this footer's language when translated.

        Page choosers keep pointing at the source page after translation, so
        the same-language versions are looked up together in one query.
        """
        keys = {link.value["page"].translation_key for link in self.links if link.value["page"]}
        localized = {
            page.translation_key: page
            for page in Page.objects.filter(
                translation_key__in=keys, locale_id=self.locale_id
            ).live()
        }
        result = []
        for link in self.links:
            page, url = link.value["page"], link.value["url"]
            if page:
                page = localized.get(page.translation_key, page)
                url = page.url
            if url:
                result.append((link.value["text"], url))
        return result
