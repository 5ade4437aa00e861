"""What project members add to their space: posts, documents and new versions of them.

An upload has passed intranet.files' checks (in the form) before anything here runs, and
is stored in one transaction with its version row: a refused file leaves no trace.
Every upload, the first one included, is a DocumentVersion; the document holds the
newest file and each version row its own, so the history keeps every earlier file.
"""

from django.db import transaction
from django.db.models import Max
from django.http import FileResponse, HttpResponse
from wagtail import hooks
from wagtail.documents import get_document_model

from intranet.models.contributions import DocumentVersion, ProjectPost
from site_core import http_caching


def add_post(group, author, title, body, language):
    """Store a post by `author` in `group`'s project, written in `language` (a code)."""
    return ProjectPost.objects.create(
        group=group, author=author, title=title, body=body, language=language
    )


@transaction.atomic
def store_upload(collection, user, uploaded, title="", note="", replaces=None):
    """Store `uploaded` (a checked UploadedFile) in `collection` as a new document, or as
    the newest version of the document `replaces`; returns the DocumentVersion.

    The document's file becomes the new one; the earlier file stays with its version.
    """
    Document = get_document_model()
    if replaces is None:
        document = Document(
            title=title or uploaded.name, collection=collection, uploaded_by_user=user
        )
        number = 1
    else:
        document = Document.objects.select_for_update().get(pk=replaces.pk)
        if title:
            document.title = title
        number = (document.versions.aggregate(last=Max("number"))["last"] or 0) + 1
        if number == 1:
            # A document from the admin has no history yet: its file becomes version 1.
            first = DocumentVersion.objects.create(
                document=document,
                number=1,
                file=document.file.name,
                file_size=document.get_file_size() or 0,
                uploaded_by=document.uploaded_by_user,
            )
            # auto_now_add stamped it now; it was uploaded with the document.
            DocumentVersion.objects.filter(pk=first.pk).update(created_at=document.created_at)
            number = 2
    document.file.save(uploaded.name, uploaded, save=False)
    document._set_document_file_metadata()
    document.save()
    return DocumentVersion.objects.create(
        document=document,
        number=number,
        file=document.file.name,
        file_size=document.file_size or uploaded.size,
        note=note,
        uploaded_by=user,
    )


def refuse_document(request, document):
    """What Wagtail's document view answers before serving `document` to `request`: the
    `before_serve_document` hooks (collection privacy, intranet.wagtail_hooks), or None
    to serve it."""
    for hook in hooks.get_hooks("before_serve_document"):
        result = hook(document, request)
        if isinstance(result, HttpResponse):
            return result
    return None


def version_response(request, version):
    """`version`'s file as a download, streamed from the private storage, after the same
    privacy check as Wagtail's document view; never stored by any cache."""
    refused = refuse_document(request, version.document)
    if refused is not None:
        return refused
    http_caching.mark_private(request)
    name = f"v{version.number}-{version.file.name.rsplit('/', 1)[-1]}"
    response = FileResponse(version.file.open("rb"), as_attachment=True, filename=name)
    http_caching.make_private(response)
    return response
