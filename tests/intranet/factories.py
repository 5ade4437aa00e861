"""Intranet test data: the member intranet of a bilingual site (tests/factories.
bilingual_site), project spaces with their groups and collections, member news, and the
people of the access model (members, project members, staff).

The helpers publish Norwegian pages and translate them with wagtail-localize; run them
inside tests.factories.as_committed. Publishing an intranet home page or a project space
puts its group restriction in place (intranet.signals), as it does for editors.
"""

import datetime
from types import SimpleNamespace

import factory

from intranet import access
from intranet.models import (
    AccountPage,
    DocumentLibraryPage,
    IntranetHomePage,
    MemberNewsAttachment,
    MemberNewsIndexPage,
    MemberNewsPage,
    MemberProfile,
    PeopleDirectoryPage,
    ProjectListPage,
    ProjectSpacePage,
    ProjectUpdate,
)
from site_core.text import ascii_slug
from tests.factories import (
    AdminFactory,
    DocumentFactory,
    EditorFactory,
    UserFactory,
    collection,
)
from tests.home.factories import MemberCompanyFactory, in_both_languages

SECRET = "Tindrefjell"  # project A's code name: whoever is not in project A must not see it


class MemberFactory(UserFactory):
    """A member of the intranet (group Members, `groups=` on top) with a profile:
    `profile__company=` (a Norwegian MemberCompany, made if not given) and
    `profile__preferred_language=` ("nb" by default)."""

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        for name in (access.MEMBERS_GROUP, *(names or ())):
            user.groups.add(access.group(name))

    @factory.post_generation
    def profile(user, create, extracted, company=None, preferred_language="nb", **kwargs):
        MemberProfile.objects.create(
            user=user,
            company=company or MemberCompanyFactory(),
            preferred_language=preferred_language,
        )


def intranet(site):
    """The member intranet under `site` (bilingual_site), in both languages: the dashboard
    ("intranett", "intranet"), member news ("nyheter", "news") and the document library
    ("dokumenter", "documents"), the people directory ("personer", "people"), the projects
    page ("prosjekter", "projects"), My account ("min-konto", "my-account") and the members'
    collection "Medlemmer".

    Returns SimpleNamespace(home=, news=, library=, people_page=, projects=, account=) each
    SimpleNamespace(nb=, en=), and `collection`.
    """
    home = IntranetHomePage(title="Intranett", slug="intranett", intro="Velkommen.")
    site.nb.add_child(instance=home)
    home = in_both_languages(
        home, {"Intranett": "Intranet", "intranett": "intranet", "Velkommen.": "Welcome."}
    )
    news = MemberNewsIndexPage(title="Medlemsnyheter", slug="nyheter")
    home.nb.add_child(instance=news)
    library = DocumentLibraryPage(title="Dokumenter", slug="dokumenter")
    home.nb.add_child(instance=library)
    people_page = PeopleDirectoryPage(title="Personer", slug="personer")
    home.nb.add_child(instance=people_page)
    account = AccountPage(title="Min konto", slug="min-konto")
    home.nb.add_child(instance=account)
    projects = ProjectListPage(title="Prosjekter", slug="prosjekter")
    home.nb.add_child(instance=projects)
    return SimpleNamespace(
        home=home,
        projects=in_both_languages(projects, {"Prosjekter": "Projects", "prosjekter": "projects"}),
        news=in_both_languages(news, {"Medlemsnyheter": "Member news", "nyheter": "news"}),
        library=in_both_languages(library, {"Dokumenter": "Documents", "dokumenter": "documents"}),
        people_page=in_both_languages(people_page, {"Personer": "People", "personer": "people"}),
        account=in_both_languages(account, {"Min konto": "My account", "min-konto": "my-account"}),
        collection=collection("Medlemmer", groups=[access.MEMBERS_GROUP, access.STAFF_GROUP]),
    )


def project_space(
    intranet, title, english, description="Om prosjektet.", updates=(), summary="Kort fortalt."
):
    """A project space under `intranet` (see `intranet()`) in both languages: the group
    "Project: <title>", a collection of that name inside the members' one (both closed to
    all but the project and staff), the page (slugs made from the titles) and `updates`
    ((date, Norwegian title, English title, Norwegian text, English text), ...); it accepts
    requests to join and shows `summary` on the projects page.

    `english` maps the Norwegian title, slug (ASCII, from the title), `description`
    (text) and `summary` to English.
    Returns SimpleNamespace(nb=, en=, group=, collection=).
    """
    group = access.group(f"{access.PROJECT_GROUP_PREFIX}{title}")
    locale = intranet.home.nb.locale
    space = ProjectSpacePage(
        title=title,
        slug=ascii_slug(title),
        description=f"<p>{description}</p>",
        summary=summary,
        accepts_join_requests=True,
        group=group,
        collection=collection(title, parent=intranet.collection),
        updates=[
            ProjectUpdate(date=date, title=nb_title, body=f"<p>{nb_text}</p>", locale=locale)
            for date, nb_title, _en_title, nb_text, _en_text in updates
        ],
    )
    intranet.home.nb.add_child(instance=space)
    strings = dict(english)
    for _date, nb_title, en_title, nb_text, en_text in updates:
        strings |= {nb_title: en_title, nb_text: en_text}
    pages = in_both_languages(space, strings)
    pages.group, pages.collection = group, space.collection
    return pages


def member_news(intranet, title, english, date=None, attachments=()):
    """A member news item in `intranet` (see `intranet()`) in both languages, with its
    `attachments` (documents): `english` maps the Norwegian title and slug (ASCII, from
    the title) to English; the intro is "Kort om saken." ("In short.").
    Returns SimpleNamespace(nb=, en=)."""
    page = MemberNewsPage(
        title=title,
        slug=ascii_slug(title),
        intro="Kort om saken.",
        date=date or datetime.date(2026, 11, 20),
        attachments=[MemberNewsAttachment(document=document) for document in attachments],
    )
    intranet.news.nb.add_child(instance=page)
    return in_both_languages(page, {"Kort om saken.": "In short.", **english})


def people(project_a, project_b):
    """One user per role of the access model (tests/conftest.ROLES): member (no project),
    member_a and member_b (in the groups named `project_a` and `project_b`; member_b
    prefers English), lead_a (member of project A and in its leads group), editor, admin;
    `anonymous` is None. Returns {role: user}."""
    return {
        "anonymous": None,
        "member": MemberFactory(username="medlem", first_name="Mona", last_name="Medlem"),
        "member_a": MemberFactory(
            username="sirkel",
            first_name="Sigrid",
            last_name="Sirkelsen",
            groups=[project_a],
        ),
        "member_b": MemberFactory(
            username="eksport",
            groups=[project_b],
            profile__preferred_language="en",
        ),
        "lead_a": MemberFactory(
            username="prosjektleder",
            first_name="Per",
            last_name="Prosjektleder",
            groups=[project_a, access.leads_group_name(project_a)],
        ),
        "editor": EditorFactory(),
        "admin": AdminFactory(),
    }


def intranet_with_projects(site):
    """The intranet of `site` with two projects and the people of `people`:

    - project A ("Sirkulære materialer", "Circular materials"): SECRET in its description,
      in an update and in the title of its one document;
    - project B ("Eksport til Storbritannia", "Export to the UK"): one update, one document;
    - a members' document "Referat fra årsmøtet 2026", attached to the member news item
      "Årsmøtet 2026" ("Annual meeting 2026"), and a public document in the public
      collection "Offentlige dokumenter".

    The people come first, as members join before the news that their digest brings.
    Returns the `intranet()` namespace with `project_a`, `project_b`, `people`,
    `news_item`, and `documents` (SimpleNamespace(project_a=, project_b=, members=, public=)).
    """
    prefix = access.PROJECT_GROUP_PREFIX
    team = people(f"{prefix}Sirkulære materialer", f"{prefix}Eksport til Storbritannia")
    built = intranet(site)
    built.project_a = project_space(
        built,
        "Sirkulære materialer",
        {
            "Sirkulære materialer": "Circular materials",
            "sirkulaere-materialer": "circular-materials",
            f"Pilotserien heter {SECRET}.": f"The pilot series is called {SECRET}.",
            "Gjenbruk av møbler og tekstiler.": "Reuse of furniture and textiles.",
        },
        summary="Gjenbruk av møbler og tekstiler.",
        description=f"Pilotserien heter {SECRET}.",
        updates=[
            (
                datetime.date(2026, 11, 18),
                "Første materialprøver er klare",
                "The first material samples are ready",
                f"{SECRET}-prøvene er testet.",
                f"The {SECRET} samples are tested.",
            )
        ],
    )
    built.project_b = project_space(
        built,
        "Eksport til Storbritannia",
        {
            "Eksport til Storbritannia": "Export to the UK",
            "eksport-til-storbritannia": "export-to-the-uk",
            "Om prosjektet.": "About the project.",
            "Kort fortalt.": "In short.",
        },
        updates=[
            (
                datetime.date(2026, 11, 12),
                "Markedsanalysen er ferdig",
                "The market analysis is done",
                "Størst interesse i London.",
                "Most interest in London.",
            )
        ],
    )
    built.documents = SimpleNamespace(
        project_a=DocumentFactory(
            title=f"{SECRET}: materialprøver", collection=built.project_a.collection
        ),
        project_b=DocumentFactory(
            title="Markedsanalyse Storbritannia", collection=built.project_b.collection
        ),
        members=DocumentFactory(title="Referat fra årsmøtet 2026", collection=built.collection),
        public=DocumentFactory(
            title="Klyngens strategi", collection=collection("Offentlige dokumenter")
        ),
    )
    built.news_item = member_news(
        built,
        "Årsmøtet 2026",
        {"Årsmøtet 2026": "Annual meeting 2026", "arsmotet-2026": "annual-meeting-2026"},
        attachments=[built.documents.members],
    )
    built.people = team
    return built
