"""The move of existing documents to the private storage (site_core 0002, intranet 0004):
rows keep their ids, files leave the public folder, and every document still downloads."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import connection
from django.db.models import Max
from wagtail.documents.models import Document as WagtailDocument
from wagtail.models import GroupCollectionPermission

from site_core.models import PrivateDocument
from tests.conftest import body_of
from tests.factories import UserFactory, collection

pytestmark = pytest.mark.django_db

move = importlib.import_module("site_core.migrations.0002_move_documents_to_private_storage")
cleanup = importlib.import_module("intranet.migrations.0004_attachments_use_private_document")


def old_document(title, filename, content, collection, pk):
    """A document as it was before: a row of Wagtail's model, its file in public media."""
    name = storages["default"].save(f"documents/{filename}", ContentFile(content))
    document = WagtailDocument.objects.create(
        pk=pk, title=title, file=name, collection=collection, file_size=len(content)
    )
    return document, name


def run_migration():
    move.move_documents(apps, SimpleNamespace(connection=connection))
    cleanup.delete_old_documents(apps, None)


@pytest.fixture
def members(db):
    """The members' collection (restricted to Members and Editors), as the intranet has."""
    return collection("Medlemmer", groups=["Members", "Editors"])


def test_migration_moves_rows_files_tags_and_permissions(client, members, caplog):
    first_free = (PrivateDocument.objects.aggregate(Max("pk"))["pk__max"] or 0) + 100
    minutes, minutes_name = old_document(
        "Gammelt referat", "Referat fra årsmøtet.pdf", b"%PDF-1.4 referat", members, first_free
    )
    minutes.tags.add("årsmøte")
    lost, _ = old_document("Borte", "borte.pdf", b"%PDF-1.4 borte", members, first_free + 1)
    storages["default"].delete(lost.file.name)  # a row whose file was already gone
    created_at = minutes.created_at

    run_migration()

    assert not WagtailDocument.objects.exists()
    moved = PrivateDocument.objects.get(pk=minutes.pk)
    assert (moved.title, moved.collection, moved.created_at) == (
        "Gammelt referat", members, created_at
    )  # fmt: skip
    assert moved.file.name.startswith("documents/referat-fra-arsmotet")
    assert storages["private"].exists(moved.file.name)
    assert not storages["default"].exists(minutes_name), "the public copy must be gone"
    assert list(moved.tags.names()) == ["årsmøte"]
    assert PrivateDocument.objects.filter(pk=lost.pk).exists()
    assert "borte.pdf" in caplog.text

    editors_may_add = GroupCollectionPermission.objects.filter(
        group__name="Editors",
        permission__content_type__app_label="site_core",
        permission__codename="add_document",
    )
    assert editors_may_add.exists()

    assert client.get(moved.url).status_code == 302  # anonymous: to the login page
    client.force_login(UserFactory(groups=["Members"]))
    response = client.get(moved.url)
    assert response.status_code == 200
    assert body_of(response) == b"%PDF-1.4 referat"
    assert client.get(f"/media/{minutes_name}").status_code == 404


def test_migration_can_run_twice_without_copying_twice(members):
    first_free = (PrivateDocument.objects.aggregate(Max("pk"))["pk__max"] or 0) + 100
    old_document("Én gang", "en-gang.pdf", b"%PDF-1.4", members, first_free)
    run_migration()
    count = PrivateDocument.objects.count()
    run_migration()
    assert PrivateDocument.objects.count() == count


def test_new_uploads_after_the_migration_get_fresh_ids(members):
    first_free = (PrivateDocument.objects.aggregate(Max("pk"))["pk__max"] or 0) + 100
    old_document("Høy id", "hoy-id.pdf", b"%PDF-1.4", members, first_free)
    run_migration()
    new = PrivateDocument.objects.create(
        title="Ny", file=ContentFile(b"%PDF-1.4", name="ny.pdf"), collection=members
    )
    assert new.pk > first_free
