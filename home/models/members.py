from dataclasses import replace

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.sectors import Sector
from site_core.head import OG_LOCALES, document_title
from site_core.images import alt_language, alt_text
from site_core.snippet_drafts import PublishableSnippet
from site_core.text import ascii_slug
from site_core.translations import LANGUAGE_ORDER, page_translations

from .public_page import PublicPage

# Asked for the projects a member company takes part in that may be shown publicly:
# fn(company, locale) -> iterable of objects with `title` and `summary` (intranet registers
# one, intranet/wagtail_hooks.py).
PUBLIC_PROJECTS_HOOK = "public_projects_of_company"


class MemberCompany(index.Indexed, PublishableSnippet):
    """A member company of the cluster, shown in the public directory once published.

    Translatable: the description is translated per locale through
    wagtail-localize; name, logo, website, sector and year stay the same in
    every language. Intranet users belong to one of these. A draft (a new translation
    included) is not listed (site_core.snippet_drafts).
    """

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        blank=True,
        help_text=_(
            "The company page's address in the member directory; made from the name when "
            "left empty."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    description = models.TextField(
        _("short description"),
        max_length=600,
        blank=True,
        help_text=_("Two or three sentences about what the company makes."),
    )
    member_since = models.PositiveSmallIntegerField(
        _("member since"), null=True, blank=True, help_text=_("The year the company joined.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("sector"),
        FieldPanel("description"),
        FieldPanel("member_since"),
    ]
    translatable_fields = [
        TranslatableField("description"),
        SynchronizedField("name"),
        SynchronizedField("slug"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
        SynchronizedField("sector"),
        SynchronizedField("member_since"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("member company")
        verbose_name_plural = _("member companies")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_member_company_slug")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        """Refuse a slug another company of the same language has (a ValidationError on the
        slug field). Django's own check of the (locale, slug) constraint is skipped in the
        admin form, which has no locale field, and the save would fail with a server error."""
        super().clean()
        if (
            self.slug
            and self.locale_id
            and MemberCompany.objects.filter(locale_id=self.locale_id, slug=self.slug)
            .exclude(pk=self.pk)
            .exists()
        ):
            raise ValidationError(
                {"slug": _("Another member company already has this address. Choose another.")}
            )

    def save(self, *args, **kwargs):
        # The address is ASCII, like the pages' (site_core.text.ascii_slug), and unique in
        # its language: a second "Fjordlys AS" gets "fjordlys-as-2".
        if not self.slug:
            base = ascii_slug(self.name)[:190] or "medlem"
            taken = set(
                MemberCompany.objects.filter(locale_id=self.locale_id, slug__startswith=base)
                .exclude(pk=self.pk)
                .values_list("slug", flat=True)
            )
            slug, number = base, 1
            while slug in taken:
                number += 1
                slug = f"{base}-{number}"
            self.slug = slug
        super().save(*args, **kwargs)

    @property
    def logo_alt(self):
        """The logo's text alternative: its description in the image library, else the
        company's name (the logo stands for the company)."""
        return alt_text(self.logo) if self.logo and self.logo.description else self.name

    @property
    def logo_alt_lang(self):
        """The language of `logo_alt` when it is the library's description and not the
        page's language (site_core.images.alt_language), else None: a name needs none."""
        return alt_language(self.logo) if self.logo and self.logo.description else None


class MemberDirectoryPage(RoutablePageMixin, PublicPage):
    """The published member companies of this language, alphabetical, filterable by sector."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("member directory page")
        verbose_name_plural = _("member directory pages")

    def companies(self):
        """The published companies of this directory's language, alphabetical."""
        return (
            MemberCompany.objects.filter(locale_id=self.locale_id, live=True)
            .select_related("logo")
            .prefetch_related("logo__renditions")
            .order_by(Lower("name"))
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        members = self.companies()
        sector = request.GET.get("sector", "")
        if sector in Sector.values:
            members = members.filter(sector=sector)
        else:
            sector = ""
        # The filter form carries the query's other parameters along (hidden fields).
        kept = [(key, value) for key, value in request.GET.items() if key not in ("sector", "page")]
        context.update(
            members=members,
            sectors=Sector.choices,
            active_sector=sector,
            active_sector_label=Sector(sector).label if sector else "",
            kept_params=kept,
        )
        return context

    @path("")
    def directory(self, request):
        return self.render(request)

    @path("<slug:slug>/", name="company")
    def company(self, request, slug):
        """A company's own page: its description, website, logo and the public projects it
        takes part in. 404 for a company that is not published in this language."""
        company = get_object_or_404(self.companies(), slug=slug)
        return self.render(
            request,
            context_overrides={
                "company": company,
                "head": self.company_head(company, request),
                "projects": self.public_projects(company),
            },
            template="home/member_company_page.html",
        )

    def public_projects(self, company):
        """The projects `company` takes part in that their editors made public, in this
        page's language: what the `public_projects_of_company` hooks give (the intranet
        registers one; home names no app above it). A list of objects with `title` and
        `summary`."""
        projects = []
        for hook in hooks.get_hooks(PUBLIC_PROJECTS_HOOK):
            projects += hook(company, self.locale)
        return projects

    def company_url(self, company, request=None):
        """The absolute URL of `company`'s page in this directory."""
        return self.get_full_url(request) + self.reverse_subpage("company", args=[company.slug])

    def company_translations(self, companies, request=None):
        """{translation_key: [(language_code, absolute URL), ...]} of the given companies'
        published translations, each in its language's live public directory; the
        hreflang alternates of a company page (LANGUAGES order, then x-default)."""
        directories = page_translations(self)
        keys = [company.translation_key for company in companies]
        found = {}
        rows = MemberCompany.objects.filter(translation_key__in=keys, live=True).select_related(
            "locale"
        )
        for row in rows:
            directory = directories.get(row.locale.language_code)
            if directory is not None:
                found.setdefault(row.translation_key, {})[row.locale.language_code] = (
                    directory.specific.company_url(row, request)
                )
        alternates = {}
        for key, urls in found.items():
            entries = [(code, urls[code]) for code in LANGUAGE_ORDER if code in urls]
            if settings.LANGUAGE_CODE in urls:
                entries.append(("x-default", urls[settings.LANGUAGE_CODE]))
            alternates[key] = entries
        return alternates

    def company_head(self, company, request):
        """The PageHead of `company`'s page: its name, description, URL and alternates."""
        base = self.get_head(request)
        alternates = self.company_translations([company], request).get(company.translation_key, [])
        language = self.locale.language_code
        return replace(
            base,
            title=company.name,
            document_title=document_title(company.name),
            description=company.description or base.description,
            url=self.company_url(company, request),
            alternates=alternates,
            og_locale_alternates=[
                OG_LOCALES.get(code, code)
                for code, _url in alternates
                if code not in (language, "x-default")
            ],
            image=company.logo,
        )

    def get_sitemap_urls(self, request=None):
        """The directory's entry, then one per published company (its page and the
        company's other languages as alternates)."""
        entries = super().get_sitemap_urls(request)
        if not page_translations(self):
            return entries  # a restricted directory: nothing of it in the sitemap
        companies = list(self.companies())
        alternates = self.company_translations(companies, request)
        for company in companies:
            entries.append(
                {
                    "location": self.company_url(company, request),
                    "lastmod": company.last_published_at,
                    "alternates": [
                        {"lang_code": code, "location": url}
                        for code, url in alternates.get(company.translation_key, [])
                    ],
                }
            )
        return entries
