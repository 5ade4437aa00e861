"""Demo content for the public site, in Norwegian with English translations.

Every Norwegian text goes through `t(nb, en)`, which records its English
translation in EN; the English pages and snippets are then made from the
Norwegian ones with wagtail-localize (site_core.demo.publish_translation).
Every loader is idempotent: it finds what exists (by slug or name) first.
"""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from site_core.demo import ensure_child_page, publish_translation

from . import demo_images
from .models import (
    EventIndexPage,
    EventPage,
    Footer,
    Goal,
    GoalsPage,
    HomePage,
    LabelIndexPage,
    LabelPage,
    MemberCompany,
    MemberDirectoryPage,
    MembershipPage,
    NewsIndexPage,
    NewsletterSubscription,
    NewsPage,
    NewsPageTag,
    NewsTag,
    ProgrammeIndexPage,
    ProgrammeLevel,
    ProgrammePage,
    Sector,
    StandardPage,
)

EN = {}


def t(nb, en):
    """Norwegian source text, remembering its English translation."""
    EN[nb] = en
    return nb


def paragraphs(*texts):
    """A body of rich-text paragraphs (each paragraph is one translation segment)."""
    return [("paragraph", RichText(f"<p>{text}</p>")) for text in texts]


def translated(instance):
    publish_translation(instance, "en", EN)
    return instance


def ensure_child(parent, model, **fields):
    """The child page of `parent` with this slug (created and published once), translated."""
    return translated(ensure_child_page(parent, model, **fields))


# --- Home -----------------------------------------------------------------

HOME_NB = {
    "title": t("Norwegian Rooms", "Norwegian Rooms"),
    "slug": t("hjem", "home"),
    "hero_heading": t("Sterkere norske merkevarer, sammen", "Stronger Norwegian brands, together"),
    "hero_intro": t(
        "Norwegian Rooms® er en næringsklynge for merkevareeiere i ferdigvareindustrien – "
        "møbler, interiør og tekstil – og deres akademiske partnere.",
        "Norwegian Rooms® is a business cluster of brand owners in the finished-goods "
        "industry – furniture, interior and textiles – and their academic partners.",
    ),
    "cta_heading": t("Bli medlem av klyngen", "Become a member of the cluster"),
    "cta_text": t(
        "Del kunnskap og inspirasjon med merkevareeiere og akademiske partnere som står "
        "overfor de samme strategiske utfordringene som deg.",
        "Share knowledge and inspiration with brand owners and academic partners who face "
        "the same strategic challenges as you.",
    ),
    "cta_button": t("Søk om medlemskap", "Apply for membership"),
}


def load_home():
    """The Norwegian home page as the site root, and its English translation."""
    home = HomePage.objects.filter(locale__language_code="nb").first()
    if home is None:
        root = Page.get_first_root_node()
        hero = demo_images.interior("Hjem – stue", seed=1, size=(1200, 900))
        home = root.add_child(instance=HomePage(hero_image=hero, **HOME_NB))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        # Where `make run` serves the demo, so feed, sitemap and canonical links work there;
        # a deployment sets its own host name in Settings → Sites.
        site.hostname, site.port, site.root_page = "127.0.0.1", 8000, home
        site.site_name = "Norwegian Rooms"
        site.save()
        # Wagtail's placeholder "Welcome" page is no longer needed.
        Page.objects.filter(depth=2, content_type__model="page").delete()
    return translated(home)


# --- Strategic goals (from the seed text) ------------------------------------

GOALS = [
    (
        t("Globale «first movers»", "Global first movers"),
        t(
            "Utvikle norsk ferdigvareindustri til å bli globale «first movers» innen "
            "merkevarebygging og internasjonalisering.",
            "Develop the Norwegian finished-goods industry into global first movers in "
            "branding and internationalisation.",
        ),
    ),
    (
        t("Designdrevet innovasjon", "Design-driven innovation"),
        t(
            "Utvikle ferdigvareindustriens viktigste FoU- og læringsprosjekter, slik at "
            "designdrevne innovasjonsprosesser gir norske bedrifter internasjonale "
            "konkurransefortrinn.",
            "Develop the most important R&D and learning projects of the Norwegian "
            "finished-goods industry, so that design-driven innovation gives Norwegian "
            "companies an international competitive advantage.",
        ),
    ),
    (
        t("Bærekraftige verdikjeder", "Sustainable value chains"),
        t(
            "Utvikle lønnsomme, bærekraftige og fleksible verdikjeder i ferdigvareindustrien "
            "gjennom innovative programmer og FoU-aktiviteter.",
            "Develop profitable, sustainable and flexible value chains in the finished-goods "
            "industry through innovative programmes and R&D activities.",
        ),
    ),
    (
        t("En større og sterkere klynge", "A larger, stronger cluster"),
        t(
            "Utvikle en større og mer robust klynge, med differensierte aktiviteter for "
            "klyngens medlemmer.",
            "Develop a larger and more robust cluster, with differentiated activities for "
            "its members.",
        ),
    ),
    (
        t("Omdømme og tillit", "Reputation and trust"),
        t(
            "Gjøre klyngen mer attraktiv og bidra til å styrke dens omdømme i samfunnet og "
            "hos myndighetene.",
            "Make the cluster more attractive and help strengthen its reputation in society "
            "and with the authorities.",
        ),
    ),
]


def load_goals(home):
    return ensure_child(
        home,
        GoalsPage,
        title=t("Strategiske mål", "Strategic goals"),
        slug=t("strategiske-mal", "strategic-goals"),
        show_in_menus=True,
        intro=t(
            "Disse fem strategiske målene er grunnlaget for klyngens aktiviteter.",
            "These five strategic goals are the foundation of the cluster's activities.",
        ),
        goals=[Goal(title=title, text=text) for title, text in GOALS],
    )


# --- Labels and programmes ---------------------------------------------------


def load_labels(home):
    index = ensure_child(
        home,
        LabelIndexPage,
        title=t("Utmerkelser", "Labels"),
        slug=t("utmerkelser", "labels"),
        intro=t(
            "Anerkjennelser og sertifiseringer klyngen har fått for arbeidet sitt.",
            "Recognition and certification the cluster has received for its work.",
        ),
    )
    return ensure_child(
        index,
        LabelPage,
        title=t(
            "Bronze Label i Cluster Management Excellence",
            "Bronze Label in Cluster Management Excellence",
        ),
        slug=t("bronze-label", "bronze-label"),
        intro=t(
            "Norwegian Rooms har fått Bronze Label-status i Cluster Management Excellence – en "
            "anerkjennelse av klyngens strategiske grunnlag og av arbeidet med målrettet å "
            "forbedre organiseringen og ledelsen av aktivitetene.",
            "Norwegian Rooms has been awarded Bronze Label status in Cluster Management "
            "Excellence – a recognition of the cluster's strategic foundation and of its work "
            "to purposefully improve how its activities are organised and managed.",
        ),
        label_name=t("Cluster Management Excellence", "Cluster Management Excellence"),
        level=t("Bronse", "Bronze"),
        awarding_body=t(
            "ESCA – European Secretariat for Cluster Analysis",
            "ESCA – European Secretariat for Cluster Analysis",
        ),
        awarded_on=datetime.date(2025, 3, 12),
        valid_until=datetime.date(2027, 3, 12),
        badge=demo_images.badge("Bronze Label-merke", "BRONZE\nLABEL"),
        assessment=t(
            "Benchmarkingmetoden er utviklet av ESCA og er anerkjent i hele Europa. En "
            "ESCA-ekspert intervjuer klyngeledelsen om 36 indikatorer innen seks områder: "
            "klyngens struktur, klyngeledelsen, finansieringen, aktivitetene klyngeledelsen "
            "gjennomfører, kontakt og samhandling i klyngen, og klyngens resultater og "
            "anerkjennelse.",
            "The benchmarking method was developed by ESCA and is recognised across Europe. An "
            "ESCA benchmarking expert interviews the cluster management on 36 indicators in "
            "six areas: the structure of the cluster, cluster management, cluster funding, "
            "the activities of the cluster management, contacts and interaction in the "
            "cluster, and the cluster's achievements and recognition.",
        ),
        findings="<p>"
        + t(
            "Ifølge rapporten fra ESCA bygger Norwegian Rooms allerede på en sterk strategisk "
            "plattform, med gode rutiner for rapportering og målstyring sammenlignet med "
            "tilsvarende klynger.",
            "According to the ESCA report, Norwegian Rooms is already built on a strong "
            "strategic platform, with good reporting routines and management by objectives "
            "compared with similar clusters.",
        )
        + "</p><p>"
        + t(
            "Sertifikatet er også et kvalitetsstempel når vi samarbeider med andre klynger "
            "eller søker finansiering internasjonalt.",
            "The certificate is also a seal of quality when we cooperate with other clusters "
            "or seek funding internationally.",
        )
        + "</p>",
        recommendations="<p>"
        + t(
            "Klyngen anbefales å arbeide mer med hvordan sammensetningen av medlemmer kan gi "
            "tettere relasjoner og samhandling, og med å knytte sterkere bånd mellom "
            "medlemmene og utviklingsaktørene.",
            "The cluster is recommended to work more on how the composition of its members "
            "can lead to closer relationships and interaction, and to forge stronger links "
            "between the members and the development actors.",
        )
        + "</p>",
    )


def load_programmes(home):
    index = ensure_child(
        home,
        ProgrammeIndexPage,
        title=t("Programmer", "Programmes"),
        slug=t("programmer", "programmes"),
        show_in_menus=True,
        intro=t(
            "Programmene klyngen er en del av, og støtten de gir.",
            "The programmes the cluster takes part in, and the support they give.",
        ),
    )
    return ensure_child(
        index,
        ProgrammePage,
        title=t("Norwegian Innovation Clusters", "Norwegian Innovation Clusters"),
        slug=t("norwegian-innovation-clusters", "norwegian-innovation-clusters"),
        intro=t(
            "Klyngen har hatt offisiell status som Arena-klynge i Norwegian Innovation "
            "Clusters siden 2013, og arbeider mot neste nivå, NCE.",
            "The cluster has held official Arena status in Norwegian Innovation Clusters "
            "since 2013 and is working towards the next level, NCE.",
        ),
        funder=t(
            "Innovasjon Norge, Forskningsrådet og Siva",
            "Innovation Norway, the Research Council of Norway and Siva",
        ),
        level=ProgrammeLevel.ARENA,
        period_start=2013,
        financial_support=True,
        professional_support=True,
        support_description=t(
            "Norwegian Innovation Clusters gir både økonomisk og faglig støtte til å "
            "gjennomføre klynge- og utviklingsprosjekter.",
            "Norwegian Innovation Clusters offers both financial and professional support "
            "for carrying out cluster and development projects.",
        ),
        external_url="https://www.innovationclusters.no/",
    )


# --- News --------------------------------------------------------------------

TAGS = {
    "merkevarer": (t("Merkevarer", "Branding"), t("merkevarer", "branding")),
    "design": (t("Design", "Design"), t("design", "design")),
    "baerekraft": (t("Bærekraft", "Sustainability"), t("baerekraft", "sustainability")),
    "internasjonalt": (
        t("Internasjonalisering", "Internationalisation"),
        t("internasjonalisering", "internationalisation"),
    ),
}

NEWS = [
    (
        t("Norwegian Rooms tildelt Bronze Label", "Norwegian Rooms awarded the Bronze Label"),
        t("tildelt-bronze-label", "awarded-the-bronze-label"),
        t(
            "Klyngen har fått Bronze Label i Cluster Management Excellence etter en "
            "benchmarking utført av ESCA.",
            "The cluster has received the Bronze Label in Cluster Management Excellence after "
            "a benchmarking carried out by ESCA.",
        ),
        t(
            "Utmerkelsen viser at klyngen har et sterkt strategisk grunnlag og gode rutiner "
            "for ledelse og rapportering.",
            "The label shows that the cluster has a strong strategic foundation and good "
            "routines for management and reporting.",
        ),
        ["internasjonalt", "merkevarer"],
    ),
    (
        t(
            "Ny FoU-satsing på designdrevet innovasjon",
            "New R&D drive for design-driven innovation",
        ),
        t("ny-fou-satsing", "new-rd-drive"),
        t(
            "Fem medlemsbedrifter går sammen med to høyskoler om et treårig prosjekt.",
            "Five member companies join forces with two university colleges in a three-year "
            "project.",
        ),
        t(
            "Prosjektet skal utvikle metoder for å bruke design tidlig i produktutviklingen.",
            "The project will develop methods for bringing design into the earliest stages of "
            "product development.",
        ),
        ["design"],
    ),
    (
        t("Felles messestand i Milano", "A shared stand in Milan"),
        t("felles-messestand-i-milano", "a-shared-stand-in-milan"),
        t(
            "Seks medlemmer viste fram norsk design på møbelmessen i Milano.",
            "Six members showed Norwegian design at the furniture fair in Milan.",
        ),
        t(
            "Den felles standen ga mindre bedrifter en synlighet de ikke kunne fått alene.",
            "The shared stand gave smaller companies a visibility they could not have had "
            "on their own.",
        ),
        ["internasjonalt", "merkevarer"],
    ),
    (
        t("Sirkulære verdikjeder for møbler", "Circular value chains for furniture"),
        t("sirkulaere-verdikjeder", "circular-value-chains"),
        t(
            "Hvordan kan en sofa få et nytt liv? Klyngen starter et forprosjekt om gjenbruk.",
            "How can a sofa get a second life? The cluster starts a pilot project on reuse.",
        ),
        t(
            "Forprosjektet ser på reparasjon, ombruk og materialgjenvinning i hele verdikjeden.",
            "The pilot looks at repair, reuse and material recycling along the whole value chain.",
        ),
        ["baerekraft"],
    ),
    (
        t("Tre nye medlemmer i klyngen", "Three new members join the cluster"),
        t("tre-nye-medlemmer", "three-new-members"),
        t(
            "Klyngen ønsker velkommen to tekstilprodusenter og et keramikkverksted.",
            "The cluster welcomes two textile makers and a ceramics workshop.",
        ),
        t(
            "Med de nye medlemmene dekker klyngen en større del av hjemmet.",
            "With the new members the cluster covers a larger part of the home.",
        ),
        ["merkevarer"],
    ),
    (
        t("Merkevareverksted for tekstilbedrifter", "Branding workshop for textile companies"),
        t("merkevareverksted-for-tekstil", "branding-workshop-for-textiles"),
        t(
            "Et praktisk verksted om historiefortelling og merkevarebygging.",
            "A hands-on workshop on storytelling and brand building.",
        ),
        t(
            "Deltakerne arbeidet med egne merkevarer sammen med erfarne rådgivere.",
            "The participants worked on their own brands together with experienced advisers.",
        ),
        ["merkevarer", "design"],
    ),
]


def load_tags():
    nb = Locale.objects.get(language_code="nb")
    tags = {}
    for key, (name, slug) in TAGS.items():
        tag = NewsTag.objects.filter(locale=nb, slug=slug).first()
        if tag is None:
            tag = NewsTag.objects.create(locale=nb, name=name, slug=slug)
        tags[key] = translated(tag)
    return tags


def load_news(home):
    index = ensure_child(
        home,
        NewsIndexPage,
        title=t("Nyheter", "News"),
        slug=t("nyheter", "news"),
        show_in_menus=True,
        intro=t("Nytt fra klyngen og medlemmene.", "News from the cluster and its members."),
    )
    tags = load_tags()
    today = timezone.localdate()
    for number, (title, slug, intro, text, tag_keys) in enumerate(NEWS):
        ensure_child(
            index,
            NewsPage,
            title=title,
            slug=slug,
            intro=intro,
            date=today - datetime.timedelta(days=9 * number + 2),
            main_image=demo_images.interior(f"Nyhet {number + 1}", seed=10 + number),
            body=paragraphs(text),
            tag_links=[NewsPageTag(tag=tags[key]) for key in tag_keys],
        )
    return index


# --- Events --------------------------------------------------------------------

EVENTS = [
    # title, slug, intro, location, days from today, start hour, duration in hours
    (
        t("Medlemsmøte og klyngesamling", "Members' meeting and cluster gathering"),
        t("medlemsmote", "members-meeting"),
        t(
            "Vi oppsummerer året og legger planer for det neste.",
            "We sum up the year and make plans for the next.",
        ),
        t("Ålesund", "Ålesund"),
        14, 10, 6,
    ),
    (
        t("Verksted: bærekraftige materialvalg", "Workshop: choosing sustainable materials"),
        t("verksted-materialvalg", "workshop-materials"),
        t(
            "Forskere og produsenter deler erfaringer med nye materialer.",
            "Researchers and manufacturers share their experience with new materials.",
        ),
        t("Oslo", "Oslo"),
        40, 9, 3,
    ),
    (
        t("Studietur til designuka i Stockholm", "Study trip to Stockholm Design Week"),
        t("studietur-stockholm", "study-trip-stockholm"),
        t(
            "Vi besøker messen og møter svenske klynger og designere.",
            "We visit the fair and meet Swedish clusters and designers.",
        ),
        t("Stockholm", "Stockholm"),
        75, 8, 34,
    ),
    (
        t("Frokostmøte om eksport", "Breakfast meeting on exports"),
        t("frokostmote-eksport", "breakfast-exports"),
        t(
            "Hvordan komme i gang med salg til Tyskland og Storbritannia?",
            "How to get started selling to Germany and the UK?",
        ),
        t("Oslo", "Oslo"),
        -30, 8, 2,
    ),
    (
        t("Årskonferansen", "Annual conference"),
        t("arskonferansen", "annual-conference"),
        t(
            "Klyngens årlige møteplass for medlemmer og partnere.",
            "The cluster's yearly meeting place for members and partners.",
        ),
        t("Sykkylven", "Sykkylven"),
        -90, 9, 8,
    ),
]  # fmt: skip


def load_events(home):
    index = ensure_child(
        home,
        EventIndexPage,
        title=t("Arrangementer", "Events"),
        slug=t("arrangementer", "events"),
        show_in_menus=True,
        intro=t(
            "Møter, verksteder og studieturer for medlemmer og partnere.",
            "Meetings, workshops and study trips for members and partners.",
        ),
    )
    today = timezone.localdate()
    for title, slug, intro, location, days, hour, hours in EVENTS:
        start = timezone.make_aware(
            datetime.datetime.combine(today + datetime.timedelta(days=days), datetime.time(hour))
        )
        ensure_child(
            index,
            EventPage,
            title=title,
            slug=slug,
            intro=intro,
            location=location,
            start=start,
            end=start + datetime.timedelta(hours=hours),
            registration_url="https://www.example.no/pamelding" if days > 0 else "",
            body=paragraphs(intro),
        )
    return index


# --- Members -------------------------------------------------------------------

MEMBERS = [
    # name, sector, member since, Norwegian description, English description
    ("Fjordlys Møbler AS", Sector.FURNITURE, 2013, t(
        "Heltremøbler i eik og bjørk, laget på Vestlandet siden 1952.",
        "Solid oak and birch furniture, made in western Norway since 1952.")),
    ("Brattli Stolfabrikk AS", Sector.FURNITURE, 2014, t(
        "Stoler og krakker for hjem, kontor og offentlige rom.",
        "Chairs and stools for homes, offices and public spaces.")),
    ("Nordvik Sofa AS", Sector.FURNITURE, 2016, t(
        "Sofaer med utskiftbare trekk og lang levetid.",
        "Sofas with replaceable covers, built to last.")),
    ("Lyngstad Interiør AS", Sector.INTERIOR, 2015, t(
        "Interiørløsninger for hoteller og restauranter.",
        "Interior solutions for hotels and restaurants.")),
    ("Kvitfjell Lampeverksted AS", Sector.INTERIOR, 2018, t(
        "Håndlagde lamper i glass og messing.",
        "Handmade lamps in glass and brass.")),
    ("Havblikk Keramikk AS", Sector.INTERIOR, 2024, t(
        "Servise og vaser dreid for hånd i Lofoten.",
        "Tableware and vases thrown by hand in Lofoten.")),
    ("Vevstua Tekstil AS", Sector.TEXTILES, 2017, t(
        "Vevde pledd og puter i norsk ull.",
        "Woven throws and cushions in Norwegian wool.")),
    ("Ullgarden AS", Sector.TEXTILES, 2024, t(
        "Møbelstoffer og tepper av sporbar norsk ull.",
        "Upholstery fabrics and rugs of traceable Norwegian wool.")),
]  # fmt: skip


def load_members(home):
    nb = Locale.objects.get(language_code="nb")
    for number, (name, sector, since, description) in enumerate(MEMBERS):
        company = MemberCompany.objects.filter(locale=nb, name=name).first()
        if company is None:
            initials = "".join(word[0] for word in name.split()[:2])
            company = MemberCompany.objects.create(
                locale=nb,
                name=name,
                sector=sector,
                member_since=since,
                description=description,
                website=f"https://{name.split()[0].lower().replace('ø', 'o')}.example.no/",
                logo=demo_images.logo(f"Logo {name}", initials, seed=100 + number),
            )
        translated(company)
    return ensure_child(
        home,
        MemberDirectoryPage,
        title=t("Medlemmer", "Members"),
        slug=t("medlemmer", "members"),
        show_in_menus=True,
        intro=t(
            "Merkevareeierne og partnerne som utgjør klyngen.",
            "The brand owners and partners who make up the cluster.",
        ),
    )


# --- Membership ------------------------------------------------------------------


def load_membership(home, goals):
    return ensure_child(
        home,
        MembershipPage,
        title=t("Bli medlem", "Become a member"),
        slug=t("bli-medlem", "become-a-member"),
        show_in_menus=True,
        intro=t("Vi hører gjerne fra deg!", "We'll be happy to hear from you!"),
        body=[
            (
                "heading",
                {
                    "text": t(
                        "Hvorfor bli medlem av klyngen vår?", "Why become a member of our cluster?"
                    ),
                    "level": "h2",
                },
            ),
            *paragraphs(
                t(
                    "Å være medlem av en næringsklynge handler om å dele og hente inspirasjon "
                    "fra andre bedrifter og akademiske partnere som står overfor de samme "
                    "strategiske utfordringene som deg. Aktørene i Norwegian Rooms® Cluster "
                    "deler et felles ønske om å bygge sterkere norske, internasjonale "
                    "merkevarer.",
                    "Being a member of a business cluster is all about sharing and receiving "
                    "inspiration from other businesses and academic partners who face the same "
                    "strategic challenges as you. The members of the Norwegian Rooms® Cluster "
                    "share a common wish to build stronger Norwegian, international brands.",
                ),
            ),
            (
                "call_to_action",
                {
                    "text": t(
                        "Klyngens fem strategiske mål er grunnlaget for alt vi gjør.",
                        "The cluster's five strategic goals are the foundation of all we do.",
                    ),
                    "button_label": t("Les de strategiske målene", "Read the strategic goals"),
                    "page": goals,
                    "url": "",
                },
            ),
        ],
        form_heading=t("Søk om medlemskap", "Apply for membership"),
        thank_you_text="<p>"
        + t(
            "Takk for søknaden! Vi har sendt deg en bekreftelse på e-post og tar kontakt "
            "med deg snart.",
            "Thank you for your application! We have sent you a confirmation by e-mail and "
            "will be in touch soon.",
        )
        + "</p>",
        to_address="post@example.no",
        from_address="post@example.no",
        subject=t("Ny søknad om medlemskap", "New membership application"),
    )


# --- About page and footer -----------------------------------------------------


def load_about(home, membership):
    return ensure_child(
        home,
        StandardPage,
        title=t("Om klyngen", "About the cluster"),
        slug=t("om-klyngen", "about-the-cluster"),
        show_in_menus=True,
        intro=t(
            "En norsk næringsklynge for merkevareeiere i ferdigvareindustrien, med akademiske "
            "partnere.",
            "A Norwegian business cluster of brand owners in the finished-goods industry, with "
            "academic partners.",
        ),
        body=[
            *paragraphs(
                t(
                    "Klyngen startet med møbler og interiør og omfatter nå også tekstil og "
                    "andre forbrukermerkevarer.",
                    "The cluster started with furniture and interior and now also includes "
                    "textiles and other consumer brands.",
                ),
            ),
            (
                "key_figures",
                {
                    "heading": t("Klyngen i tall", "The cluster in figures"),
                    "figures": [
                        {
                            "number": t("2013", "2013"),
                            "label": t("Arena-klynge siden", "Arena cluster since"),
                        },
                        {
                            "number": t("36", "36"),
                            "label": t(
                                "indikatorer i ESCA-benchmarkingen",
                                "indicators in the ESCA benchmarking",
                            ),
                        },
                        {"number": t("8", "8"), "label": t("medlemsbedrifter", "member companies")},
                    ],
                },
            ),
            (
                "image",
                {
                    "image": demo_images.interior("Om klyngen – verksted", seed=3),
                    "alt_text": t(
                        "Et lyst rom med enkle møbler i tre.",
                        "A bright room with simple wooden furniture.",
                    ),
                    "caption": t("Norsk design i praksis.", "Norwegian design in practice."),
                },
            ),
            (
                "quote",
                {
                    "quote": t(
                        "Sammen når vi lenger ut i verden enn hver for oss.",
                        "Together we reach further into the world than on our own.",
                    ),
                    "attribution": t("Klyngeleder", "Cluster manager"),
                },
            ),
            (
                "call_to_action",
                {
                    "text": t("Vil bedriften din være med?", "Would your company like to join?"),
                    "button_label": t("Bli medlem", "Become a member"),
                    "page": membership,
                    "url": "",
                },
            ),
        ],
    )


def load_footer(labels, programmes):
    nb = Locale.objects.get(language_code="nb")
    footer = Footer.objects.filter(locale=nb).first()
    if footer is None:
        footer = Footer.objects.create(
            locale=nb,
            organisation=t("Norwegian Rooms® Cluster", "Norwegian Rooms® Cluster"),
            about=t(
                "En næringsklynge for norske merkevareeiere i ferdigvareindustrien.",
                "A business cluster for Norwegian brand owners in the finished-goods industry.",
            ),
            address=t(
                "Postboks 123 Sentrum, 0102 Oslo", "PO Box 123 Sentrum, NO-0102 Oslo, Norway"
            ),
            email="post@example.no",
            phone="+47 22 00 00 00",
            links=[
                ("link", {"text": t("Utmerkelser", "Labels"), "page": labels, "url": ""}),
                ("link", {"text": t("Programmer", "Programmes"), "page": programmes, "url": ""}),
            ],
        )
    return translated(footer)


# Fictional addresses (example.no/.com are reserved for examples, RFC 2606): two readers
# who confirmed, one in each language, and one who has not opened the link yet, so the
# admin's Newsletter subscribers and Settings → Personal data have something to show.
DEMO_SUBSCRIBERS = [
    ("lesar@example.no", "nb", NewsletterSubscription.Status.CONFIRMED),
    ("reader@example.com", "en", NewsletterSubscription.Status.CONFIRMED),
    ("venter@example.no", "nb", NewsletterSubscription.Status.PENDING),
]


def load_newsletter():
    now = timezone.now()
    for email, language, status in DEMO_SUBSCRIBERS:
        confirmed = status == NewsletterSubscription.Status.CONFIRMED
        NewsletterSubscription.objects.get_or_create(
            email=email,
            defaults={
                "language": language,
                "status": status,
                "confirmed_at": now if confirmed else None,
                # The pending one's link was "sent" now; it has no token anyone knows.
                "token_sent_at": now,
            },
        )


def load():
    home = load_home()
    goals = load_goals(home)
    label = load_labels(home)
    programme = load_programmes(home)
    load_news(home)
    load_events(home)
    load_members(home)
    membership = load_membership(home, goals)
    load_about(home, membership)
    load_footer(label.get_parent(), programme.get_parent())
    load_newsletter()
