"""Small helpers to add listing items next to the demo content."""

import datetime

from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import EventIndexPage, EventPage, NewsIndexPage, NewsPage


def news_index(language="nb"):
    return NewsIndexPage.objects.get(locale__language_code=language)


def event_index(language="nb"):
    return EventIndexPage.objects.get(locale__language_code=language)


def add_news(count, language="nb", **fields):
    index = news_index(language)
    image = NewsPage.objects.filter(main_image__isnull=False).first().main_image
    today = timezone.localdate()
    return [
        index.add_child(
            instance=NewsPage(
                title=f"Ekstra nyhet {n}",
                slug=f"ekstra-nyhet-{n}",
                date=today - datetime.timedelta(days=100 + n),
                intro="Kort ingress.",
                main_image=image,
                **fields,
            )
        )
        for n in range(count)
    ]


def add_events(count, language="nb", days_ahead=5, **fields):
    index = event_index(language)
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    return [
        index.add_child(
            instance=EventPage(
                title=f"Ekstra arrangement {n}",
                slug=f"ekstra-arrangement-{n}",
                start=start + datetime.timedelta(days=n),
                end=start + datetime.timedelta(days=n, hours=2),
                location="Bergen",
                **fields,
            )
        )
        for n in range(count)
    ]


def restrict_to_members(page):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.LOGIN
    )
    return restriction
