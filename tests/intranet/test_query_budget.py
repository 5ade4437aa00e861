"""Intranet pages render in a fixed number of queries (≤ 30), however much content exists."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.models import EventPage
from home.models.event_registrations import EventRegistration
from intranet import access
from intranet.demo import MEMBERS_COLLECTION, minimal_pdf
from intranet.models import (
    DocumentVersion,
    IntranetHomePage,
    JoinRequest,
    MemberNewsIndexPage,
    MemberNewsPage,
    MemberProfile,
    ProjectPost,
    ProjectSpacePage,
)
from intranet.models.documents import DOCUMENTS_PER_PAGE
from tests.factories import log_in

from .conftest import SECRET

pytestmark = pytest.mark.django_db

BUDGET = 30
PAGES = [
    "/nb/intranett/",
    "/en/intranet/",
    "/nb/intranett/nyheter/",
    "/nb/intranett/nyheter/arsmotet-2026/",
    "/nb/intranett/dokumenter/",
    "/nb/intranett/dokumenter/?type=pdf&q=r",
    "/nb/intranett/sirkulaere-materialer/",
    f"/nb/intranett/?q={SECRET}",
    "/nb/intranett/prosjekter/",
    "/en/intranet/projects/",
    # A public event taking sign-ups, as a member sees it (the dashboard lists "my events").
    "/nb/arrangementer/medlemsmote/",
    "/nb/intranett/min-konto/",
    "/en/intranet/my-account/",
    "/nb/intranett/personer/",
    "/en/intranet/people/?q=a",
]
# The directory and a profile grow with the members: 5 at first, then MEMBERS.
MEMBERS = 500


def project_a_pages():
    """The member-built pages of project A: its space (posts, documents with versions), a
    document's history and the leads' request list."""
    document = get_document_model().objects.get(title=f"{SECRET}: materialprøver")
    space = "/nb/intranett/sirkulaere-materialer/"
    return [
        space,
        f"{space}dokumenter/{document.pk}/",
        f"{space}foresporsler/",
        f"{space}last-opp/",
    ]


def queries(client, url):
    client.get(url)  # warm Wagtail's site and locale caches, as in production
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


def add_registrations(event, total, user=None):
    """Bring `event`'s registrations up to `total`; `user` is registered for the first."""
    EventPage.objects.filter(translation_key=event.translation_key).update(registration_open=True)
    existing = EventRegistration.objects.filter(event_key=event.translation_key).count()
    EventRegistration.objects.bulk_create(
        EventRegistration(
            event_key=event.translation_key,
            page=event,
            user=user if number == 0 else None,
            name=f"Deltaker {number}",
            email=f"deltaker{number}@example.no",
            company=f"Bedrift {number} AS",
            language="nb",
            status="confirmed" if number % 3 else "waiting",
        )
        for number in range(existing, total)
    )


def add_members(total):
    """Bring the members (group Members, a profile, projects A and B, e-mail shown) up to
    `total`."""
    User = get_user_model()
    members = Group.objects.get(name=access.MEMBERS_GROUP)
    projects = list(Group.objects.filter(name__startswith=access.PROJECT_GROUP_PREFIX)[:2])
    company = MemberProfile.objects.exclude(company=None).first().company
    start = User.objects.filter(groups=members).count()
    users = User.objects.bulk_create(
        User(username=f"person{n}", email=f"person{n}@example.no", first_name=f"Person {n}")
        for n in range(start, total)
    )
    users = User.objects.filter(username__in=[user.username for user in users])
    MemberProfile.objects.bulk_create(
        MemberProfile(user=user, company=company, show_email=True, phone="+47 900 00 000")
        for user in users
    )
    Membership = User.groups.through
    Membership.objects.bulk_create(
        Membership(user=user, group=group) for user in users for group in [members, *projects]
    )


def add_content(total):
    """Bring documents, news items, project spaces, the registrations of the event
    "medlemsmote" (and the project contributions below) up to `total` each."""
    member = get_user_model().objects.get(username="sirkel")
    add_registrations(EventPage.objects.get(slug="medlemsmote"), total, user=member)
    members_collection = Collection.objects.get(name=MEMBERS_COLLECTION)
    project_a = ProjectSpacePage.objects.get(slug="sirkulaere-materialer")
    Document = get_document_model()
    for number in range(Document.objects.count(), total):
        collection = project_a.collection if number % 2 else members_collection
        document = Document(title=f"Dokument {number} {SECRET}", collection=collection)
        document.file.save(f"dokument-{number}.pdf", ContentFile(minimal_pdf("x")), save=False)
        document.save()

    index = MemberNewsIndexPage.objects.get(locale__language_code="nb")
    for number in range(MemberNewsPage.objects.filter(locale=index.locale).count(), total):
        page = MemberNewsPage(
            title=f"Nyhet {number}", slug=f"nyhet-{number}", intro="Kort.",
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )  # fmt: skip
        index.add_child(instance=page)
        page.save_revision().publish()

    project_a_group = project_a.group
    for number in range(ProjectPost.objects.count(), total):
        ProjectPost.objects.create(
            group=project_a_group, author=member, title=f"Innlegg {number}", body="Tekst.",
            language="nb",
        )  # fmt: skip
    for number in range(JoinRequest.objects.count(), total):
        applicant = get_user_model().objects.create(
            username=f"soker-{number}", email=f"s{number}@example.no"
        )
        JoinRequest.objects.create(user=applicant, group=project_a_group, message="Hei.")
    document = Document.objects.get(title=f"{SECRET}: materialprøver")
    for number in range(document.versions.count() + 1, total + 1):
        DocumentVersion.objects.create(
            document=document, number=number, file=document.file.name, file_size=10,
            uploaded_by=member, note=f"Versjon {number}",
        )  # fmt: skip
        other = Document.objects.filter(collection=project_a.collection).exclude(pk=document.pk)
        other = other.order_by("-pk").first()  # versions of other documents too, for the library
        if other is not None:
            DocumentVersion.objects.create(
                document=other, number=number, file=other.file.name, file_size=10,
                uploaded_by=member,
            )  # fmt: skip

    home = IntranetHomePage.objects.get(locale__language_code="nb")
    for number in range(ProjectSpacePage.objects.filter(locale=home.locale).count(), total):
        group = Group.objects.create(name=f"Project: Prosjekt {number}")
        member.groups.add(group)
        space = ProjectSpacePage(
            title=f"Prosjekt {number}", slug=f"prosjekt-{number}", description="<p>Om.</p>",
            group=group, collection=members_collection.add_child(name=f"Prosjekt {number}"),
        )  # fmt: skip
        home.add_child(instance=space)
        space.save_revision().publish()


def add_many_rows(total):
    """Bring documents, versions (of project A's report), posts and join requests up to
    `total` in bulk: rows pointing at one stored file, no page published, so 500 of each
    take seconds."""
    member = get_user_model().objects.get(username="sirkel")
    project_a = ProjectSpacePage.objects.get(slug="sirkulaere-materialer")
    Document = get_document_model()
    report = Document.objects.get(title=f"{SECRET}: materialprøver")
    Document.objects.bulk_create(
        Document(title=f"Mange {number} {SECRET}", collection=project_a.collection,
                 file=report.file.name, file_size=10)
        for number in range(Document.objects.count(), total)
    )  # fmt: skip
    DocumentVersion.objects.bulk_create(
        DocumentVersion(document=report, number=number, file=report.file.name, file_size=10,
                        uploaded_by=member, note=f"Versjon {number}")
        for number in range(report.versions.count() + 1, total + 1)
    )  # fmt: skip
    ProjectPost.objects.bulk_create(
        ProjectPost(group=project_a.group, author=member, title=f"Innlegg {number}",
                    body="Tekst.", language="nb")
        for number in range(ProjectPost.objects.count(), total)
    )  # fmt: skip
    applicants = get_user_model().objects.bulk_create(
        get_user_model()(username=f"mange-{number}", email=f"mange{number}@example.no")
        for number in range(JoinRequest.objects.count(), total)
    )
    JoinRequest.objects.bulk_create(
        JoinRequest(user=applicant, group=project_a.group, message="Hei.")
        for applicant in get_user_model().objects.filter(pk__in=[a.pk for a in applicants])
    )


def test_intranet_pages_stay_within_budget_and_do_not_grow(client, intranet_site):
    member = log_in(client, intranet_site.people["lead_a"])
    add_registrations(EventPage.objects.get(slug="medlemsmote"), 5, user=member)
    pages = PAGES + project_a_pages()
    pages += [f"/nb/intranett/personer/{intranet_site.people['lead_a'].pk}/"]
    add_content(2)  # a few posts, join requests and versions (none at all skips queries)
    small = {url: queries(client, url) for url in pages}
    # More than a page of each listing (documents: 20 a page, news: 10), all projects shown.
    add_content(DOCUMENTS_PER_PAGE + 5)
    add_members(MEMBERS)
    large = {url: queries(client, url) for url in pages}
    # And 500 documents, versions, posts and join requests.
    add_many_rows(MEMBERS)
    many = {url: queries(client, url) for url in pages}
    print(
        f"queries with 5 / {DOCUMENTS_PER_PAGE + 5} / {MEMBERS} rows, 5 / {MEMBERS} members:",
        {url: (small[url], large[url], many[url]) for url in pages},
    )
    assert max(small.values()) <= BUDGET
    assert large == small
    assert many == small


def test_event_registration_pages_stay_within_budget_and_do_not_grow(client, intranet_site):
    """The event page and its participant list (50 a page) with 5 and with 500 registrations."""
    event = EventPage.objects.get(slug="medlemsmote")
    urls = [event.url, event.url + "participants/", "/nb/intranett/"]
    member = get_user_model().objects.get(username="sirkel")
    log_in(client, intranet_site.people["editor"])
    add_registrations(event, 5, user=member)
    small = {url: queries(client, url) for url in urls}
    add_registrations(event, 500)
    large = {url: queries(client, url) for url in urls}
    print("queries with 5 / 500 registrations:", {url: (small[url], large[url]) for url in urls})
    assert max(small.values()) <= BUDGET
    assert large == small
