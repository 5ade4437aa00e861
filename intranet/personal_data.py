"""The intranet's personal data, registered with site_core.personal_data: member profiles
(contact details, choices, visits) and which member news a member has read. Both are kept
while the account exists (no retention period: they serve the member) and erased on
request with the rest."""

from django.utils.translation import gettext_lazy as _

from intranet.models import MemberProfile, NewsReadMark
from site_core.personal_data import PersonalDataKind, register


def find_profiles(email):
    return MemberProfile.objects.filter(user__email__iexact=email).select_related("company")


def export_profile(profile):
    return {
        "company": profile.company.name if profile.company else None,
        "job_title": profile.job_title,
        "phone": profile.phone,
        "show_email": profile.show_email,
        "show_phone": profile.show_phone,
        "preferred_language": profile.preferred_language,
        "digest_frequency": profile.digest_frequency,
        "projects_left_out_of_digest": sorted(
            group.name for group in profile.digest_muted_projects.all()
        ),
        "last_digest_sent": profile.last_digest_at,
        "visit_started": profile.visit_started_at,
        "previous_visit_started": profile.previous_visit_at,
        "last_seen": profile.last_seen_at,
    }


def find_read_marks(email):
    return NewsReadMark.objects.filter(user__email__iexact=email).order_by("read_at")


def export_read_mark(mark):
    return {"news_item": str(mark.translation_key), "read": mark.read_at}


def register_kinds():
    """Called from IntranetConfig.ready."""
    register(
        PersonalDataKind(
            key="member-profiles",
            label=_("Member profiles"),
            find=find_profiles,
            export=export_profile,
        )
    )
    register(
        PersonalDataKind(
            key="news-read-marks",
            label=_("Member news read"),
            find=find_read_marks,
            export=export_read_mark,
        )
    )
