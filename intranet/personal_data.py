"""The intranet's records about members, registered with site_core.personal_data: their
requests to join projects, their posts in project spaces, and the files they uploaded
(each version of a document they uploaded). All are kept until erased: they are part of
a project's work while the member takes part in it."""

from django.utils.translation import gettext_lazy as _

from intranet import access
from intranet.models.contributions import DocumentVersion, JoinRequest, ProjectPost
from site_core.personal_data import PersonalDataKind, register


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
