from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from home import event_registration_views
from home.feeds import calendar_response
from site_core.pages import paginate

from .public_page import PublicPage, body_field

PAST_EVENTS_SHOWN = 10


class EventIndexPage(RoutablePageMixin, PublicPage):
    """The calendar: upcoming events first, recent past ones separately, as iCalendar too."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    def events(self):
        """Live, public events in this calendar, with what a listing shows."""
        return (
            EventPage.objects.live_public()
            .child_of(self)
            .select_related("image", "locale")
            .prefetch_related("image__renditions")
        )

    def get_listings(self, request):
        now = timezone.now()
        return {
            "upcoming": paginate(request, self.events().filter(end__gte=now).order_by("start")),
            "past": self.events().filter(end__lt=now).order_by("-start")[:PAST_EVENTS_SHOWN],
        }

    def get_cached_paths(self):
        # The front cache purges the feed with the listing (site_core.cache_purge).
        return ["/", "ical/"]

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response(self.events().order_by("start"), self.title, f"{self.slug}.ics")


class EventPage(RoutablePageMixin, PublicPage):
    """One event: when and where, what it is, and how to sign up."""

    start = models.DateTimeField(_("starts"), help_text=_("Date and time in Norwegian time."))
    end = models.DateTimeField(_("ends"))
    location = models.CharField(
        _("location"),
        max_length=200,
        blank=True,
        help_text=_("An address or place name; the page links it to a map search."),
    )
    organiser = models.CharField(
        _("organiser"),
        max_length=200,
        blank=True,
        help_text=_("Who holds the event, e.g. the cluster or a member company."),
    )
    price = models.CharField(
        _("price"),
        max_length=200,
        blank=True,
        help_text=_("Free text, e.g. “NOK 450, free for members”. Leave empty for a free event."),
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_(
            "Where to sign up elsewhere, if needed. Not shown while registration on "
            "this site is open."
        ),
    )
    registration_open = models.BooleanField(
        _("registration on this site"),
        default=False,
        help_text=_(
            "Tick to let people sign up on this page: visitors with name, e-mail and company; "
            "on a members-only event, logged-in members with one button."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_(
            "How many may come. Leave empty for no limit. When the places are taken, new "
            "sign-ups go to the waiting list and move up when someone cancels."
        ),
    )
    registration_deadline = models.DateTimeField(
        _("sign-up deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Optional. Sign-ups close at this time (Norwegian time); else when the event starts."
        ),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_decorative = models.BooleanField(
        _("the image is decorative"),
        default=False,
        help_text=_(
            "Tick only when the image adds nothing to the text: it is then hidden from screen "
            "readers. Otherwise the image's description in the image library is its "
            "alternative text."
        ),
    )
    body = body_field()

    content_panels = PublicPage.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("location"),
                FieldPanel("organiser"),
                FieldPanel("price"),
            ],
            heading=_("When and where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("registration_open"),
                FieldRowPanel([FieldPanel("capacity"), FieldPanel("registration_deadline")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_decorative")], heading=_("Image")),
        FieldPanel("body"),
    ]
    # The page form asks for a description of a meaningful image (site_core.page_forms).
    meaningful_images = {"image": "image_decorative"}
    search_fields = PublicPage.search_fields + [
        index.SearchField("location"),
        index.SearchField("body"),
    ]

    parent_page_types = ["home.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("An event cannot end before it starts.")})
        if self.capacity == 0:
            raise ValidationError(
                {"capacity": _("Give at least one place, or leave the field empty for no limit.")}
            )

    @property
    def is_past(self):
        return self.end < timezone.now()

    @property
    def social_image(self):
        return self.image

    @property
    def map_url(self):
        """An OpenStreetMap search for the location (a plain link: no embedded map, no
        tracker), or "" without a location."""
        if not self.location:
            return ""
        return "https://www.openstreetmap.org/search?" + urlencode({"query": self.location})

    @property
    def registration_link(self):
        """Where a visitor signs up elsewhere, or "" (none, the event is over, or
        registration on this site is open: home/event_registrations.py)."""
        return "" if self.is_past or self.registration_open else self.registration_url

    @property
    def registration_closes(self):
        """When sign-ups on the site close (aware datetime): the deadline, else the start."""
        return self.registration_deadline or self.start

    @property
    def accepts_registrations(self):
        """True while people may sign up on this page (open, and before it closes)."""
        return self.registration_open and timezone.now() < self.registration_closes

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if self.registration_open and "registration" not in context:
            context["registration"] = event_registration_views.RegistrationBlock(self, request)
        return context

    @path("ical/", name="ical")
    def ical(self, request):
        return calendar_response([self], self.title, f"{self.slug}.ics")

    @path("register/", name="register")
    def register(self, request):
        return event_registration_views.register(self, request)

    @path("cancel/", name="cancel_mine")
    def cancel_mine(self, request):
        return event_registration_views.cancel_mine(self, request)

    @path("cancel/<str:token>/", name="cancel")
    def cancel(self, request, token):
        return event_registration_views.cancel(self, request, token)

    @path("participants/", name="participants")
    def participants(self, request):
        return event_registration_views.participants(self, request)

    @path("participants/csv/", name="participants_csv")
    def participants_csv(self, request):
        return event_registration_views.participants_csv(self, request)
