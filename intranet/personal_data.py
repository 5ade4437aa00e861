"""The intranet's personal data, registered with site_core.personal_data:

- member profiles (contact details, choices, visits) and which member news a member has
  read: kept while the account exists (they serve the member);
- requests to join projects, posts in project spaces and the files a member uploaded (each
  version of a document): kept until erased, as part of a project's work while the member
  takes part in it.

None has a retention period; all are erased on request with the rest."""

from django.utils.translation import gettext_lazy as _

from intranet import access
from intranet.models import MemberProfile, NewsReadMark
from intranet.models.contributions import DocumentVersion, JoinRequest, ProjectPost
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


def find_join_requests(email):
    return JoinRequest.objects.filter(user__email__iexact=email).select_related("group")


def export_join_request(join_request):
    return {
        "project": join_request.project_name,
        "message": join_request.message,
        "status": join_request.status,
        "sent": join_request.created_at,
        "decided": join_request.decided_at,
    }


def find_posts(email):
    return ProjectPost.objects.filter(author__email__iexact=email).select_related("group")


def export_post(post):
    return {
        "project": post.group.name.removeprefix(access.PROJECT_GROUP_PREFIX),
        "title": post.title,
        "text": post.body,
        "language": post.language,
        "posted": post.created_at,
    }


def find_uploads(email):
    return DocumentVersion.objects.filter(uploaded_by__email__iexact=email).select_related(
        "document__collection"
    )


def export_upload(version):
    return {
        "document": version.document.title,
        "collection": version.document.collection.name,
        "version": version.number,
        "file": version.file.name,
        "size": version.file_size,
        "note": version.note,
        "uploaded": version.created_at,
    }


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
    register(
        PersonalDataKind(
            key="project-join-requests",
            label=_("Requests to join projects"),
            find=find_join_requests,
            export=export_join_request,
        )
    )
    register(
        PersonalDataKind(
            key="project-posts",
            label=_("Posts in project spaces"),
            find=find_posts,
            export=export_post,
        )
    )
    register(
        PersonalDataKind(
            key="project-uploads",
            label=_("Documents uploaded to project spaces (each version)"),
            find=find_uploads,
            export=export_upload,
        )
    )
