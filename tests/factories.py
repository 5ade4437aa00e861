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
from django.test import TestCase
from django.utils import timezone
from wagtail.models import Collection, Locale, Page, PageViewRestriction, Site

from home.models import (
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    StandardPage,
)
from intranet import access
from intranet.demo import minimal_pdf
from site_core.demo import ensure_editor_permissions, publish_translation
from site_core.editorial import COMMUNICATIONS_LEAD_GROUP

PASSWORD = "Riktig-Hest-Batteri-42"  # every user the factories make has this password


def as_committed():
    """A block whose on-commit callbacks run when it ends, as a commit would run them.

    wagtail-localize publishes translations and site_core.restrictions copies restrictions
    on commit, which a test's transaction never reaches.
    """
    return TestCase.captureOnCommitCallbacks(execute=True)


def _factories(base=factory.base.BaseFactory):
    for subclass in base.__subclasses__():
        yield subclass
        yield from _factories(subclass)


def sequence_numbers():
    """{factory class: its next sequence number} for every factory that has counted.

    Data built in one test process and copied into another (tests.template_databases)
    holds names made from these numbers (`bruker3`); the other process continues from
    them (`continue_sequences`) so that its own names do not collide.
    """
    return {
        cls: cls._meta._counter.seq
        for cls in _factories()
        if cls._meta.counter_reference is cls._meta and cls._meta._counter is not None
    }


def continue_sequences(numbers):
    """Move each factory's counter in `numbers` ({class: number}) up to at least it."""
    for cls, number in numbers.items():
        cls._meta._initialize_counter()
        if cls._meta._counter.seq < number:
            cls.reset_sequence(number)


class UserFactory(factory.django.DjangoModelFactory):
    """A user with the password `PASSWORD`; `groups=[name, ...]` puts them in groups
    (made if needed). The e-mail address follows the username."""

    username = factory.Sequence(lambda n: f"bruker{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.no")
    first_name = "Kari"
    last_name = "Nordmann"
    password = factory.django.Password(PASSWORD)

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        for name in names or ():
            user.groups.add(access.group(name))


class EditorFactory(UserFactory):
    """Communications staff: the group Editors with the permissions the project gives it."""

    username = factory.Sequence(lambda n: f"redaktor{n}")

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        ensure_editor_permissions()
        for name in (access.STAFF_GROUP, *(names or ())):
            user.groups.add(access.group(name))


class CommunicationsLeadFactory(EditorFactory):
    """The communications lead: an editor who also approves and publishes pages (group
    Communications lead, the one task of the approval workflow)."""

    username = factory.Sequence(lambda n: f"leder{n}")

    @factory.post_generation
    def lead(user, create, extracted, **kwargs):
        user.groups.add(access.group(COMMUNICATIONS_LEAD_GROUP))


class AdminFactory(UserFactory):
    """A superuser (Wagtail administrator)."""

    username = factory.Sequence(lambda n: f"admin{n}")
    is_superuser = True
    is_staff = True


class ImageFactory(wagtail_factories.ImageFactory):
    """A 960×600 JPEG in the root collection: large enough for every rendition the
    templates ask for (fill-800x500 and the like are never enlarged)."""

    title = factory.Sequence(lambda n: f"Bilde {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=960, height=600, color="#7c8c6e")


class DocumentFactory(wagtail_factories.DocumentFactory):
    """A one-page PDF (showing its title) in the root collection, with its size and hash
    set as an admin upload sets them; `collection=` puts it elsewhere."""

    title = factory.Sequence(lambda n: f"Dokument {n}")

    class Meta:
        skip_postgeneration_save = True

    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.LazyAttribute(
        lambda document: ContentFile(minimal_pdf(document.title), name=f"{document.title}.pdf")
    )

    @factory.post_generation
    def metadata(document, create, extracted, **kwargs):
        document._set_document_file_metadata()
        document.save()


def log_in(client, user):
    """Log `client` in as `user`, or out if `user` is None."""
    client.logout()
    if user is not None:
        client.force_login(user)
    return user


def collection(name, parent=None, groups=()):
    """A collection under `parent` (the root collection by default), restricted to the
    named groups if any are given."""
    parent = parent or Collection.get_first_root_node()
    made = parent.add_child(instance=Collection(name=name))
    if groups:
        access.ensure_group_restriction(made, [access.group(group) for group in groups])
    return made


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


def locales():
    """{"nb": Locale, "en": Locale}; the migrations make nb, the site's default."""
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("nb", "en")}


def publish(page):
    """Publish `page` as an editor does (a revision, then publish); returns it."""
    page.save_revision().publish()
    return page


def bilingual_site(hostname="testserver", strings=None, **fields):
    """A live Norwegian home page ("Forside", `fields` on top) as the default site's root,
    and its English translation ("Home", `strings` on top: source text -> English).
    Wagtail's placeholder page goes, as in the demo.

    Returns SimpleNamespace(nb=home, en=home in English, site=Site).
    """
    locales()
    home = publish(HomePageFactory(parent=Page.get_first_root_node(), **fields))
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname, site.port, site.root_page = hostname, 80, home
    site.save()
    Page.objects.filter(depth=2, content_type__model="page").delete()
    english = translate(home, {"Forside": "Home", **(strings or {})})
    return SimpleNamespace(nb=home, en=english, site=site)


def translate(page, strings, language="en"):
    """Translate `page` (or a snippet) with wagtail-localize (every segment in `strings`,
    source text -> translation; text not listed is kept as it is) and publish the
    translation; returns it. Run inside `as_committed` for the page to go live."""
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


def bilingual_news_site(title, slug, english_title):
    """A bilingual_site with news_in_both_languages in it (`.index`, `.news`, Norwegian),
    its on-commit callbacks run: the base that modules' shared trees add to."""
    with as_committed():
        site = bilingual_site()
        site.index, site.news = news_in_both_languages(site, title, slug, english_title)
    return site


def render_live_pages(client=None):
    """Request every live page once with `client` (a django.test.Client; anonymous by
    default), as a first visitor would, so that the image renditions its templates ask for
    exist before tests share the pages: each test rolls back what it writes, so each would
    otherwise make them again. Raises AssertionError naming a page that answered with a
    server error."""
    from django.test import Client

    client = client or Client()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        status = client.get(page.url).status_code
        assert status < 500, f"{page.url} answered {status}"


def restrict(page, group_name):
    """Restrict `page` and its translations to the group (created if needed), as
    site_core.restrictions does on commit, which a test's transaction never reaches."""
    group = Group.objects.get_or_create(name=group_name)[0]
    for copy in page.get_translations(inclusive=True):
        restriction = PageViewRestriction.objects.create(page=copy, restriction_type="groups")
        restriction.groups.add(group)
