"""Uploads land in the right collection: privacy shown in the collection choice, and the
choosers opened from an intranet page's editor default to that section's collection.

Wagtail's document and image choosers know nothing of the page being edited; the
browser's `Referer` of the chooser request (the page editor's URL, sent with the
modal's fetch) tells us. Without it the chooser behaves as Wagtail's own.
"""

from urllib.parse import urlsplit

from django.urls import Resolver404, path, resolve
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import require_admin_access
from wagtail.documents.forms import BaseDocumentForm
from wagtail.documents.views.chooser import DocumentChooserViewSet, DocumentChooseView
from wagtail.documents.views.chooser import viewset as document_chooser_viewset
from wagtail.images.forms import BaseImageForm
from wagtail.images.views.chooser import ImageChooserViewSet, ImageChooseView
from wagtail.images.views.chooser import viewset as image_chooser_viewset
from wagtail.models import BaseViewRestriction, Collection, CollectionViewRestriction, Page

from intranet import access
from intranet.models import IntranetHomePage, ProjectSpacePage

# Wagtail admin views whose URL names the page being edited, or the new page's parent.
PAGE_EDITOR_VIEWS = {
    "wagtailadmin_pages:edit": "page_id",
    "wagtailadmin_pages:add": "parent_page_id",
}


def restriction_label(restriction):
    """How a collection's view restriction reads in a choice list."""
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return _("logged-in users only")
    names = {group.name for group in restriction.groups.all()}
    if access.MEMBERS_GROUP in names:
        return _("members only")
    if any(name.startswith(access.PROJECT_GROUP_PREFIX) for name in names):
        return _("project members only")
    return _("restricted")


def privacy_labels():
    """{collection path: label} for every restricted collection and its descendants,
    the deepest restriction winning (3 queries)."""
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    by_path = {
        r.collection.path: restriction_label(r) for r in restrictions.prefetch_related("groups")
    }
    labels = {}
    for collection in Collection.objects.only("path"):
        owners = [p for p in by_path if collection.path.startswith(p)]
        if owners:
            labels[collection.path] = by_path[max(owners, key=len)]
    return labels


class CollectionPrivacyLabels:
    """Form mixin: each collection choice says who may open what is put there,
    e.g. "Medlemmer (members only)"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("collection")
        if field is None:
            return
        labels = privacy_labels()
        plain_label = field.label_from_instance

        def label_from_instance(collection):
            label = labels.get(collection.path)
            name = plain_label(collection)
            return format_html("{} ({})", name, label) if label else name

        field.label_from_instance = label_from_instance
        field.help_text = _(
            "Files in a collection marked members only or project members only can be "
            "opened only by those people; everything else is public."
        )


class DocumentForm(CollectionPrivacyLabels, BaseDocumentForm):
    """The admin's document form (WAGTAILDOCS_DOCUMENT_FORM_BASE)."""


class ImageForm(CollectionPrivacyLabels, BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE)."""


def members_collection():
    """The shallowest collection restricted to the Members group, or None."""
    restriction = (
        CollectionViewRestriction.objects.filter(groups__name=access.MEMBERS_GROUP)
        .select_related("collection")
        .order_by("collection__depth")
        .first()
    )
    return restriction.collection if restriction else None


def upload_collection_for(page):
    """The collection an upload made while editing `page` belongs in, or None.

    A project space's page (or one below it) -> the project's collection; any other
    intranet page -> the members' collection; a public page -> None (Wagtail's default).
    """
    project = ProjectSpacePage.objects.ancestor_of(page, inclusive=True).first()
    if project is not None:
        return project.collection
    if IntranetHomePage.objects.ancestor_of(page, inclusive=True).exists():
        return members_collection()
    return None


def page_being_edited(request):
    """The page whose editor opened this chooser (from the Referer), or None."""
    referer = request.headers.get("referer", "")
    if not referer:
        return None
    try:
        match = resolve(urlsplit(referer).path)
    except Resolver404:
        return None
    kwarg = PAGE_EDITOR_VIEWS.get(match.view_name)
    if kwarg is None:
        return None
    return Page.objects.filter(pk=match.kwargs.get(kwarg)).first()


class SectionDefaultCollection:
    """Chooser view mixin: the upload tab starts in the edited page's section collection."""

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        if self.request.method == "GET":
            page = page_being_edited(self.request)
            collection = upload_collection_for(page) if page else None
            if collection is not None:
                kwargs["initial"] = {**kwargs.get("initial", {}), "collection": collection}
        return kwargs


class SectionDocumentChooseView(SectionDefaultCollection, DocumentChooseView):
    pass


class SectionImageChooseView(SectionDefaultCollection, ImageChooseView):
    pass


class SectionDocumentChooserViewSet(DocumentChooserViewSet):
    choose_view_class = SectionDocumentChooseView


class SectionImageChooserViewSet(ImageChooserViewSet):
    choose_view_class = SectionImageChooseView


def chooser_urlpatterns():
    """URL patterns that answer in place of Wagtail's chooser entry views, same paths.

    Included before Wagtail's admin URLs; Wagtail's URL names keep resolving to them.
    Outside Wagtail's admin URLconf, so the admin-access check is applied here.
    """
    documents = SectionDocumentChooserViewSet(
        document_chooser_viewset.name,
        model=document_chooser_viewset.model,
        url_prefix=document_chooser_viewset.url_prefix,
    )
    images = SectionImageChooserViewSet(
        image_chooser_viewset.name,
        model=image_chooser_viewset.model,
        url_prefix=image_chooser_viewset.url_prefix,
    )
    return [
        path(f"admin/{viewset.url_prefix}/", require_admin_access(viewset.choose_view))
        for viewset in (documents, images)
    ]
