"""Uploaded files: documents only through the checked document view, images through the
checked image view with far-future caching, names transliterated, failures explained."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from intranet.demo import MEMBERS_COLLECTION
from site_core.storages import PrivateFileSystemStorage
from site_core.text import ascii_filename, ascii_slug
from tests.conftest import body_of

pytestmark = pytest.mark.django_db

Document = get_document_model()
Image = get_image_model()
FAR_FUTURE = "public, max-age=31536000, immutable"
ROLES = ["anonymous", "member", "member_a", "editor", "admin"]


def png_bytes(colour="#1f3a34", size=(64, 48)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Referat fra årsmøtet.pdf", "referat-fra-arsmotet.pdf"),
        ("Materialprøver runde 1.PDF", "materialprover-runde-1.pdf"),
        ("Blåbær og Æbler.docx", "blabaer-og-aebler.docx"),
        ("ÆØÅ.xlsx", "aeoa.xlsx"),
        ("../../etc/passwd", "passwd"),
        ("«»!.pdf", "document.pdf"),
    ],
)
def test_file_names_are_transliterated_not_dropped(name, expected):
    assert ascii_filename(name, fallback="document") == expected


def test_ascii_slug_keeps_norwegian_letters_readable():
    assert ascii_slug("Frokostmøte: eksport til Tyskland") == "frokostmote-eksport-til-tyskland"


def test_document_files_live_in_the_private_storage_outside_media_root(intranet_site):
    private = storages["private"]
    assert isinstance(private, PrivateFileSystemStorage)
    media_root = Path(settings.MEDIA_ROOT).resolve()
    assert media_root not in Path(private.location).resolve().parents
    for document in Document.objects.all():
        assert isinstance(document.file.storage, PrivateFileSystemStorage)
        assert document.file.storage.location == private.location
        assert private.exists(document.file.name)
        assert not storages["default"].exists(document.file.name)
        with pytest.raises(NotImplementedError):
            document.file.url  # noqa: B018 - a private file has no URL


def stored_as(name, stem):
    """Whether a stored file name is `stem` plus the storage's optional collision suffix."""
    return re.fullmatch(rf"documents/{stem}(_[A-Za-z0-9]{{7}})?\.pdf", name) is not None


def test_demo_document_names_keep_the_norwegian_letters(demo):
    names = Document.objects.values_list("file", flat=True)
    assert any(stored_as(name, "referat-fra-arsmotet-2026") for name in names), names
    assert any(stored_as(name, "tindrefjell-materialprover-runde-1") for name in names), names


@pytest.mark.parametrize("role", ROLES)
def test_no_media_url_reaches_a_document_file(client, intranet_site, log_in_as, role):
    log_in_as(role)
    for document in Document.objects.all():
        for path in (
            f"/media/{document.file.name}",
            f"/media/documents/{document.filename}",
            f"/media/private/{document.file.name}",
            f"/media/../private-media/{document.file.name}",
            f"/media/images/../{document.file.name}",
        ):
            assert client.get(path).status_code == 404, path


def test_every_document_downloads_for_the_roles_its_collection_admits(
    client, intranet_site, log_in_as
):
    log_in_as("admin")
    for document in Document.objects.all():
        response = client.get(document.url)
        assert response.status_code == 200, document.title
        with document.file.open("rb") as stored:
            assert body_of(response) == stored.read()


def rendition_urls(html):
    return re.findall(r'src="(/media/images/[^"]+)"', html)


@pytest.mark.parametrize("path", ["/nb/", "/en/", "/nb/nyheter/"])
def test_public_image_renditions_are_served_with_far_future_caching(client, intranet_site, path):
    urls = rendition_urls(client.get(path).content.decode())
    assert urls, f"{path} shows no image"
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Cache-Control"] == FAR_FUTURE
        assert response["Content-Type"].startswith("image/")
        assert response["X-Content-Type-Options"] == "nosniff"
        name = url.removeprefix(settings.MEDIA_URL)
        with storages["default"].open(name) as stored:
            assert body_of(response) == stored.read()


def test_unknown_or_missing_image_files_are_404(client, intranet_site):
    image = Image.objects.first()
    assert client.get(f"/media/{image.file.name}").status_code == 200
    assert client.get("/media/images/nothing-here.png").status_code == 404
    assert client.get("/media/health_check_storage_test/x.txt").status_code == 404
    storages["default"].delete(image.file.name)
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_image_view_refuses_writes(client, intranet_site):
    image = Image.objects.first()
    assert client.post(f"/media/{image.file.name}").status_code == 405


def upload_document(client, title, filename, collection):
    return client.post(
        "/admin/documents/add/",
        {
            "title": title,
            "file": SimpleUploadedFile(filename, b"%PDF-1.4 " + title.encode()),
            "collection": collection.pk,
        },
    )


def test_uploaded_document_gets_a_transliterated_name_in_private_storage(
    client, intranet_site, log_in_as
):
    log_in_as("editor")
    members = Collection.objects.get(name=MEMBERS_COLLECTION)
    response = upload_document(client, "Årsmøtet", "Årsmøtet 2027 – referat.pdf", members)
    assert response.status_code == 302
    document = Document.objects.get(title="Årsmøtet")
    assert stored_as(document.file.name, "arsmotet-2027-referat"), document.file.name
    assert storages["private"].exists(document.file.name)
    assert client.get(f"/media/{document.file.name}").status_code == 404


@pytest.fixture
def broken_storage(monkeypatch):
    """Make a model's file storage fail every save, as a full disk or a dead S3 would."""

    def break_field_storage(model):
        def refuse(name, content):
            raise OSError("No space left on device")

        monkeypatch.setattr(model._meta.get_field("file").storage, "_save", refuse)

    return break_field_storage


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_document_upload_the_storage_refuses_explains_and_saves_nothing(
    client, intranet_site, log_in_as, language, caplog, broken_storage
):
    log_in_as("editor")
    client.cookies["django_language"] = language
    members = Collection.objects.get(name=MEMBERS_COLLECTION)
    before = Document.objects.count()
    broken_storage(Document)
    response = upload_document(client, "Tapt", "tapt.pdf", members)
    assert response.status_code == 503
    assert response["Retry-After"] == "120"
    text = {"nb": "Filen kunne ikke lagres", "en": "The file could not be stored"}[language]
    assert text in response.content.decode()
    assert Document.objects.count() == before
    assert "PRIVATE_MEDIA_ROOT" in caplog.text


def test_an_image_upload_the_storage_refuses_explains_and_saves_nothing(
    client, intranet_site, log_in_as, broken_storage
):
    log_in_as("editor")
    before = Image.objects.count()
    broken_storage(Image)
    response = client.post(
        "/admin/images/add/",
        {
            "title": "Tapt bilde",
            "file": SimpleUploadedFile("tapt.png", png_bytes()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 503
    assert Image.objects.count() == before


def test_image_files_do_not_vary_by_language(client, intranet_site):
    url = rendition_urls(client.get("/nb/").content.decode())[0]
    response = client.get(url, HTTP_ACCEPT_LANGUAGE="en")
    assert "Accept-Language" not in response.get("Vary", "")
    assert "Content-Language" not in response


def test_an_image_file_costs_two_queries(client, intranet_site, django_assert_num_queries):
    """The rendition (with its image and collection) and the collection's restrictions."""
    url = rendition_urls(client.get("/nb/").content.decode())[0]
    with django_assert_num_queries(2):
        assert client.get(url).status_code == 200
