"""Demo content for the member intranet, in Norwegian with English translations.

Fictional companies, people and projects. Project A ("Sirkulære materialer")
carries the code name Tindrefjell in its description, an update and a
document: the access tests look for that word where it must not appear.
"""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from home.demo import load_demo_registrations
from home.models import EventIndexPage, EventPage, HomePage, MemberCompany
from home.models.event_registrations import EventRegistration
from intranet import access
from intranet.contributions import store_upload
from intranet.models import (
    AccountPage,
    DocumentLibraryPage,
    IntranetHomePage,
    JoinRequest,
    MemberNewsAttachment,
    MemberNewsIndexPage,
    MemberNewsPage,
    MemberProfile,
    PeopleDirectoryPage,
    ProjectListPage,
    ProjectPost,
    ProjectSpacePage,
    ProjectStatus,
    ProjectUpdate,
)
from site_core.demo import ensure_child_page, publish_translation

PROJECT_A_CODE_NAME = "Tindrefjell"

# username: (member company from the public directory's demo content, preferred language,
# what the people directory shows: job title, phone, show e-mail, show phone);
# the users themselves are in site_core.demo.DEMO_USERS.
PROFILES = {
    "medlem": ("Fjordlys Møbler AS", "nb", "Daglig leder", "+47 911 22 333", False, False),
    "sirkel": ("Vevstua Tekstil AS", "nb", "Designer", "+47 922 33 444", False, True),
    "eksport": ("Lyngstad Interiør AS", "en", "Export manager", "+44 20 7946 0000", True, True),
    "prosjektleder": ("Fjordlys Møbler AS", "nb", "Prosjektleder", "+47 933 44 555", True, False),
}

PROJECTS = [
    {
        "group": "Project: Sirkulære materialer",
        "nb": {
            "title": "Sirkulære materialer",
            "slug": "sirkulaere-materialer",
            "description": (
                "<p>Prosjektet utvikler materialkretsløp der møbler og tekstiler kan tas tilbake, "
                "repareres og brukes på nytt.</p><p>Pilotserien har arbeidsnavnet Tindrefjell.</p>"
            ),
            "summary": "Møbler og tekstiler som tas tilbake, repareres og brukes på nytt.",
        },
        "en": {
            "Sirkulære materialer": "Circular materials",
            "sirkulaere-materialer": "circular-materials",
            "Prosjektet utvikler materialkretsløp der møbler og tekstiler kan tas tilbake, "
            "repareres og brukes på nytt.": "The project develops material loops in which "
            "furniture and textiles can be taken back, repaired and used again.",
            "Pilotserien har arbeidsnavnet Tindrefjell.": (
                "The pilot series has the working name Tindrefjell."
            ),
            "Møbler og tekstiler som tas tilbake, repareres og brukes på nytt.": (
                "Furniture and textiles that are taken back, repaired and used again."
            ),
        },
        "updates": [
            (
                datetime.date(2026, 11, 18),
                "Første materialprøver er klare", "The first material samples are ready",
                "Tindrefjell-prøvene er testet for slitestyrke. Rapporten ligger under dokumenter.",
                "The Tindrefjell samples have been tested for wear resistance. "
                "The report is under documents.",
            ),
            (
                datetime.date(2026, 10, 2),
                "Oppstartsmøte", "Kick-off meeting",
                "Prosjektgruppen møttes i Ålesund og fordelte arbeidspakkene.",
                "The project group met in Ålesund and divided the work packages.",
            ),
        ],
        "documents": ["Tindrefjell: materialprøver, runde 1"],
    },
    {
        "group": "Project: Eksport til Storbritannia",
        "nb": {
            "title": "Eksport til Storbritannia",
            "slug": "eksport-til-storbritannia",
            "description": (
                "<p>Prosjektet hjelper medlemmene inn i det britiske markedet med felles "
                "markedsanalyse, messedeltakelse og partnersøk.</p>"
            ),
            "summary": "Felles markedsanalyse, messer og partnersøk i Storbritannia.",
            # Public: its member companies' pages name it (project A stays confidential).
            "shown_on_company_pages": True,
        },
        "en": {
            "Eksport til Storbritannia": "Export to the UK",
            "eksport-til-storbritannia": "export-to-the-uk",
            "Prosjektet hjelper medlemmene inn i det britiske markedet med felles "
            "markedsanalyse, messedeltakelse og partnersøk.": "The project helps members into "
            "the British market with a joint market analysis, trade fair participation and "
            "partner search.",
            "Felles markedsanalyse, messer og partnersøk i Storbritannia.": (
                "A joint market analysis, trade fairs and partner search in the UK."
            ),
        },
        "updates": [
            (
                datetime.date(2026, 11, 12),
                "Markedsanalysen er ferdig", "The market analysis is done",
                "Analysen viser størst interesse for interiørprodukter i London og Manchester.",
                "The analysis shows the greatest interest in interior products in London and "
                "Manchester.",
            ),
            (
                datetime.date(2026, 10, 15),
                "Messebesøk i London", "Trade fair visit in London",
                "Fire medlemsbedrifter besøkte messen sammen med prosjektlederen.",
                "Four member companies visited the fair with the project manager.",
            ),
        ],
        "documents": ["Markedsanalyse: interiør i Storbritannia"],
    },
]  # fmt: skip

MEMBERS_COLLECTION = "Medlemmer"
PUBLIC_COLLECTION = "Offentlige dokumenter"
MEMBER_DOCUMENTS = ["Referat fra årsmøtet 2026", "Medlemshåndbok 2026"]
PUBLIC_DOCUMENTS = ["Klyngens strategi 2026–2030"]

NEWS = [
    # date, slug nb/en, title nb/en, intro nb/en, body nb/en
    (
        datetime.date(2026, 11, 20), ("arsmotet-2026", "annual-meeting-2026"),
        ("Årsmøtet 2026: ny strategi vedtatt", "Annual meeting 2026: new strategy adopted"),
        ("Årsmøtet vedtok klyngens strategi for 2026–2030 og valgte nytt styre.",
         "The annual meeting adopted the cluster's strategy for 2026–2030 and elected a new "
         "board."),
        ("Referatet ligger som vedlegg. Takk til alle som deltok i Oslo.",
         "The minutes are attached. Thank you to everyone who took part in Oslo."),
    ),
    (
        datetime.date(2026, 11, 5), ("nce-soknad", "nce-application"),
        ("Klyngen søker NCE-status", "The cluster applies for NCE status"),
        ("Styret har besluttet å søke om status som Norwegian Centre of Expertise.",
         "The board has decided to apply for Norwegian Centre of Expertise status."),
        ("Søknaden sendes i vår. Medlemmene blir invitert til et innspillsmøte.",
         "The application goes out in the spring. Members will be invited to a consultation "
         "meeting."),
    ),
    (
        datetime.date(2026, 10, 22), ("esca-gjennomgang", "esca-review"),
        ("Ny ESCA-gjennomgang neste år", "New ESCA review next year"),
        ("Klyngen har Bronze Label i Cluster Management Excellence og forbereder neste "
         "gjennomgang.",
         "The cluster holds the Bronze Label in Cluster Management Excellence and is preparing "
         "the next review."),
        ("Gjennomgangen dekker 36 indikatorer i seks områder.",
         "The review covers 36 indicators in six areas."),
    ),
    (
        datetime.date(2026, 10, 8), ("nye-medlemmer", "new-members"),
        ("Velkommen til tre nye medlemmer", "Welcome to three new members"),
        ("Tre merkevareeiere innen møbler og tekstil har blitt med i klyngen i høst.",
         "Three brand owners in furniture and textiles joined the cluster this autumn."),
        ("De nye medlemmene presenterer seg på neste medlemsmøte.",
         "The new members will introduce themselves at the next members' meeting."),
    ),
    (
        datetime.date(2026, 9, 24), ("medlemshandbok", "members-handbook"),
        ("Medlemshåndboken er oppdatert", "The members' handbook is updated"),
        ("Håndboken beskriver tilbudene, møteplassene og hvordan du bruker intranettet.",
         "The handbook describes the services, the meeting places and how to use the intranet."),
        ("Du finner den i dokumentbiblioteket.", "You will find it in the document library."),
    ),
    (
        datetime.date(2026, 9, 10), ("messeplan-2027", "trade-fairs-2027"),
        ("Innspill til messeplanen for 2027", "Input for the 2027 trade fair plan"),
        ("Hvilke messer bør klyngen stille ut på sammen i 2027? Gi oss innspill innen "
         "1. desember.",
         "Which trade fairs should the cluster exhibit at together in 2027? Send us your input "
         "by 1 December."),
        ("Svar sekretariatet på e-post.", "Reply to the secretariat by e-mail."),
    ),
]  # fmt: skip

SECTIONS = {
    # model: (nb fields, English for every nb string)
    IntranetHomePage: (
        {
            "title": "Intranett",
            "slug": "intranett",
            "intro": "Velkommen til medlemsområdet: nyheter, dokumenter og prosjektrommene du er "
            "med i.",
        },
        {
            "Intranett": "Intranet",
            "intranett": "intranet",
            "Velkommen til medlemsområdet: nyheter, dokumenter og prosjektrommene du er med i.": (
                "Welcome to the members' area: news, documents and the project spaces you "
                "take part in."
            ),
        },
    ),
    MemberNewsIndexPage: (
        {
            "title": "Medlemsnyheter",
            "slug": "nyheter",
            "intro": "Nyheter fra klyngen, bare for medlemmer.",
        },
        {
            "Medlemsnyheter": "Member news",
            "nyheter": "news",
            "Nyheter fra klyngen, bare for medlemmer.": "News from the cluster, for members only.",
        },
    ),
    ProjectListPage: (
        {
            "title": "Prosjekter",
            "slug": "prosjekter",
            "intro": "Prosjektene du kan be om å bli med i. Prosjektlederne svarer deg på e-post.",
        },
        {
            "Prosjekter": "Projects",
            "prosjekter": "projects",
            "Prosjektene du kan be om å bli med i. Prosjektlederne svarer deg på e-post.": (
                "The projects you can ask to join. The project leads answer you by e-mail."
            ),
        },
    ),
    DocumentLibraryPage: (
        {
            "title": "Dokumenter",
            "slug": "dokumenter",
            "intro": "Alle dokumentene du har tilgang til, nyeste først.",
        },
        {
            "Dokumenter": "Documents",
            "dokumenter": "documents",
            "Alle dokumentene du har tilgang til, nyeste først.": (
                "All the documents you have access to, newest first."
            ),
        },
    ),
    PeopleDirectoryPage: (
        {
            "title": "Personer",
            "slug": "personer",
            "intro": "Medlemmene i klyngen. E-post og telefon vises bare når personen har valgt "
            "det.",
        },
        {
            "Personer": "People",
            "personer": "people",
            "Medlemmene i klyngen. E-post og telefon vises bare når personen har valgt det.": (
                "The cluster's members. E-mail and phone are shown only when the person has "
                "chosen to show them."
            ),
        },
    ),
    AccountPage: (
        {
            "title": "Min konto",
            "slug": "min-konto",
            "intro": "Navn, passord, e-poster og hva andre medlemmer ser om deg.",
        },
        {
            "Min konto": "My account",
            "min-konto": "my-account",
            "Navn, passord, e-poster og hva andre medlemmer ser om deg.": (
                "Name, password, e-mails and what other members see about you."
            ),
        },
    ),
}


def minimal_pdf(text):
    """A valid one-page PDF showing `text` (Helvetica, WinAnsi), without any dependency."""
    escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    stream = b"BT /F1 16 Tf 72 760 Td (" + escaped.encode("cp1252", "replace") + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    pdf, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return pdf


def load_profiles(users):
    """Link the demo members to companies that home.demo has already loaded."""
    for username, (company_name, language, job, phone, show_email, show_phone) in PROFILES.items():
        company = MemberCompany.objects.get(name=company_name, locale__language_code="nb")
        MemberProfile.objects.get_or_create(
            user=users[username],
            defaults={
                "company": company,
                "preferred_language": language,
                "job_title": job,
                "phone": phone,
                "show_email": show_email,
                "show_phone": show_phone,
            },
        )


def ensure_collection(parent, name, groups=None):
    collection = parent.get_children().filter(name=name).first()
    if collection is None:
        collection = parent.add_child(instance=Collection(name=name))
    if groups:
        access.ensure_group_restriction(collection, groups)
    return collection


def ensure_document(collection, title):
    Document = get_document_model()
    document = Document.objects.filter(collection=collection, title=title).first()
    if document is None:
        document = Document(title=title, collection=collection)
        # The document model transliterates the name: "årsmøtet" is stored as "arsmotet".
        document.file.save(f"{title}.pdf", ContentFile(minimal_pdf(title)), save=False)
        document._set_document_file_metadata()  # size and hash, as an admin upload sets them
        document.save()
    return document


def load_section(parent, model):
    fields, english = SECTIONS[model]
    page = ensure_child_page(parent, model, **fields)
    publish_translation(page, "en", english)
    return page


def load_news(index, attachment):
    for position, (date, slugs, titles, intros, bodies) in enumerate(NEWS):
        fields = dict(
            date=date, slug=slugs[0], title=titles[0], intro=intros[0], body=f"<p>{bodies[0]}</p>"
        )
        page = index.get_children().filter(slug=slugs[0]).specific().first()
        if page is None:
            page = MemberNewsPage(**fields)
            if position == 0:  # the annual meeting news carries the minutes
                page.attachments = [MemberNewsAttachment(document=attachment)]
            index.add_child(instance=page)
            page.save_revision().publish()
        strings = {nb: en for nb, en in (slugs, titles, intros, bodies)}
        publish_translation(page, "en", strings)


def load_project(home, members_collection, spec):
    group = Group.objects.get_or_create(name=spec["group"])[0]
    collection = ensure_collection(
        members_collection, spec["nb"]["title"], access.project_groups(group)
    )
    for title in spec["documents"]:
        ensure_document(collection, title)
    page = home.get_children().filter(slug=spec["nb"]["slug"]).specific().first()
    english = dict(spec["en"])
    if page is None:
        page = ProjectSpacePage(
            **spec["nb"],
            status=ProjectStatus.ACTIVE,
            group=group,
            collection=collection,
            accepts_join_requests=True,
        )
        page.updates = [
            ProjectUpdate(date=date, title=title_nb, body=f"<p>{body_nb}</p>", locale=home.locale)
            for date, title_nb, _title_en, body_nb, _body_en in spec["updates"]
        ]
        home.add_child(instance=page)
        page.save_revision().publish()
    for _date, title_nb, title_en, body_nb, body_en in spec["updates"]:
        english.update({title_nb: title_en, body_nb: body_en})
    publish_translation(page, "en", english)
    return page


# An event in the public calendar that only project A may see: the access tests use it to
# prove that listings, feeds and calendars leave restricted pages out.
PROJECT_A_EVENT = {
    "nb": {
        "title": "Prosjektmøte: Sirkulære materialer",
        "slug": "prosjektmote-sirkulaere-materialer",
        "intro": "Arbeidsmøte om pilotserien Tindrefjell, kun for prosjektdeltakerne.",
        "location": "Oslo",
    },
    "en": {
        "Prosjektmøte: Sirkulære materialer": "Project meeting: Circular materials",
        "prosjektmote-sirkulaere-materialer": "project-meeting-circular-materials",
        "Arbeidsmøte om pilotserien Tindrefjell, kun for prosjektdeltakerne.": (
            "Working meeting on the Tindrefjell pilot series, for project participants only."
        ),
        "Oslo": "Oslo",
    },
}


# Who has signed up for project A's event: its lead (a demo user) and the pilot series'
# working group, whose name carries the code name, so the access tests can tell the
# participant list is project A's.
PROJECT_A_EVENT_CAPACITY = 8
PROJECT_A_PARTICIPANTS = [
    (f"Pilotgruppa {PROJECT_A_CODE_NAME}", "pilotgruppa@example.no", "Fjordlys Møbler AS", "nb"),
]


def load_project_event(home, group):
    events = EventIndexPage.objects.child_of(home).get()
    start = timezone.make_aware(
        datetime.datetime.combine(
            timezone.localdate() + datetime.timedelta(days=10), datetime.time(10)
        )
    )
    fields = dict(
        PROJECT_A_EVENT["nb"],
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_open=True,
        capacity=PROJECT_A_EVENT_CAPACITY,
    )
    page = ensure_child_page(events, EventPage, **fields)
    access.ensure_group_restriction(page, access.project_groups(group))
    publish_translation(page, "en", PROJECT_A_EVENT["en"])
    lead = get_user_model().objects.get(username="prosjektleder")
    load_demo_registrations(
        page,
        [(lead.get_full_name(), lead.email, "Fjordlys Møbler AS", "nb"), *PROJECT_A_PARTICIPANTS],
    )
    EventRegistration.objects.filter(event_key=page.translation_key, email=lead.email).update(
        user=lead
    )
    return page


# What members added themselves: a post and a second version of a document in project A,
# and a member's pending request to join it (its leads see the request; the access tests
# look for the code name in it).
PROJECT_A_CONTRIBUTIONS = {
    "post": (
        "sirkel",
        "Prøvestykker sendt til Ålesund",
        "Vi har sendt ti prøvestykker av Tindrefjell-stoffet til verkstedet. Svar ventes "
        "innen to uker.",
    ),
    "version": (
        "prosjektleder",
        "Tindrefjell: materialprøver, runde 1 (revidert)",
        "Rettet slitestyrken for prøve 3.",
    ),
    "join_request": (
        "medlem",
        "Vi lager stoler i resirkulert ull og vil gjerne teste Tindrefjell-stoffet.",
    ),
}


def load_contributions(users, project):
    """The members' own content of project A (PROJECT_A_CONTRIBUTIONS), once."""
    author, title, body = PROJECT_A_CONTRIBUTIONS["post"]
    ProjectPost.objects.get_or_create(
        group=project.group,
        title=title,
        defaults={"author": users[author], "body": body, "language": "nb"},
    )
    uploader, text, note = PROJECT_A_CONTRIBUTIONS["version"]
    document = get_document_model().objects.get(title=PROJECTS[0]["documents"][0])
    if not document.versions.exists():
        store_upload(
            project.collection,
            users[uploader],
            ContentFile(minimal_pdf(text), name=f"{document.title}.pdf"),
            note=note,
            replaces=document,
        )
    member, message = PROJECT_A_CONTRIBUTIONS["join_request"]
    JoinRequest.objects.get_or_create(
        user=users[member],
        group=project.group,
        status=JoinRequest.Status.PENDING,
        defaults={"message": message},
    )


def load(users):
    load_profiles(users)

    root = Collection.get_first_root_node()
    members_collection = ensure_collection(root, MEMBERS_COLLECTION, access.members_groups())
    member_documents = [ensure_document(members_collection, t) for t in MEMBER_DOCUMENTS]
    public_collection = ensure_collection(root, PUBLIC_COLLECTION)
    for title in PUBLIC_DOCUMENTS:
        ensure_document(public_collection, title)

    home_nb = HomePage.objects.get(locale__language_code="nb")
    intranet = load_section(home_nb, IntranetHomePage)
    news_index = load_section(intranet, MemberNewsIndexPage)
    load_news(news_index, member_documents[0])
    load_section(intranet, DocumentLibraryPage)
    load_section(intranet, PeopleDirectoryPage)
    load_section(intranet, AccountPage)
    load_section(intranet, ProjectListPage)
    projects = [load_project(intranet, members_collection, spec) for spec in PROJECTS]
    load_contributions(users, projects[0])
    load_project_event(home_nb, Group.objects.get(name=PROJECTS[0]["group"]))
