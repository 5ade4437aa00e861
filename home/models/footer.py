from django.conf import settings
from django.core.cache import cache
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField

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
    """The site footer's contact details and links, one per language.

    The base template shows it through site_core's ``{% site_footer %}``, which finds this
    model by ``settings.SITE_FOOTER_MODEL`` and renders it with `template`. Visitors see
    the published (live) footer only: a draft, a new translation included, shows nowhere
    until it is published (site_core.snippet_drafts).
    """

    template = "home/includes/footer_content.html"

    organisation = models.CharField(_("organisation"), max_length=120)
    address = models.TextField(_("postal address"), blank=True, max_length=300)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    about = models.TextField(
        _("about text"), blank=True, max_length=400, help_text=_("A sentence about the cluster.")
    )
    links = StreamField(
        [("link", FooterLinkBlock())], verbose_name=_("links"), blank=True, max_num=10
    )

    panels = [
        FieldPanel("organisation"),
        FieldPanel("about"),
        FieldPanel("address"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("links"),
    ]

    override_translatable_fields = [SynchronizedField("phone")]

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
            "links": self.resolved_links(),
        }

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
