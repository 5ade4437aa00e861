"""The contact page: the people at the office, the addresses and a map link."""

from urllib.parse import urlencode

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable
from wagtail.search import index

from .contacts import StaffContact
from .footer import Footer
from .public_page import PublicPage, body_field

OPENSTREETMAP_SEARCH = "https://www.openstreetmap.org/search"


class ContactPage(PublicPage):
    """“Contact us”: the chosen staff contacts in order, the organisation's facts (from the
    live footer of the page's language: addresses, organisation number, e-mail, phone,
    social links) and a plain link to the visiting address on OpenStreetMap (no embedded
    map: nothing loads from a third party)."""

    body = body_field(help_text=_("Opening hours, directions or anything else to say."))

    content_panels = PublicPage.content_panels + [
        InlinePanel(
            "contacts",
            label=_("people to contact"),
            heading=_("People to contact"),
            help_text=_("Chosen staff contacts, shown in this order."),
        ),
        FieldPanel("body"),
    ]
    search_fields = PublicPage.search_fields + [index.SearchField("body")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def staff_contacts(self):
        """The chosen contacts' live versions in this page's language, in the chosen order.

        The choice is copied unchanged to a translation (synchronised), so it may point at
        the source language's rows: each is looked up by its translation key.
        """
        # The chosen order is the items' (kept in memory too, as in a preview); the contacts
        # are read in one query however many were chosen.
        ids = [item.contact_id for item in self.contacts.all() if item.contact_id]
        by_id = StaffContact.objects.in_bulk(ids)
        chosen = [by_id[pk] for pk in ids if pk in by_id]
        return StaffContact.objects.localized(chosen, self.locale_id)

    def get_listings(self, request):
        footer = Footer.live_for_locale(self.locale)
        return {
            "staff_contacts": self.staff_contacts(),
            "organisation": footer,
            "map_url": map_url(footer.visiting_address or footer.address) if footer else "",
        }

    def listing_images(self, context):
        return [contact.photo for contact in context["staff_contacts"]]


def map_url(address):
    """A link that searches OpenStreetMap for `address` (multi-line text), or "" without one."""
    address = ", ".join(line.strip() for line in address.splitlines() if line.strip())
    return f"{OPENSTREETMAP_SEARCH}?{urlencode({'query': address})}" if address else ""


class ContactPageContact(Orderable):
    """One chosen staff contact on a contact page (order by drag and drop)."""

    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="contacts")
    contact = models.ForeignKey(
        StaffContact,
        verbose_name=_("staff contact"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("contact")]
