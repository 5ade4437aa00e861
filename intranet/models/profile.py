from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel


class DigestFrequency(models.TextChoices):
    """How often a member wants the digest e-mail (intranet.digest)."""

    OFF = "off", _("Never")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")


class MemberProfile(models.Model):
    """What the intranet knows about a member user beyond the auth user.

    The company link points at one row of the translatable MemberCompany (the
    Norwegian source row); name and logo are synchronised across translations.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="member_profile",
    )
    company = models.ForeignKey(
        "home.MemberCompany",
        verbose_name=_("member company"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="member_profiles",
        # One row per company: the source-language one (the others are its translations).
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
        help_text=_("The member company this person works for."),
    )
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of e-mails such as the member digest."),
    )
    last_digest_at = models.DateTimeField(
        _("last digest sent"),
        null=True,
        blank=True,
        help_text=_("When the member digest last went out to this member."),
    )

    phone = models.CharField(_("phone"), max_length=40, blank=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    # The people directory shows these only when the member opted in (default hidden).
    show_email = models.BooleanField(_("show my e-mail address to other members"), default=False)
    show_phone = models.BooleanField(_("show my phone number to other members"), default=False)
    digest_frequency = models.CharField(
        _("digest"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.DAILY,
        help_text=_("How often the member digest e-mail comes."),
    )
    digest_muted_projects = models.ManyToManyField(
        "auth.Group",
        verbose_name=_("projects left out of the digest"),
        blank=True,
        related_name="+",
        help_text=_("Project groups whose updates and documents the digest leaves out."),
    )
    # A visit is a run of dashboard views with no gap longer than intranet.visits.VISIT_GAP;
    # "new since your last visit" counts from when the previous one started.
    visit_started_at = models.DateTimeField(_("current visit started"), null=True, blank=True)
    previous_visit_at = models.DateTimeField(_("previous visit started"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, blank=True)

    # A snippet for the admin's sake only: no public page shows a profile, so saving one
    # (the account forms, the digest's bookkeeping) purges no cache (site_core.snippet_drafts).
    shown_on_public_pages = False

    panels = [
        FieldPanel("user"),
        FieldPanel("company"),
        FieldPanel("job_title"),
        FieldPanel("phone"),
        FieldPanel("preferred_language"),
        FieldPanel("digest_frequency"),
        FieldPanel("show_email"),
        FieldPanel("show_phone"),
    ]

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        permissions = [("invite_member", _("Can invite members to the intranet"))]

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()
