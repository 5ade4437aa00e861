"""Test data built to measure (wagtail-factories): locales, a minimal bilingual tree, pages.

Tests that use these run on an empty, migrated database (tests/conftest.py runs them
before the demo is loaded) and build only what they assert on. English pages are made
through wagtail-localize's own API, as editors make them.
"""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    MembershipPage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from intranet import access
from intranet.models import MemberProfile
from site_core.demo import publish_translation


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Forside"
    slug = "forside"
    hero_heading = factory.LazyAttribute(lambda page: page.title)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Side {n}")
    intro = "En kort ingress."

    class Meta:
        model = StandardPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nyheter"
    slug = "nyheter"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nyhet {n}")
    intro = "Kort ingress."
    date = factory.LazyFunction(timezone.localdate)

    class Meta:
        model = NewsPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Arrangementer"
    slug = "arrangementer"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Arrangement {n}")
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda page: page.start + datetime.timedelta(hours=2))
    location = "Bergen"

    class Meta:
        model = EventPage


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Bli medlem"
    slug = "bli-medlem"
    form_heading = "Søk om medlemskap"
    thank_you_text = "<p>Takk for søknaden!</p>"
    to_address = "post@example.no"
    from_address = "post@example.no"
    subject = "Ny søknad om medlemskap"

    class Meta:
        model = MembershipPage


def member(email, language="nb", first_name="Kari"):
    """An active intranet member: in the Members group, with a member profile whose
    preferred language (of e-mails such as the digest) is `language`."""
    user = get_user_model().objects.create_user(
        username=email, email=email, first_name=first_name, password=None
    )
    user.groups.add(access.group(access.MEMBERS_GROUP))
    MemberProfile.objects.create(user=user, preferred_language=language)
    return user


def public_document(title):
    """A document in the root collection, which everyone may open."""
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(b"innhold", name="dokument.txt"),
        collection=Collection.get_first_root_node(),
    )


def locales():
    """{"nb": Locale, "en": Locale}; the migrations make nb, the site's default."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nb", "en")}


def publish(page):
    page.save_revision().publish()
    return page


def bilingual_site(hostname="testserver"):
    """A live Norwegian home page as the default site's root, and its English translation.

    Returns SimpleNamespace(nb=home, en=home in English, site=Site).
    """
    locales()
    home = publish(HomePageFactory(parent=Page.get_first_root_node()))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, 80, home
    site.save()
    english = translate(home, {"Forside": "Home"})
    return SimpleNamespace(nb=home, en=english, site=site)


def translate(page, strings, language="en"):
    """Translate `page` with wagtail-localize (every segment in `strings`, source text ->
    translation; text not listed is kept as it is) and publish the translation."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(page)
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    return publish_translation(page, language, {text: strings.get(text, text) for text in texts})


def news_in_both_languages(site, title, slug, english_title):
    """A news index with one news item under `site` (bilingual_site), both translated;
    returns (index, news item), Norwegian. Run inside captured on-commit callbacks."""
    index = publish(NewsIndexPageFactory(parent=site.nb))
    translate(index, {"Nyheter": "News"})
    news = publish(NewsPageFactory(parent=index, title=title, slug=slug))
    translate(news, {title: english_title, "Kort ingress.": "Short intro."})
    return index, news


def restrict(page, group_name):
    """Restrict `page` and its translations to the group (created if needed), as
    site_core.restrictions does on commit, which a test's transaction never reaches."""
    group = Group.objects.get_or_create(name=group_name)[0]
    for copy in page.get_translations(inclusive=True):
        restriction = PageViewRestriction.objects.create(page=copy, restriction_type="groups")
        restriction.groups.add(group)
