"""RSS 2.0 for the news and iCalendar for the events, per language.

Both are built from the listings' own querysets, so they carry only live,
public pages of the index's language.
"""

from datetime import timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Rss201rev2Feed
from icalendar import Calendar, Event

from site_core.brand import brand_name

FEED_ITEMS = 20
CALENDAR_TZ = ZoneInfo(settings.TIME_ZONE)


class NewsFeed(Feed):
    """The latest news of one news index, in that index's language."""

    feed_type = Rss201rev2Feed

    def __init__(self, index):
        super().__init__()
        self.index = index
        self.language = index.locale.language_code

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return f"{self.index.title} · {brand_name()}"

    def link(self):
        return self.index.get_full_url(self.request)

    def description(self):
        return self.index.intro

    def items(self):
        return self.index.news_items(with_tags=True)[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return timezone.make_aware(
            timezone.datetime.combine(item.date, timezone.datetime.min.time())
        )

    def item_categories(self, item):
        return [tag.name for tag in item.tags]


def calendar_response(events, name, filename):
    """An .ics file with one VEVENT per event, times in Europe/Oslo with its VTIMEZONE."""
    response = HttpResponse(
        calendar_bytes(events, name), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def calendar_bytes(events, name):
    """The iCalendar text (bytes) of `events` (EventPages) in a calendar called `name`: one
    VEVENT per event, times in Europe/Oslo with its VTIMEZONE. The download and the
    registration e-mails' attachment (home/event_registrations.py) are the same file."""
    calendar = Calendar()
    calendar.add("prodid", f"-//{brand_name('organisation')}//norwegianrooms//")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    events = list(events)
    for event in events:
        entry = Event()
        entry.add("uid", f"{event.translation_key}-{event.locale.language_code}@norwegianrooms")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", event.start.astimezone(CALENDAR_TZ))
        entry.add("dtend", event.end.astimezone(CALENDAR_TZ))
        entry.add("summary", event.title)
        if event.intro:
            entry.add("description", event.intro)
        if event.location:
            entry.add("location", event.location)
        entry.add("url", event.full_url)
        calendar.add_component(entry)
    if events:
        # Only the years the events span, not icalendar's default 1970–2038 of rules.
        calendar.add_missing_timezones(
            first_date=min(e.start for e in events).date() - timedelta(days=366),
            last_date=max(e.end for e in events).date() + timedelta(days=366),
        )
    return calendar.to_ical()
