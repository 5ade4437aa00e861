"""People to contact at the cluster's office: the contact page, the membership page and
articles (a contact person) show them."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from site_core.snippet_drafts import PublishableSnippet


class StaffContactQuerySet(models.QuerySet):
    def live_in(self, locale_id):
        """The published contacts of one locale (a draft, a new translation included, is
        never shown: site_core.snippet_drafts), in the editors' order."""
        return self.filter(live=True, locale_id=locale_id).select_related("photo")

    def localized(self, contacts, locale_id):
        """The live version in `locale_id` of each of `contacts` (StaffContact rows of any
        locale, e.g. chosen on a page before it was translated), in the given order.

        A contact not (yet) published in that locale is left out, never shown in another
        language's draft.
        """
        keys = [contact.translation_key for contact in contacts]
        found = {
            c.translation_key: c for c in self.live_in(locale_id).filter(translation_key__in=keys)
        }
        return [found[key] for key in keys if key in found]


class StaffContact(index.Indexed, PublishableSnippet):
    """A person at the cluster's office whom visitors may contact.

    The role is translated per language (wagtail-localize); name, photo, e-mail, phone and
    order are the same in every language (synchronised). The photo's alt text is the
    image's description (Wagtail's image field ``description``). Visitors see the live
    row only; edits are drafts until published (site_core.snippet_drafts).
    """

    name = models.CharField(_("name"), max_length=120)
    role = models.CharField(
        _("role"), max_length=120, help_text=_("The job title, e.g. “Cluster manager”.")
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A portrait. Its alt text is the image's description: fill that in on the image."
        ),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        help_text=_("As visitors dial it, e.g. +47 22 00 00 00."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("photo"),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = [
        TranslatableField("role"),
        SynchronizedField("name"),
        SynchronizedField("photo"),
        SynchronizedField("email"),
        SynchronizedField("phone"),
        SynchronizedField("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("role")]

    objects = StaffContactQuerySet.as_manager()

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("staff contact")
        verbose_name_plural = _("staff contacts")
        ordering = ["sort_order", "name"]

    def __str__(self):
        return f"{self.name} – {self.role}"


class ContactPersonMixin(models.Model):
    """A page with a contact person: one StaffContact chosen by the editor (`contact`,
    the same in every language: list `SynchronizedField("contact")` in the page type's
    `override_translatable_fields`) and shown in the page's language (`contact_person`).

    Put `contact_panels` into the page type's `content_panels`.
    """

    contact = models.ForeignKey(
        StaffContact,
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The person visitors can ask about this page's subject."),
    )

    contact_panels = [FieldPanel("contact")]

    class Meta:
        abstract = True

    def contact_person(self):
        """The chosen contact's live version in this page's language, or None when none
        is chosen or its translation is not published."""
        if self.contact_id is None:
            return None
        return next(iter(StaffContact.objects.localized([self.contact], self.locale_id)), None)
