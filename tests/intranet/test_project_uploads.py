"""Members upload documents to their project space (issue 16 point 4): checked before
anything is stored (type, content, size, ClamAV), kept in the project's collection, and
versioned, with older versions downloadable by those who may open the document."""

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from wagtail.documents import get_document_model

from intranet.demo import minimal_pdf
from intranet.models import DocumentVersion
from site_core import personal_data

from .clamav import EICAR

pytestmark = pytest.mark.django_db

Document = get_document_model()
SPACE_A = {"nb": "/nb/intranett/sirkulaere-materialer/", "en": "/en/intranet/circular-materials/"}
UPLOAD_A = {"nb": SPACE_A["nb"] + "last-opp/", "en": SPACE_A["en"] + "upload/"}
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def stored_files():
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return sorted(str(p) for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload(client, name, content, language="nb", content_type=None, **data):
    file = SimpleUploadedFile(name, content, content_type=content_type or "application/pdf")
    return client.post(UPLOAD_A[language], {"file": file, **data})


def test_a_member_uploads_a_document_into_the_projects_collection(client, intranet_site, log_in_as):
    user = log_in_as("member_a")
    response = upload(client, "plan.pdf", minimal_pdf("Plan"), title="Arbeidsplan", note="Utkast")
    assert response.status_code == 302
    document = Document.objects.get(title="Arbeidsplan")
    assert document.collection == intranet_site.project_a.collection
    assert document.uploaded_by_user == user
    [version] = document.versions.all()
    assert (version.number, version.note, version.uploaded_by) == (1, "Utkast", user)
    space = client.get(SPACE_A["nb"]).content.decode()
    assert "Arbeidsplan" in space
    # Only the project's people may open it.
    log_in_as("member_b")
    assert client.get(document.url).status_code == 403


BAD_FILES = {
    "wrong extension": ("program.exe", b"MZ" + b"\x00" * 100, "application/pdf"),
    "spoofed content type": ("rapport.pdf", PNG, "application/pdf"),
    "text that is binary": ("liste.csv", b"a,b\x00\x01", "text/csv"),
    "docx that is a plain zip": ("notat.docx", None, "application/msword"),
}
MESSAGES = {
    "wrong extension": ("Filer av denne typen kan ikke lastes opp", "Files of this type cannot"),
    "spoofed content type": ("Innholdet i filen stemmer ikke", "The file's content does not"),
    "text that is binary": ("Innholdet i filen stemmer ikke", "The file's content does not"),
    "docx that is a plain zip": ("Innholdet i filen stemmer ikke", "The file's content does not"),
}


def plain_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "hei")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("liste.csv", "navn;by\nØyvind;Ålesund\n".encode("utf-8-sig")),
        # Excel's "Unicode text" and Windows' "Unicode" files: UTF-16 with a byte order mark.
        ("liste.csv", "navn;by\nØyvind;Ålesund\n".encode("utf-16")),
        ("notat.txt", "Møtet er flyttet.".encode("utf-16-be").join([b"\xfe\xff", b""])),
    ],
)
def test_text_files_in_any_common_encoding_are_accepted(
    client, intranet_site, log_in_as, name, content
):
    log_in_as("member_a")
    response = upload(client, name, content, content_type="text/plain", title="Liste")
    assert response.status_code == 302
    assert Document.objects.filter(title="Liste").exists()


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_in_the_members_language_and_nothing_is_stored(
    client, intranet_site, log_in_as, case, language
):
    log_in_as("member_a")
    name, content, content_type = BAD_FILES[case]
    before_files, before_documents = stored_files(), Document.objects.count()
    response = upload(
        client, name, content or plain_zip(), language, content_type, title="Min tittel"
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert MESSAGES[case][0 if language == "nb" else 1] in body.replace("&#x27;", "'")
    assert 'value="Min tittel"' in body  # what was typed is kept
    assert stored_files() == before_files
    assert Document.objects.count() == before_documents
    assert not DocumentVersion.objects.exists()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_file_over_the_limit_is_refused(client, intranet_site, log_in_as, settings, language):
    settings.INTRANET_UPLOAD_MAX_BYTES = 1000
    log_in_as("member_a")
    before = stored_files()
    response = upload(client, "stor.pdf", minimal_pdf("x" * 2000), language)
    expected = {"nb": "Filen er for stor", "en": "The file is too large"}[language]
    assert expected in response.content.decode()
    assert stored_files() == before
    assert not DocumentVersion.objects.exists()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_an_infected_file_is_refused_and_a_clean_one_accepted(
    client, intranet_site, log_in_as, virus_scanner, language
):
    log_in_as("member_a")
    before = stored_files()
    response = upload(client, "virus.txt", EICAR, language, "text/plain")
    expected = {"nb": "Virusskanneren fant skadelig programvare", "en": "The virus scanner found"}
    assert expected[language] in response.content.decode()
    assert stored_files() == before
    assert not Document.objects.filter(title="virus.txt").exists()

    assert (
        upload(client, "ren.txt", b"Helt vanlig tekst.\n", language, "text/plain").status_code
        == 302
    )
    assert Document.objects.filter(title="ren.txt").exists()


def test_an_unreachable_scanner_stores_nothing(client, intranet_site, log_in_as, settings):
    settings.CLAMD_TCP_ADDR, settings.CLAMD_TCP_PORT = "127.0.0.1", 9  # nothing listens
    log_in_as("member_a")
    response = upload(client, "plan.pdf", minimal_pdf("Plan"))
    assert "kunne ikke sjekkes for virus" in response.content.decode()
    assert not DocumentVersion.objects.exists()


def test_a_member_of_b_cannot_upload_to_a(client, intranet_site, log_in_as):
    log_in_as("member_b")
    before = stored_files()
    assert upload(client, "plan.pdf", minimal_pdf("Plan")).status_code == 403
    assert client.get(UPLOAD_A["nb"]).status_code == 403
    assert stored_files() == before
    assert not DocumentVersion.objects.exists()


def test_a_new_version_keeps_the_old_one_downloadable(client, intranet_site, log_in_as):
    user = log_in_as("member_a")
    upload(client, "plan.pdf", minimal_pdf("Forste utgave"), title="Plan")
    document = Document.objects.get(title="Plan")
    log_in_as("lead_a")
    response = upload(
        client, "plan-v2.pdf", minimal_pdf("Andre utgave"), replaces=document.pk, note="Rettet"
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Plan").count() == 1
    document.refresh_from_db()
    with document.file.open("rb") as current:
        assert b"Andre utgave" in current.read()

    history_url = f"{SPACE_A['nb']}dokumenter/{document.pk}/"
    history = client.get(history_url).content.decode()
    assert "Versjon 2" in history and "Versjon 1" in history and "Rettet" in history
    assert "Sigrid Sirkelsen" in history and "Per Prosjektleder" in history
    library = client.get("/nb/intranett/dokumenter/").content.decode()
    assert history_url in library and "2 versjoner" in library

    old = client.get(f"{history_url}versjoner/1/")
    assert old.status_code == 200
    assert b"Forste utgave" in b"".join(old.streaming_content)
    assert "no-store" in old["Cache-Control"] and "private" in old["Cache-Control"]
    assert "attachment" in old["Content-Disposition"]

    log_in_as("member_b")
    assert client.get(f"{history_url}versjoner/1/").status_code == 403
    log_in_as("member")
    assert client.get(f"{history_url}versjoner/1/").status_code == 403
    # The uploads are the uploader's personal data.
    found = dict((kind.key, records) for kind, records in personal_data.find(user.email))
    assert [v.number for v in found["project-uploads"]] == [1]


def test_an_admin_document_gets_its_file_as_version_one(client, intranet_site, log_in_as):
    document = intranet_site.documents.project_a
    log_in_as("member_a")
    upload(client, "ny.pdf", minimal_pdf("Ny"), replaces=document.pk)
    assert list(document.versions.values_list("number", flat=True)) == [2, 1]


def test_erasing_a_members_uploads_removes_old_files_and_keeps_the_document(
    client, intranet_site, log_in_as
):
    log_in_as("member_a")
    upload(client, "plan.pdf", minimal_pdf("Forste"), title="Plan")
    document = Document.objects.get(title="Plan")
    log_in_as("lead_a")
    upload(client, "plan.pdf", minimal_pdf("Andre"), replaces=document.pk)
    first = document.versions.get(number=1)
    old_file = Path(settings.PRIVATE_MEDIA_ROOT) / first.file.name
    assert old_file.exists()
    member = intranet_site.people["member_a"]
    with TestCase.captureOnCommitCallbacks(execute=True):
        counts = personal_data.erase(member.email, intranet_site.people["admin"])
    assert counts["project-uploads"] == 1
    assert not old_file.exists()
    document.refresh_from_db()
    assert Path(settings.PRIVATE_MEDIA_ROOT, document.file.name).exists()
    assert list(document.versions.values_list("number", flat=True)) == [2]


def test_a_new_version_cannot_replace_another_projects_document(client, intranet_site, log_in_as):
    log_in_as("lead_a")
    other = intranet_site.documents.project_b
    response = upload(client, "ny.pdf", minimal_pdf("Ny"), replaces=other.pk)
    assert response.status_code == 200
    assert "Velg et gyldig valg" in response.content.decode()
    assert not DocumentVersion.objects.exists()
    other.refresh_from_db()
    assert other.collection == intranet_site.project_b.collection


def test_another_projects_document_is_not_reachable_through_a_space(
    client, intranet_site, log_in_as
):
    log_in_as("member_b")
    upload_b = "/nb/intranett/eksport-til-storbritannia/last-opp/"
    client.post(upload_b, {"file": SimpleUploadedFile("b.pdf", minimal_pdf("B"))})
    document = Document.objects.get(title="b.pdf")
    log_in_as("admin")  # may open both spaces, yet B's document is not A's
    assert client.get(f"{SPACE_A['nb']}dokumenter/{document.pk}/").status_code == 404
    assert client.get(f"{SPACE_A['nb']}dokumenter/{document.pk}/versjoner/1/").status_code == 404
