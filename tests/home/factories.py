"""Public-site test data: the page types and snippets of `home`, and sections of a
bilingual site (tests/factories.bilingual_site) made in both languages.

The section helpers publish Norwegian pages and translate them with wagtail-localize;
run them inside tests.factories.as_committed.
"""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import (
    MemberCompany,
    MemberDirectoryPage,
    MembershipPage,
    NewsTag,
    Sector,
)
from tests.factories import (
    EventPageFactory,
    NewsPageFactory,
    locales,
    publish,
    translate,
)


def nb_locale():
    return locales()["nb"]


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Bli medlem"
    slug = "bli-medlem"
    thank_you_text = "<p>Takk for søknaden!</p>"
    to_address = "post@example.no"
    from_address = "post@example.no"
    subject = "Ny søknad om medlemskap"

    class Meta:
        model = MembershipPage


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Medlemmer"
    slug = "medlemmer"

    class Meta:
        model = MemberDirectoryPage


class NewsTagFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(nb_locale)
    name = factory.Sequence(lambda n: f"Emne {n}")
    slug = factory.Sequence(lambda n: f"emne-{n}")

    class Meta:
        model = NewsTag


class MemberCompanyFactory(factory.django.DjangoModelFactory):
    """A Norwegian member company (translate it for the English directory)."""

    locale = factory.LazyFunction(nb_locale)
    name = factory.Sequence(lambda n: f"Bedrift {n} AS")
    sector = Sector.FURNITURE
    website = factory.Sequence(lambda n: f"https://bedrift{n}.example.no/")
    description = "Møbler laget i Norge."

    class Meta:
        model = MemberCompany


def in_both_languages(page, strings):
    """Publish `page` and its English translation; returns SimpleNamespace(nb=, en=)."""
    return SimpleNamespace(nb=publish(page), en=translate(page, strings))


def membership_page(site):
    """The membership page under `site` (bilingual_site) in both languages, sending its
    notifications to post@example.no; returns SimpleNamespace(nb=, en=)."""
    return in_both_languages(
        MembershipPageFactory(parent=site.nb),
        {
            "Bli medlem": "Become a member",
            "bli-medlem": "become-a-member",
            "Takk for søknaden!": "Thank you for your application!",
            "Ny søknad om medlemskap": "New membership application",
        },
    )


def add_news(index, count, **fields):
    """`count` live news items in `index`, 100 days old and older, titled
    "Ekstra nyhet <n>"."""
    today = timezone.localdate()
    return [
        publish(
            NewsPageFactory(
                parent=index,
                title=f"Ekstra nyhet {n}",
                slug=f"ekstra-nyhet-{n}",
                date=today - datetime.timedelta(days=100 + n),
                **fields,
            )
        )
        for n in range(count)
    ]


def add_events(index, count, days_ahead=5, **fields):
    """`count` live two-hour events in `index`, one a day from `days_ahead` days on,
    titled "Ekstra arrangement <n>"."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    return [
        publish(
            EventPageFactory(
                parent=index,
                title=f"Ekstra arrangement {n}",
                slug=f"ekstra-arrangement-{n}",
                start=start + datetime.timedelta(days=n),
                end=start + datetime.timedelta(days=n, hours=2),
                **fields,
            )
        )
        for n in range(count)
    ]


def restrict_to_members(page):
    """Open `page` to logged-in visitors only."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
