"""Documents: upload allow-list and size limit, the library's filters, search and order."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

from intranet.demo import MEMBERS_COLLECTION, minimal_pdf
from intranet.models import ProjectSpacePage
from tests.factories import log_in

from .conftest import SECRET

pytestmark = pytest.mark.django_db

Document = get_document_model()
LIBRARY = "/nb/intranett/dokumenter/"


def test_documents_are_served_through_django_with_limits():
    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 50 * 1024 * 1024
    allowed = set(settings.WAGTAILDOCS_EXTENSIONS)
    assert {"pdf", "docx", "xlsx", "pptx", "odt", "png", "jpg"} <= allowed
    assert not {"exe", "html", "htm", "svg", "js", "zip", "sh"} & allowed


def upload(client, name, content=b"%PDF-1.4 test"):
    collection = Collection.objects.get(name=MEMBERS_COLLECTION)
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content),
            "collection": collection.pk,
        },
    )


@pytest.mark.parametrize("name", ["installer.exe", "page.html", "drawing.svg", "script.js"])
def test_upload_refuses_types_outside_the_allow_list(client, intranet_site, name):
    log_in(client, intranet_site.people["editor"])
    response = upload(client, name)
    assert response.status_code == 200  # the form again, with the error
    assert not Document.objects.filter(title=name).exists()


@pytest.mark.parametrize("name", ["referat.pdf", "budsjett.xlsx", "bilde.png"])
def test_upload_accepts_office_pdf_and_image_types(client, intranet_site, name):
    log_in(client, intranet_site.people["editor"])
    response = upload(client, name)
    assert response.status_code == 302
    assert Document.objects.filter(title=name).exists()


@pytest.mark.parametrize(
    ("size", "valid"), [(50 * 1024 * 1024, True), (50 * 1024 * 1024 + 1, False)]
)
def test_upload_size_limit_is_50_mb(intranet_site, size, valid):
    file = SimpleUploadedFile("stor.pdf", minimal_pdf("stor"))
    file.size = size  # what the upload handler reports; no need to send 50 MB
    form_class = get_document_form(Document)
    collection = Collection.objects.get(name=MEMBERS_COLLECTION)
    form = form_class({"title": "Stor", "collection": collection.pk}, {"file": file}, user=None)
    assert form.is_valid() is valid
    if not valid:
        assert "file" in form.errors


def library_titles(client, **params):
    response = client.get(LIBRARY, params)
    assert response.status_code == 200
    return response.content.decode()


def test_library_filters_by_project_and_type_and_searches_titles(client, intranet_site):
    log_in(client, intranet_site.people["member_a"])
    project_a = ProjectSpacePage.objects.get(slug="sirkulaere-materialer")
    only_a = library_titles(client, project=project_a.pk)
    assert SECRET in only_a and "Referat fra årsmøtet" not in only_a
    assert "Ingen dokumenter passer." in library_titles(client, type="spreadsheet")
    assert SECRET in library_titles(client, type="pdf")
    found = library_titles(client, q="referat")
    assert "Referat fra årsmøtet 2026" in found and SECRET not in found


def test_library_ignores_a_project_the_member_is_not_in(client, intranet_site):
    log_in(client, intranet_site.people["member_b"])
    project_a = ProjectSpacePage.objects.get(slug="sirkulaere-materialer")
    body = library_titles(client, project=project_a.pk)
    assert SECRET not in body
    assert intranet_site.documents.project_b.title in body


def test_library_is_newest_first_and_paginated(client, intranet_site):
    log_in(client, intranet_site.people["member"])
    collection = Collection.objects.get(name=MEMBERS_COLLECTION)
    for number in range(25):
        document = Document(title=f"Notat {number:02}", collection=collection)
        document.file.save(f"notat-{number}.pdf", SimpleUploadedFile("x.pdf", b"%PDF"))
    first = library_titles(client)
    assert first.index("Notat 24") < first.index("Notat 23")
    assert "Side 1 av 2" in first
    second = library_titles(client, page=2)
    assert "Notat 24" not in second and "Referat fra årsmøtet 2026" in second
    assert "Side 2 av 2" in library_titles(client, page=99)


@pytest.mark.parametrize(
    "query", ['"', "*", "(", "AND", "OR NOT", "'; DROP TABLE x; --", "ø" * 500, "a:b", "-"]
)
def test_odd_search_input_never_breaks_a_page(client, intranet_site, query):
    log_in(client, intranet_site.people["member_a"])
    assert client.get("/nb/intranett/", {"q": query}).status_code == 200
    assert (
        client.get(LIBRARY, {"q": query, "page": "x", "project": "y", "type": "z"}).status_code
        == 200
    )
