from functools import reduce
from operator import or_

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from site_core import privacy
from site_core.page_mixins import IntroMixin
from site_core.pages import paginate
from site_core.search import clean_query

from .base import IntranetPage
from .file_types import DOCUMENT_TYPES
from .projects import ProjectSpacePage, link_histories

DOCUMENTS_PER_PAGE = 20


def filter_by_type(documents, type_key):
    _label, extensions = DOCUMENT_TYPES[type_key]
    return documents.filter(reduce(or_, (Q(file__iendswith=f".{ext}") for ext in extensions)))


class DocumentLibraryPage(IntroMixin, IntranetPage):
    """Every document the member may open: newest first, filterable and searchable."""

    content_panels = IntranetPage.content_panels + IntroMixin.intro_panels
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("document library")
        verbose_name_plural = _("document libraries")

    def get_listings(self, request):
        user = request.user
        spaces = ProjectSpacePage.objects.live().sibling_of(self).filter(locale=self.locale)
        projects = list(spaces.visible_to(user).select_related("collection").order_by("title"))
        documents = privacy.visible_documents(user).annotate(version_count=Count("versions"))

        project = next((p for p in projects if str(p.pk) == request.GET.get("project")), None)
        if project:
            documents = documents.filter(collection__path__startswith=project.collection.path)
        type_key = request.GET.get("type")
        if type_key in DOCUMENT_TYPES:
            documents = filter_by_type(documents, type_key)
        else:
            type_key = ""
        query = clean_query(request.GET.get("q", ""))
        if query:
            documents = documents.filter(title__icontains=query)

        documents = paginate(request, documents, DOCUMENTS_PER_PAGE)
        documents.object_list = link_histories(documents.object_list, projects)
        return {
            "projects": projects,
            "document_types": [(key, label) for key, (label, _ext) in DOCUMENT_TYPES.items()],
            "selected_project": project,
            "selected_type": type_key,
            "search_query": query,
            "documents": documents,
        }
