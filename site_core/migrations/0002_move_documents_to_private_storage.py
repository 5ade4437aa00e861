"""Move every existing document (rows and files) to site_core.PrivateDocument.

Until now documents were Wagtail's own model with their files in the public media
folder, where a web server rule could serve them. Each row is copied with its id
(so StreamField blocks and attachments keep pointing at it), its file moved into the
private storage under a transliterated name, and its tags, permissions and reference
index entries re-pointed. intranet 0004 then moves the attachments' foreign key and
deletes the old rows. One-way: there is no public place to move the files back to.
"""

import logging
import posixpath

from django.core.files.storage import storages
from django.core.management.color import no_style
from django.db import migrations

from site_core.text import ascii_filename

logger = logging.getLogger("site_core")

DOCUMENT_PERMISSIONS = {
    "add_document": "Can add document",
    "change_document": "Can change document",
    "delete_document": "Can delete document",
    "view_document": "Can view document",
    "choose_document": "Can choose document",
}


def move_file(old_name):
    """Move one file from the public to the private storage; the new name, or None if the
    old file is missing (the row is kept with its old name, and the loss logged)."""
    public, private = storages["default"], storages["private"]
    if not old_name or not public.exists(old_name):
        logger.warning("Document file %r is missing; its row is moved without it", old_name)
        return None
    target = posixpath.join("documents", ascii_filename(old_name, fallback="document"))
    with public.open(old_name, "rb") as source:
        new_name = private.save(target, source)
    public.delete(old_name)
    return new_name


def repoint_permissions(apps, old_type, new_type):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    new_permissions = {
        codename: Permission.objects.get_or_create(
            content_type=new_type, codename=codename, defaults={"name": name}
        )[0]
        for codename, name in DOCUMENT_PERMISSIONS.items()
    }
    for grant in GroupCollectionPermission.objects.filter(permission__content_type=old_type):
        new = new_permissions.get(grant.permission.codename)
        if new:
            GroupCollectionPermission.objects.get_or_create(
                group_id=grant.group_id, collection_id=grant.collection_id, permission=new
            )
    for group in Group.objects.filter(permissions__content_type=old_type).distinct():
        codenames = group.permissions.filter(content_type=old_type).values_list(
            "codename", flat=True
        )
        group.permissions.add(*(new_permissions[c] for c in codenames if c in new_permissions))


def move_documents(apps, schema_editor):
    OldDocument = apps.get_model("wagtaildocs", "Document")
    NewDocument = apps.get_model("site_core", "PrivateDocument")
    ContentType = apps.get_model("contenttypes", "ContentType")
    old_type, _ = ContentType.objects.get_or_create(app_label="wagtaildocs", model="document")
    new_type, _ = ContentType.objects.get_or_create(
        app_label="site_core", model="privatedocument"
    )
    for old in OldDocument.objects.order_by("pk"):
        if NewDocument.objects.filter(pk=old.pk).exists():
            continue
        new = NewDocument(
            pk=old.pk,
            title=old.title,
            collection_id=old.collection_id,
            uploaded_by_user_id=old.uploaded_by_user_id,
            file_size=old.file_size,
            file_hash=old.file_hash,
        )
        new.file.name = move_file(old.file.name) or old.file.name
        new.save()
        # created_at is auto_now_add: put the original upload time back.
        NewDocument.objects.filter(pk=old.pk).update(created_at=old.created_at)

    TaggedItem = apps.get_model("taggit", "TaggedItem")
    TaggedItem.objects.filter(content_type=old_type).update(content_type=new_type)
    ReferenceIndex = apps.get_model("wagtailcore", "ReferenceIndex")
    for field in ("content_type", "base_content_type", "to_content_type"):
        ReferenceIndex.objects.filter(**{field: old_type}).update(**{field: new_type})
    repoint_permissions(apps, old_type, new_type)

    # New uploads must not collide with the ids just copied (PostgreSQL sequences).
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), [NewDocument]):
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0001_private_document"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailcore", "0098_apitoken"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(move_documents, elidable=False)]
