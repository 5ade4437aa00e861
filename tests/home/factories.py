"""Public-site test data: the page types and snippets of `home`, and sections of a
bilingual site (tests/factories.bilingual_site) made in both languages.

The section helpers publish Norwegian pages and translate them with wagtail-localize;
run them inside tests.factories.as_committed.
"""

import datetime
from types import SimpleNamespace

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.rich_text import RichText

from home.models import (
    ContactPage,
    EventPage,
    Footer,
    Goal,
    GoalsPage,
    LabelIndexPage,
    LabelPage,
    MemberCompany,
    MemberDirectoryPage,
    MembershipPage,
    NewsPage,
    NewsPageTag,
    NewsTag,
    ProgrammeIndexPage,
    ProgrammeLevel,
    ProgrammePage,
    Sector,
)
from tests.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    locales,
    publish,
    translate,
)


def nb_locale():
    return locales()["nb"]


class MembershipPageFactory(wagtail_factories.PageFactory):
    title = "Bli medlem"
    slug = "bli-medlem"
    thank_you_text = "<p>Takk for søknaden!</p>"
    to_address = "post@example.no"
    from_address = "post@example.no"
    subject = "Ny søknad om medlemskap"

    class Meta:
        model = MembershipPage


class MemberDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Medlemmer"
    slug = "medlemmer"

    class Meta:
        model = MemberDirectoryPage


class NewsTagFactory(factory.django.DjangoModelFactory):
    locale = factory.LazyFunction(nb_locale)
    name = factory.Sequence(lambda n: f"Emne {n}")
    slug = factory.Sequence(lambda n: f"emne-{n}")

    class Meta:
        model = NewsTag


class MemberCompanyFactory(factory.django.DjangoModelFactory):
    """A Norwegian member company (translate it for the English directory)."""

    locale = factory.LazyFunction(nb_locale)
    name = factory.Sequence(lambda n: f"Bedrift {n} AS")
    sector = Sector.FURNITURE
    website = factory.Sequence(lambda n: f"https://bedrift{n}.example.no/")
    description = "Møbler laget i Norge."

    class Meta:
        model = MemberCompany


def in_both_languages(page, strings):
    """Publish `page` and its English translation; returns SimpleNamespace(nb=, en=)."""
    return SimpleNamespace(nb=publish(page), en=translate(page, strings))


# A valid membership application, as the form posts it.
APPLICATION = {
    "company_name": "Eksempel Møbler AS",
    "organisation_number": "123 456 785",
    "contact_person": "Kari Nordmann",
    "email": "kari@example.no",
    "phone": "+47 912 34 567",
    "sector": "furniture",
    "message": "Vi vil gjerne være med.\nHilsen Kari",
    "consent": "on",
}


def membership_page(site, goals=None, **fields):
    """The membership page under `site` (bilingual_site) in both languages, sending its
    notifications to post@example.no; with `goals` (a page), its body explains why to
    join and calls to read them. Returns SimpleNamespace(nb=, en=)."""
    strings = {
        "Bli medlem": "Become a member",
        "bli-medlem": "become-a-member",
        "Takk for søknaden!": "Thank you for your application!",
        "Ny søknad om medlemskap": "New membership application",
    }
    if goals is not None:
        fields["body"] = [
            heading("Hvorfor bli medlem av klyngen vår?"),
            call_to_action("Målene er grunnlaget.", "Les de strategiske målene", page=goals),
        ]
        strings |= {
            "Hvorfor bli medlem av klyngen vår?": "Why become a member of our cluster?",
            "Målene er grunnlaget.": "The goals are the foundation.",
            "Les de strategiske målene": "Read the strategic goals",
        }
    return in_both_languages(MembershipPageFactory(parent=site.nb, **fields), strings)


def heading(text, level="h2"):
    """A heading block for a body StreamField."""
    return ("heading", {"text": text, "level": level})


def paragraph(text):
    """A rich-text paragraph block for a body StreamField."""
    return ("paragraph", RichText(f"<p>{text}</p>"))


def call_to_action(text, button_label, page=None, url=""):
    """A call-to-action block for a body StreamField, to `page` or to `url`."""
    return (
        "call_to_action",
        {"text": text, "button_label": button_label, "page": page, "url": url},
    )


def add_news(index, count, **fields):
    """`count` live news items (without revisions: quick to make in bulk) in `index`,
    100 days old and older, titled "Ekstra nyhet <n>"."""
    today = timezone.localdate()
    return [
        NewsPageFactory(
            parent=index,
            title=f"Ekstra nyhet {n}",
            slug=f"ekstra-nyhet-{n}",
            date=today - datetime.timedelta(days=100 + n),
            **fields,
        )
        for n in range(count)
    ]


def add_events(index, count, days_ahead=5, **fields):
    """`count` live two-hour events (without revisions) in `index`, one a day from
    `days_ahead` days on, titled "Ekstra arrangement <n>"."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    return [
        EventPageFactory(
            parent=index,
            title=f"Ekstra arrangement {n}",
            slug=f"ekstra-arrangement-{n}",
            start=start + datetime.timedelta(days=n),
            end=start + datetime.timedelta(days=n, hours=2),
            **fields,
        )
        for n in range(count)
    ]


def restrict_to_members(page):
    """Open `page` to logged-in visitors only."""
    return PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)


# key: (Norwegian name, slug), (English name, slug)
TAGS = {
    "merkevarer": (("Merkevarer", "merkevarer"), ("Branding", "branding")),
    "design": (("Design", "design"), ("Design", "design")),
    "baerekraft": (("Bærekraft", "baerekraft"), ("Sustainability", "sustainability")),
    "internasjonalt": (
        ("Internasjonalisering", "internasjonalisering"),
        ("Internationalisation", "internationalisation"),
    ),
}

# Newest first, a day apart: (title, slug, intro) as (Norwegian, English) pairs, tag keys.
NEWS = [
    (
        ("Norwegian Rooms tildelt Bronze Label", "Norwegian Rooms awarded the Bronze Label"),
        ("tildelt-bronze-label", "awarded-the-bronze-label"),
        ("Klyngen har fått Bronze Label.", "The cluster has received the Bronze Label."),
        ["merkevarer"],
    ),
    (
        ("Felles messestand i Milano", "A shared stand in Milan"),
        ("messestand-milano", "shared-stand-milan"),
        ("Seks medlemmer stilte ut sammen.", "Six members exhibited together."),
        ["internasjonalt", "merkevarer"],
    ),
    (
        ("Sirkulære verdikjeder for møbler", "Circular value chains for furniture"),
        ("sirkulaere-verdikjeder", "circular-value-chains"),
        ("Hvordan kan en sofa få et nytt liv?", "How can a sofa get a second life?"),
        ["baerekraft"],
    ),
    (
        ("Tre nye medlemmer", "Three new members"),
        ("tre-nye-medlemmer", "three-new-members"),
        ("Klyngen vokser.", "The cluster grows."),
        ["merkevarer"],
    ),
    (
        ("Designuka i Stockholm", "Stockholm Design Week"),
        ("designuka", "design-week"),
        ("Vi så det nyeste i nordisk design.", "We saw the latest in Nordic design."),
        ["design"],
    ),
    (
        ("Merkevareverksted", "Branding workshop"),
        ("merkevareverksted", "branding-workshop"),
        ("Et verksted om historiefortelling.", "A workshop on storytelling."),
        ["merkevarer", "design"],
    ),
]


def news_tags():
    """The news tags of TAGS in both languages; returns {key: Norwegian tag}."""
    tags = {}
    for key, ((name, slug), (english_name, english_slug)) in TAGS.items():
        tags[key] = NewsTagFactory(name=name, slug=slug)
        translate(tags[key], {name: english_name, slug: english_slug})
    return tags


def news_section(site, items=NEWS, images=False, **index_fields):
    """The news index ("nyheter", "news") under `site` (bilingual_site) with `items`
    (NEWS: six items, newest first, tagged with TAGS), everything in both languages;
    `images=True` gives each item a main image. Returns the Norwegian index."""
    index = publish(NewsIndexPageFactory(parent=site.nb, **index_fields))
    translate(index, {"Nyheter": "News", "nyheter": "news"})
    tags = news_tags()
    today = timezone.localdate()
    for number, (title, slug, intro, tag_keys) in enumerate(items):
        page = NewsPageFactory(
            parent=index,
            title=title[0],
            slug=slug[0],
            intro=intro[0],
            date=today - datetime.timedelta(days=number + 1),
            main_image=ImageFactory() if images else None,
            tag_links=[NewsPageTag(tag=tags[key]) for key in tag_keys],
        )
        translate(publish(page), dict([title, slug, intro]))
    return index


# (title, slug, intro, location) as (Norwegian, English) pairs; days from today, start hour
# (Norwegian time), hours long. Three to come, two past.
EVENTS = [
    (
        ("Medlemsmøte og klyngesamling", "Members' meeting and cluster gathering"),
        ("medlemsmote", "members-meeting"),
        ("Vi oppsummerer året.", "We sum up the year."),
        ("Ålesund", "Ålesund"),
        14, 10, 6,
    ),
    (
        ("Verksted: bærekraftige materialvalg", "Workshop: choosing sustainable materials"),
        ("verksted-materialvalg", "workshop-materials"),
        ("Forskere deler erfaringer.", "Researchers share their experience."),
        ("Oslo", "Oslo"),
        40, 9, 3,
    ),
    (
        ("Studietur til designuka i Stockholm", "Study trip to Stockholm Design Week"),
        ("studietur-stockholm", "study-trip-stockholm"),
        ("Vi besøker messen.", "We visit the fair."),
        ("Stockholm", "Stockholm"),
        75, 8, 34,
    ),
    (
        ("Frokostmøte om eksport", "Breakfast meeting on exports"),
        ("frokostmote-eksport", "breakfast-exports"),
        ("Salg til Tyskland.", "Selling to Germany."),
        ("Oslo", "Oslo"),
        -30, 8, 2,
    ),
    (
        ("Årskonferansen", "Annual conference"),
        ("arskonferansen", "annual-conference"),
        ("Klyngens årlige møteplass.", "The cluster's yearly meeting place."),
        ("Sykkylven", "Sykkylven"),
        -90, 9, 8,
    ),
]  # fmt: skip


def events_section(site, items=EVENTS, **index_fields):
    """The calendar ("arrangementer", "events") under `site` (bilingual_site) with `items`
    (EVENTS by default; the coming ones take registrations at
    https://www.example.no/pamelding), everything in both languages. Returns the
    Norwegian calendar."""
    index = publish(EventIndexPageFactory(parent=site.nb, **index_fields))
    translate(index, {"Arrangementer": "Events", "arrangementer": "events"})
    today = timezone.localdate()
    for title, slug, intro, location, days, hour, hours in items:
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
        )
        page = EventPageFactory(
            parent=index,
            title=title[0],
            slug=slug[0],
            intro=intro[0],
            location=location[0],
            start=start,
            end=start + datetime.timedelta(hours=hours),
            registration_url="https://www.example.no/pamelding" if days > 0 else "",
        )
        translate(publish(page), dict([title, slug, intro, location]))
    return index


# name, sector, Norwegian description, English description; two in textiles.
MEMBERS = [
    ("Fjordlys Møbler AS", Sector.FURNITURE, "Heltremøbler i eik.", "Solid oak furniture."),
    ("Brattli Stolfabrikk AS", Sector.FURNITURE, "Stoler og krakker.", "Chairs and stools."),
    ("Nordvik Sofa AS", Sector.FURNITURE, "Sofaer som varer.", "Sofas built to last."),
    ("Lyngstad Interiør AS", Sector.INTERIOR, "Interiør for hoteller.", "Interiors for hotels."),
    ("Kvitfjell Lampeverksted AS", Sector.INTERIOR, "Håndlagde lamper i glass og messing.",
     "Handmade lamps in glass and brass."),
    ("Havblikk Keramikk AS", Sector.INTERIOR, "Servise dreid for hånd.", "Hand-thrown tableware."),
    ("Vevstua Tekstil AS", Sector.TEXTILES, "Vevde pledd og puter i norsk ull.",
     "Woven throws and cushions in Norwegian wool."),
    ("Ullgarden AS", Sector.TEXTILES, "Møbelstoffer av norsk ull.",
     "Upholstery fabrics of Norwegian wool."),
]  # fmt: skip


def member_directory(site, members=MEMBERS, logos=False, **fields):
    """The member directory ("medlemmer", "members") under `site` (bilingual_site) and
    the companies of `members` (MEMBERS: eight), in both languages; `logos=True` gives
    each company a logo. Returns SimpleNamespace(nb=, en=) of the directory."""
    for name, sector, description, english in members:
        company = MemberCompanyFactory(
            name=name,
            sector=sector,
            description=description,
            logo=ImageFactory() if logos else None,
        )
        translate(company, {description: english})
    return in_both_languages(
        MemberDirectoryPageFactory(parent=site.nb, **fields),
        {"Medlemmer": "Members", "medlemmer": "members"},
    )


GOALS = [
    ("Globale «first movers»", "Global first movers"),
    ("Designdrevet innovasjon", "Design-driven innovation"),
    ("Bærekraftige verdikjeder", "Sustainable value chains"),
    ("En større og sterkere klynge", "A larger, stronger cluster"),
    ("Omdømme og tillit", "Reputation and trust"),
]


def goals_page(site, **fields):
    """The strategic goals ("strategiske-mal", "strategic-goals") under `site`, the five
    GOALS in order, in both languages. Returns SimpleNamespace(nb=, en=)."""
    strings = {"Strategiske mål": "Strategic goals", "strategiske-mal": "strategic-goals"}
    goals = []
    for number, (title, english) in enumerate(GOALS, start=1):
        text = f"Mål nummer {number}."
        goals.append(Goal(title=title, text=text))
        strings |= {title: english, text: f"Goal number {number}."}
    page = GoalsPage(title="Strategiske mål", slug="strategiske-mal", goals=goals, **fields)
    site.nb.add_child(instance=page)
    return in_both_languages(page, strings)


def labels_section(site, **index_fields):
    """The labels ("utmerkelser", "labels") under `site`, with one label (its badge an
    image, its assessment naming 36 indicators), in both languages.
    Returns (index, label), each SimpleNamespace(nb=, en=)."""
    index = LabelIndexPage(title="Utmerkelser", slug="utmerkelser", **index_fields)
    site.nb.add_child(instance=index)
    label = LabelPage(
        title="Bronze Label i Cluster Management Excellence",
        slug="bronze-label",
        label_name="Cluster Management Excellence",
        level="Bronse",
        awarding_body="ESCA",
        awarded_on=datetime.date(2025, 3, 12),
        assessment="En ekspert vurderer 36 indikatorer.",
        badge=ImageFactory(title="Bronze Label-merke"),
    )
    index.add_child(instance=label)
    return (
        in_both_languages(index, {"Utmerkelser": "Labels", "utmerkelser": "labels"}),
        in_both_languages(
            label,
            {
                "Bronze Label i Cluster Management Excellence": (
                    "Bronze Label in Cluster Management Excellence"
                ),
                "Bronse": "Bronze",
                "En ekspert vurderer 36 indikatorer.": "An expert assesses 36 indicators.",
            },
        ),
    )


def programmes_section(site, **index_fields):
    """The programmes ("programmer", "programmes") under `site`, with Norwegian
    Innovation Clusters (Arena since 2013, financial and professional support), in both
    languages. Returns (index, programme), each SimpleNamespace(nb=, en=)."""
    index = ProgrammeIndexPage(title="Programmer", slug="programmer", **index_fields)
    site.nb.add_child(instance=index)
    support = "Programmet gir økonomisk og faglig støtte."
    programme = ProgrammePage(
        title="Norwegian Innovation Clusters",
        slug="norwegian-innovation-clusters",
        funder="Innovasjon Norge",
        level=ProgrammeLevel.ARENA,
        period_start=2013,
        financial_support=True,
        professional_support=True,
        support_description=support,
    )
    index.add_child(instance=programme)
    return (
        in_both_languages(index, {"Programmer": "Programmes", "programmer": "programmes"}),
        in_both_languages(
            programme,
            {
                support: "The programme gives financial and professional support.",
                "Innovasjon Norge": "Innovation Norway",
            },
        ),
    )


def about_page(site, membership, **fields):
    """The page about the cluster ("om-klyngen", "about-the-cluster") under `site`: key
    figures, an image, a quote and a call to become a `membership` member, in both
    languages. Returns SimpleNamespace(nb=, en=)."""
    body = [
        paragraph("Klyngen startet med møbler."),
        ("key_figures", {"heading": "Klyngen i tall", "figures": [
            {"number": "36", "label": "indikatorer"}]}),
        ("image", {"image": ImageFactory(), "alt_text": "Et lyst rom.", "caption": ""}),
        ("quote", {"quote": "Sammen når vi lenger.", "attribution": "Klyngeleder"}),
        call_to_action("Vil bedriften din være med?", "Bli medlem", page=membership),
    ]  # fmt: skip
    page = StandardPageFactory(
        parent=site.nb, title="Om klyngen", slug="om-klyngen", body=body, **fields
    )
    return in_both_languages(
        page,
        {
            "Om klyngen": "About the cluster",
            "om-klyngen": "about-the-cluster",
            "Klyngen startet med møbler.": "The cluster started with furniture.",
            "Klyngen i tall": "The cluster in figures",
            "indikatorer": "indicators",
            "Et lyst rom.": "A bright room.",
            "Sammen når vi lenger.": "Together we reach further.",
            "Klyngeleder": "Cluster manager",
            "Vil bedriften din være med?": "Would your company like to join?",
            "Bli medlem": "Become a member",
        },
    )


def footer(links):
    """The site footer in both languages: contact details (post@example.no, Postboks 123)
    and a link to each of `links` ({Norwegian text: (English text, page)})."""
    nb_footer = Footer.objects.create(
        locale=locales()["nb"],
        organisation="Norwegian Rooms® Cluster",
        about="En næringsklynge for norske merkevareeiere.",
        address="Postboks 123 Sentrum, 0102 Oslo",
        email="post@example.no",
        phone="+47 22 00 00 00",
        links=[
            ("link", {"text": text, "page": page, "url": ""})
            for text, (_english, page) in links.items()
        ],
    )
    strings = {
        "En næringsklynge for norske merkevareeiere.": (
            "A business cluster for Norwegian brand owners."
        ),
        "Postboks 123 Sentrum, 0102 Oslo": "PO Box 123 Sentrum, NO-0102 Oslo, Norway",
    } | {text: english for text, (english, _page) in links.items()}
    return SimpleNamespace(nb=nb_footer, en=translate(nb_footer, strings))


HOME = {
    "hero_heading": ("Sterkere norske merkevarer, sammen", "Stronger Norwegian brands, together"),
    "hero_intro": ("En næringsklynge for merkevareeiere.", "A business cluster of brand owners."),
    "cta_heading": ("Bli medlem av klyngen", "Become a member of the cluster"),
    "cta_button": ("Søk om medlemskap", "Apply for membership"),
}


def build_public_site():
    """A bilingual site with one of every public page type and its content, like the
    demo's public site but smaller: `bilingual_site` with a hero image (HOME), the goals,
    labels, programmes, news (NEWS[:3], with images), events (EVENTS[0], [2] and [3]: two
    to come and one past), member directory (MEMBERS[4:], with logos), membership page and
    about page, all but the labels in the main menu, and the footer. Run inside
    as_committed (then tests.factories.render_live_pages); tests get it from the fixture
    `public_site` (tests/conftest.py).

    Returns the bilingual_site namespace with `pages`: {name: SimpleNamespace(nb=, en=)}
    for "home", "goals", "label index", "label", "programme index", "programme",
    "news index", "news" (NEWS[2]), "event index", "event" (EVENTS[0]), "past event",
    "member directory", "membership", "about" and "contact"; and `footer`.
    """
    from tests.factories import bilingual_site

    site = bilingual_site(
        hero_image=ImageFactory(title="Forside"),
        **{field: texts[0] for field, texts in HOME.items()},
        strings=dict(HOME.values()),
    )
    menu = {"show_in_menus": True}
    goals = goals_page(site, **menu)
    label_index, label = labels_section(site)
    programme_index, programme = programmes_section(site, **menu)
    news_index = news_section(site, items=NEWS[:3], images=True, **menu)
    events = [EVENTS[0], EVENTS[2], EVENTS[3]]
    event_index = events_section(site, items=events, **menu)
    directory = member_directory(site, members=MEMBERS[4:], logos=True, **menu)
    membership = membership_page(site, goals=goals.nb, **menu)
    about = about_page(site, membership.nb, **menu)
    contact = contact_page(site)
    site.footer = footer(
        {
            "Utmerkelser": ("Labels", label_index.nb),
            "Programmer": ("Programmes", programme_index.nb),
        }
    )

    def both(page):
        page = page.specific
        return SimpleNamespace(nb=page, en=page.get_translation(site.en.locale))

    event_pages = EventPage.objects.child_of(event_index)
    site.pages = {
        "home": SimpleNamespace(nb=site.nb, en=site.en),
        "goals": goals,
        "label index": label_index,
        "label": label,
        "programme index": programme_index,
        "programme": programme,
        "news index": both(news_index),
        "news": both(NewsPage.objects.child_of(news_index).get(slug=NEWS[2][1][0])),
        "event index": both(event_index),
        "event": both(event_pages.get(slug=EVENTS[0][1][0])),
        "past event": both(event_pages.get(slug=EVENTS[3][1][0])),
        "member directory": directory,
        "membership": membership,
        "about": about,
        "contact": contact,
    }
    return site


def contact_page(site):
    """A contact page (no staff contacts chosen) under `site`'s home page, in both
    languages: SimpleNamespace(nb=, en=)."""
    from tests.factories import publish, translate

    page = publish(site.nb.add_child(instance=ContactPage(title="Kontakt", slug="kontakt")))
    english = translate(page, {"Kontakt": "Contact", "kontakt": "contact"})
    return SimpleNamespace(nb=page, en=english)
