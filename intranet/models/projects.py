import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Count
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import filesizeformat
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from intranet import access, contributions, join_requests
from intranet.project_forms import DecisionForm, PostForm, UploadForm
from site_core import privacy
from site_core.pages import paginate

from .base import IntranetPage, IntranetRoutablePage
from .contributions import JoinRequest

POSTS_PER_PAGE = 10


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")


def page_urls(page, route=None, *args):
    """{language code: absolute URL} of `page`'s live translations (itself included), or
    of their sub-view `route` (with `args`), each in its language."""
    urls = {}
    for translated in page.get_translations(inclusive=True).live().specific():
        language = translated.locale.language_code
        with translation.override(language):
            url = translated.get_full_url()
            if route:
                url = url.rstrip("/") + "/" + translated.reverse_subpage(route, args=args)
        urls[language] = url
    return urls


def link_histories(documents, spaces):
    """Give each of `documents` (with `version_count`) the URL of its history in the
    project space among `spaces` (with their collections) that holds it, as
    `history_url`; a document of no project gets none. Returns `documents` as a list."""
    documents = list(documents)
    for document in documents:
        document.version_count = max(document.version_count, 1)
        space = next(
            (s for s in spaces if document.collection.path.startswith(s.collection.path)), None
        )
        if space is not None:
            document.history_url = space.url + space.reverse_subpage(
                "document_history", args=[document.pk]
            )
    return documents


def forbidden(request):
    """The intranet's 403 page, as privacy refuses a page: it names nothing of what was
    asked for (no page in its context, so no link to it either)."""
    return render(request, "intranet/forbidden.html", status=403)


class ProjectSpacePage(IntranetRoutablePage):
    """The working space of one project: description, people, updates and files.

    Only the project's group (and staff) may open it: the restriction on the
    page and on its document collection is enforced on every publish. Its members post
    updates and upload documents here (sub-views below); its leads and staff decide the
    requests to join it.
    """

    description = RichTextField(_("description"), help_text=_("What the project is about."))
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.ACTIVE
    )
    group = models.ForeignKey(
        "auth.Group",
        verbose_name=_("project group"),
        on_delete=models.PROTECT,
        related_name="project_spaces",
        help_text=_('The group of the project\'s members, named "Project: <name>".'),
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("document collection"),
        on_delete=models.PROTECT,
        related_name="project_spaces",
        help_text=_("The collection holding the project's documents, inside the members' one."),
    )
    summary = models.CharField(
        _("public summary"),
        max_length=300,
        blank=True,
        help_text=_(
            "One or two plain sentences every member sees on the projects page, also those "
            "outside the project. Never anything confidential: the description stays inside."
        ),
    )
    accepts_join_requests = models.BooleanField(
        _("accepts join requests"),
        default=False,
        help_text=_(
            "List the project on the projects page, where members can ask to join it; "
            "its leads and staff decide."
        ),
    )

    shown_on_company_pages = models.BooleanField(
        _("public project"),
        default=False,
        help_text=_(
            "Show the project's name and public summary on the public page of each member "
            "company taking part (a company takes part when one of its people is in the "
            "project's group). Leave unticked while the project is confidential."
        ),
    )

    content_panels = IntranetPage.content_panels + [
        FieldPanel("description"),
        FieldPanel("summary"),
        FieldPanel("status"),
        FieldPanel("accepts_join_requests"),
        FieldPanel("shown_on_company_pages"),
        FieldPanel("group"),
        FieldPanel("collection"),
        InlinePanel("updates", label=_("Updates")),
    ]
    search_fields = IntranetPage.search_fields + [
        index.SearchField("description"),
        index.RelatedFields("updates", [index.SearchField("title"), index.SearchField("body")]),
    ]
    parent_page_types = ["intranet.IntranetHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("project space")
        verbose_name_plural = _("project spaces")

    def required_groups(self):
        return access.project_groups(self.group)

    def members(self):
        """The active members of the project, with their companies."""
        return (
            get_user_model()
            .objects.filter(groups=self.group_id, is_active=True)
            .select_related("member_profile__company")
            .order_by("first_name", "last_name")
        )

    def documents(self, user):
        """The documents of the project's collection `user` may open, newest first, each
        with `version_count` (its uploaded versions)."""
        return (
            privacy.visible_documents(user)
            .filter(collection__path__startswith=self.collection.path)
            .annotate(version_count=Count("versions"))
        )

    def render_subview(self, request, template, context):
        """Render a sub-view's `template` with `context`, without the space's own listings
        (people, posts, documents), which only the space's main view shows."""
        request.project_subview = True
        return self.render(request, template=template, context_overrides=context)

    def get_listings(self, request):
        if getattr(request, "project_subview", False):
            return {}
        user = request.user
        people = list(self.members())
        companies = (self._company(person) for person in people)
        posts = self.group.project_posts.select_related("author__member_profile__company")
        return {
            "people": people,
            "companies": sorted({company.name for company in companies if company}),
            "updates": self.updates.order_by("-date", "sort_order"),
            "documents": link_histories(self.documents(user), [self]),
            "posts": paginate(request, posts, POSTS_PER_PAGE),
            "post_form": PostForm(),
            "is_project_member": self.group_id in privacy.user_group_ids(user),
            "can_decide": join_requests.can_decide(user, self.group),
            "pending_requests": JoinRequest.objects.filter(
                group_id=self.group_id, status=JoinRequest.Status.PENDING
            ).count(),
        }

    @path("")
    def space(self, request):
        return self.render(request)

    @path(_("post/"), name="post")
    def add_post(self, request):
        """Add a member's post (POST); a form with errors is shown again, as typed."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        form = PostForm(request.POST)
        if not form.is_valid():
            return self.render(request, context_overrides={"post_form": form})
        contributions.add_post(
            self.group,
            request.user,
            form.cleaned_data["title"],
            form.cleaned_data["body"],
            translation.get_language(),
        )
        messages.success(request, gettext("Your post is published in the project space."))
        return redirect(self.url + "#project-posts")

    def upload_form(self, request, data=None, files=None):
        documents = self.documents(request.user).order_by("title")
        initial = {}
        if request.method == "GET" and request.GET.get("document", "").isdigit():
            initial["replaces"] = documents.filter(pk=request.GET["document"]).first()
        return UploadForm(
            data,
            files,
            documents=documents,
            limit_label=filesizeformat(settings.INTRANET_UPLOAD_MAX_BYTES),
            initial=initial,
        )

    @path(_("upload/"), name="upload")
    def upload(self, request):
        """The upload form (GET) and the upload (POST): checked before anything is stored
        (intranet.files), then kept in the project's collection."""
        if request.method == "POST":
            form = self.upload_form(request, request.POST, request.FILES)
            if form.is_valid():
                data = form.cleaned_data
                version = contributions.store_upload(
                    self.collection,
                    request.user,
                    data["file"],
                    title=data["title"],
                    note=data["note"],
                    replaces=data["replaces"],
                )
                messages.success(
                    request,
                    gettext("“%(title)s” is uploaded (version %(number)d).")
                    % {"title": version.document.title, "number": version.number},
                )
                return redirect(self.url + "#project-documents")
        else:
            form = self.upload_form(request)
        return self.render_subview(request, "intranet/project_upload.html", {"form": form})

    def visible_document(self, request, document_id):
        """The project's document `document_id` if `request.user` may open it, else 404."""
        return get_object_or_404(self.documents(request.user), pk=document_id)

    @path(_("documents/<int:document_id>/"), name="document_history")
    def document_history(self, request, document_id):
        """A document's versions, newest first, each downloadable."""
        document = self.visible_document(request, document_id)
        versions = document.versions.select_related("uploaded_by")
        return self.render_subview(
            request,
            "intranet/document_history.html",
            {"document": document, "versions": versions},
        )

    @path(_("documents/<int:document_id>/versions/<int:number>/"), name="document_version")
    def document_version(self, request, document_id, number):
        """One version's file, after the document's collection privacy (as Wagtail's own
        document view checks it)."""
        documents = get_document_model().objects.filter(
            collection__path__startswith=self.collection.path
        )
        document = get_object_or_404(documents.select_related("collection"), pk=document_id)
        version = get_object_or_404(document.versions, number=number)
        return contributions.version_response(request, version)

    @path(_("leave/"), name="leave")
    def leave(self, request):
        """Leave the project (POST): access to the space and its files ends at once."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        join_requests.leave(request.user, self.group)
        messages.success(request, gettext("You have left %(project)s.") % {"project": self.title})
        home = self.intranet_home()
        return redirect(home.url if home else "/")

    @path(_("requests/"), name="join_requests")
    def request_list(self, request):
        """The requests to join this project, for its leads and staff: pending ones to
        decide, and the latest decided."""
        if not join_requests.can_decide(request.user, self.group):
            return forbidden(request)
        requests = JoinRequest.objects.filter(group_id=self.group_id).select_related(
            "user__member_profile__company", "decided_by"
        )
        pending = requests.filter(status=JoinRequest.Status.PENDING).order_by("created_at")
        return self.render_subview(
            request,
            "intranet/join_requests.html",
            {
                "pending": pending,
                "decided": requests.exclude(status=JoinRequest.Status.PENDING).order_by(
                    "-decided_at"
                )[:20],
            },
        )

    @path(_("requests/<int:request_id>/"), name="decide")
    def decide_request(self, request, request_id):
        """Approve or decline a request (POST), by the project's leads or staff only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if not join_requests.can_decide(request.user, self.group):
            return forbidden(request)
        join_request = get_object_or_404(
            JoinRequest.objects.select_related("user__member_profile", "group"),
            pk=request_id,
            group_id=self.group_id,
        )
        form = DecisionForm(request.POST)
        if not form.is_valid():
            raise Http404
        approve = form.cleaned_data["decision"] == "approve"
        if join_requests.decide(join_request, request.user, approve, page_urls(self)):
            text = (
                gettext("%(name)s is now a member of the project.")
                if approve
                else gettext("The request from %(name)s is declined.")
            )
            messages.success(
                request, text % {"name": join_requests.display_name(join_request.user)}
            )
        else:
            messages.info(request, gettext("This request was already decided."))
        return redirect(self.url + self.reverse_subpage("join_requests"))

    @staticmethod
    def _company(user):
        profile = getattr(user, "member_profile", None)
        return profile.company if profile else None


class ProjectUpdate(TranslatableMixin, Orderable):
    """A dated post inside a project space (translated with its page)."""

    page = ParentalKey(ProjectSpacePage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=datetime.date.today)
    title = models.CharField(_("title"), max_length=200)
    body = RichTextField(_("text"))
    # When the update first went live; the digest sends updates newer than the last digest.
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [FieldPanel("date"), FieldPanel("title"), FieldPanel("body")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("project update")
        verbose_name_plural = _("project updates")

    def __str__(self):
        return self.title
