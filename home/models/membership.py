import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.forms import MembershipForm
from site_core.page_mixins import IntroMixin, ListingMixin
from site_core.pages import SitePage
from site_core.rate_limits import client_address, take_slot

from .contacts import ContactPersonMixin
from .footer import Footer
from .public_page import body_field

logger = logging.getLogger(__name__)

# Applications accepted from one address per window; real companies apply once.
RATE_LIMIT = 3
RATE_WINDOW = 60 * 60


class MembershipPage(IntroMixin, ListingMixin, ContactPersonMixin, AbstractEmailForm, SitePage):
    """“Why become a member”: the pitch, and the application form.

    The form's fields are fixed in code (home.forms.MembershipForm); editors
    set the texts, where notifications go and the thank-you message.
    """

    body = body_field(help_text=_("Why companies should join."))
    terms = RichTextField(
        _("price and terms"),
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text=_("What membership costs and what a member commits to."),
    )
    form_heading = models.CharField(_("form heading"), max_length=120, default="", blank=True)
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, help_text=_("Shown after a successful application.")
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        *IntroMixin.intro_panels,
        FieldPanel("body"),
        FieldPanel("terms"),
        *ContactPersonMixin.contact_panels,
        FieldPanel("form_heading"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Notification e-mail"),
        ),
    ]
    override_translatable_fields = [SynchronizedField("to_address"), SynchronizedField("contact")]
    search_fields = (
        AbstractEmailForm.search_fields
        + IntroMixin.intro_search_fields
        + [
            index.SearchField("body"),
        ]
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("membership page")
        verbose_name_plural = _("membership pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["privacy_url"] = self.privacy_statement_url()
        context["contact_person"] = self.contact_person()
        return context

    def privacy_statement_url(self):
        """The privacy statement in this page's language (the footer's choice, looked up
        in this page's locale), "" when there is none."""
        footer = Footer.live_for_locale(self.locale)
        return footer.statement_url(footer.privacy_page, self.locale_id) if footer else ""

    # The form builder's hooks, pointed at our fixed form.
    def get_form_class(self):
        return MembershipForm

    def get_form_fields(self):
        return []

    def get_data_fields(self):
        form = MembershipForm()
        return [("submit_time", _("Submission date"))] + [
            (field.name, field.label) for field in form.visible_fields_for_template
        ]

    def serve(self, request, *args, **kwargs):
        if request.method != "POST":
            return super().serve(request, *args, **kwargs)
        form = self.get_form(request.POST, page=self, user=request.user)
        if form.is_bot():
            # Look like success so the bot moves on; keep and send nothing.
            logger.info("Membership honeypot filled in from %s", client_address(request))
            return self.render_landing_page(request, None, *args, **kwargs)
        status = 200
        if form.is_valid():
            if self.take_rate_limit_slot(request):
                submission = self.process_form_submission(form)
                return self.render_landing_page(request, submission, *args, **kwargs)
            form.add_error(
                None,
                gettext(
                    "We have received several applications from your address. Please "
                    "try again in an hour, or write to us by e-mail."
                ),
            )
            status = 429
        context = self.get_context(request)
        context["form"] = form
        return TemplateResponse(request, self.get_template(request), context, status=status)

    def take_rate_limit_slot(self, request):
        """True while this address has applied fewer than RATE_LIMIT times in the window
        (site_core.rate_limits, shared with the newsletter sign-up)."""
        return take_slot(f"membership-rate:{self.pk}", request, RATE_LIMIT, RATE_WINDOW)

    def process_form_submission(self, form):
        """Store the application and queue its e-mails (site_core.queued_mail) in one
        transaction: both are kept or neither. The worker sends them, retrying while the
        mail server is down, so the visitor never waits for it."""
        with transaction.atomic():
            submission = self.get_submission_class().objects.create(
                form_data=form.submission_data(), page=self
            )
            self.send_notifications(form)
        return submission

    def send_notifications(self, form):
        data = form.submission_data()
        context = {"page": self, "data": data, "form": form}
        if self.to_address:
            with translation.override(settings.LANGUAGE_CODE):
                EmailMessage(
                    subject=self.subject or gettext("New membership application"),
                    body=render_to_string("home/email/membership_notification.txt", context),
                    from_email=self.from_address or None,
                    to=[address.strip() for address in self.to_address.split(",")],
                    reply_to=[data["email"]],
                ).send()
        with translation.override(self.locale.language_code):
            EmailMessage(
                subject=gettext("We have received your membership application"),
                body=render_to_string("home/email/membership_confirmation.txt", context),
                from_email=self.from_address or None,
                to=[data["email"]],
            ).send()
