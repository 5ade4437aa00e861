"""Demo content for the public site, in Norwegian with English translations.

Every Norwegian text goes through `t(nb, en)`, which records its English
translation in EN; the English pages and snippets are then made from the
Norwegian ones with wagtail-localize (site_core.demo.publish_translation).
Every loader is idempotent: it finds what exists (by slug or name) first.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from site_core.demo import ensure_child_page, publish_translation

from . import demo_images
from .models import (
    ContactPage,
    ContactPageContact,
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
    Partner,
    ProgrammeIndexPage,
    ProgrammeLevel,
    ProgrammePage,
    Sector,
    StaffContact,
    StandardPage,
)
from .models.event_registrations import EventRegistration

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
    "hero_cta_label": t("Bli medlem", "Become a member"),
    "hero_secondary_label": t("Om klyngen", "About the cluster"),
    "key_figures": [
        (
            "figure",
            {"number": t("2013", "2013"), "label": t("Arena-klynge siden", "Arena cluster since")},
        ),
        ("figure", {"number": t("8", "8"), "label": t("medlemsbedrifter", "member companies")}),
        ("figure", {"number": t("5", "5"), "label": t("strategiske mål", "strategic goals")}),
        ("figure", {"number": t("3", "3"), "label": t("offentlige finansiører", "public funders")}),
    ],
}


def load_home():
    """The Norwegian home page as the site root, and its English translation."""
    home = HomePage.objects.filter(locale__language_code="nb").first()
    if home is None:
        root = Page.get_first_root_node()
        hero = demo_images.interior(
            "Hjem – stue",
            seed=1,
            size=(1200, 900),
            description=(
                "Tegnet stue med {furniture}, en stålampe, et rundt teppe og en plante ved "
                "et høyt vindu."
            ),
        )
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
        badge=demo_images.badge(
            "Bronze Label-merke",
            "BRONZE\nLABEL",
            description="Rundt merke i bronse med teksten «Bronze Label».",
        ),
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


# The news items' main images, described in the image library (their alternative text).
NEWS_IMAGES = [
    "Tegnet rom med et lyst vindu, {furniture} og et rundt teppe.",
    "Tegnet arbeidsrom med {furniture}, en lampe i messing og en plante.",
    "Tegnet messestand med {furniture} og en stålampe foran en lys vegg.",
    "Tegnet stue med {furniture} på et tregulv og lys fra et høyt vindu.",
    "Tegnet rom med {furniture}, et teppe i ull og en plante i leirpotte.",
    "Tegnet verksted med et stort vindu, {furniture} og en stålampe.",
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


def load_news(home, contact):
    """The news index and its articles, each with `contact` (a StaffContact) as its
    contact person."""
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
            main_image=demo_images.interior(
                f"Nyhet {number + 1}", seed=10 + number, description=NEWS_IMAGES[number]
            ),
            main_image_caption=t(
                "Illustrasjon: et norsk rom slik klyngens medlemmer tegner det.",
                "Illustration: a Norwegian room as the cluster's members draw it.",
            ),
            main_image_credit="Norwegian Rooms",
            body=paragraphs(text),
            tag_links=[NewsPageTag(tag=tags[key]) for key in tag_keys],
            contact=contact,
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


# The workshop takes sign-ups on the site, with a small capacity and a few fictional
# participants; the others link to an outside sign-up page.
REGISTRATION_EVENT = "verksted-materialvalg"
REGISTRATION_CAPACITY = 12
DEMO_PARTICIPANTS = [
    # name, e-mail, company, language
    ("Kari Nordmann", "kari.nordmann@example.no", "Fjordlys Møbler AS", "nb"),
    ("Ola Berg", "ola.berg@example.no", "Brattli Stolfabrikk AS", "nb"),
    ("Emma Clarke", "emma.clarke@example.com", "Clarke Interiors Ltd", "en"),
]


def load_demo_registrations(event, participants):
    """Fictional confirmed registrations for `event` (created once, no e-mail sent):
    `participants` is [(name, e-mail, company, language), ...]."""
    for name, email, company, language in participants:
        EventRegistration.objects.get_or_create(
            event_key=event.translation_key,
            email=email,
            defaults={"page": event, "name": name, "company": company, "language": language},
        )


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
            organiser=t("Norwegian Rooms", "Norwegian Rooms"),
            price=t(
                "Gratis for medlemmer, 450 kr for andre", "Free for members, NOK 450 for others"
            )
            if hours > 2
            else "",
            image=demo_images.interior(
                f"Arrangement – {slug}",
                seed=40 + hours,
                description="Tegnet møterom med {furniture}, en stålampe og et høyt vindu.",
            ),
            registration_url="https://www.example.no/pamelding"
            if days > 0 and slug != REGISTRATION_EVENT
            else "",
            registration_open=slug == REGISTRATION_EVENT,
            capacity=REGISTRATION_CAPACITY if slug == REGISTRATION_EVENT else None,
            body=paragraphs(intro),
        )
    load_demo_registrations(
        EventPage.objects.child_of(index).get(slug=REGISTRATION_EVENT), DEMO_PARTICIPANTS
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
                logo=demo_images.logo(
                    f"Logo {name}",
                    initials,
                    seed=100 + number,
                    description=f"Logoen til {name}: bokstavene {initials}.",
                ),
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


def load_membership(home, goals, contact):
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
                "paragraph",
                RichText(
                    "<ul>"
                    + "".join(
                        f"<li>{item}</li>"
                        for item in (
                            t(
                                "Nettverk med merkevareeiere, designere og forskere.",
                                "A network of brand owners, designers and researchers.",
                            ),
                            t(
                                "Felles stands og studieturer til internasjonale messer.",
                                "Shared stands and study trips to international fairs.",
                            ),
                            t(
                                "FoU-prosjekter med støtte fra klyngeprogrammet.",
                                "R&D projects supported by the cluster programme.",
                            ),
                            t(
                                "Medlemssidene med dokumenter, prosjekter og nyheter.",
                                "The member pages with documents, projects and news.",
                            ),
                        )
                    )
                    + "</ul>"
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
        terms="<p>"
        + t(
            "Medlemskontingenten er 15 000 kroner i året for bedrifter med inntil 50 "
            "ansatte og 30 000 kroner for større bedrifter (demo-priser).",
            "The membership fee is NOK 15,000 a year for companies with up to 50 employees "
            "and NOK 30,000 for larger companies (demo prices).",
        )
        + "</p><ul><li>"
        + t(
            "Medlemskapet løper ett kalenderår om gangen.",
            "Membership runs one calendar year at a time.",
        )
        + "</li><li>"
        + t(
            "Oppsigelse skjer skriftlig innen 1. oktober.",
            "Notice of termination is given in writing by 1 October.",
        )
        + "</li></ul>",
        contact=contact,
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


# --- Organisation: staff contacts, partners, statements, contact page -----------

STAFF = [
    # (name, role, e-mail, phone, photo description); fictional, marked as demo.
    (
        "Ingrid Solberg (demo)",
        t("Klyngeleder", "Cluster manager"),
        "ingrid.solberg@example.no",
        "+47 22 00 00 01",
        "Illustrasjon: silhuett av en person mot en lys bakgrunn.",
    ),
    (
        "Lars Haugen (demo)",
        t("Prosjektleder, medlemskap og nettverk", "Project manager, membership and network"),
        "lars.haugen@example.no",
        "+47 22 00 00 02",
        "Illustrasjon: silhuett av en person mot en grønn bakgrunn.",
    ),
]


def load_contacts():
    """The demo's staff contacts, published in both languages; returns the Norwegian ones."""
    nb = Locale.objects.get(language_code="nb")
    contacts = []
    for order, (name, role, email, phone, description) in enumerate(STAFF):
        contact = StaffContact.objects.filter(locale=nb, name=name).first()
        if contact is None:
            contact = StaffContact.objects.create(
                locale=nb,
                name=name,
                role=role,
                email=email,
                phone=phone,
                sort_order=order,
                photo=demo_images.portrait(f"Portrett {name}", description, seed=200 + order),
            )
        translated(contact)
        contacts.append(contact)
    return contacts


# The cluster's real public funders and programme (the seed text names them; shown by name,
# not with logos of theirs), and one fictional academic partner with a drawn logo.
FUNDER, PARTNER = Partner.Kind.FUNDER, Partner.Kind.PARTNER
PARTNERS = [
    (t("Innovasjon Norge", "Innovation Norway"), FUNDER, "https://www.innovasjonnorge.no/", ""),
    (t("Siva", "Siva"), FUNDER, "https://siva.no/", ""),
    (
        t("Forskningsrådet", "The Research Council of Norway"),
        FUNDER,
        "https://www.forskningsradet.no/",
        "",
    ),
    (
        t("Norwegian Innovation Clusters", "Norwegian Innovation Clusters"),
        PARTNER,
        "https://www.innovationclusters.no/",
        "",
    ),
    (
        t("Designhøgskolen (demo)", "The Design University College (demo)"),
        PARTNER,
        "https://designhogskolen.example.no/",
        "DH",
    ),
]


def load_partners():
    """The partners and funders, published in both languages."""
    nb = Locale.objects.get(language_code="nb")
    for order, (name, kind, url, initials) in enumerate(PARTNERS):
        partner = Partner.objects.filter(locale=nb, name=name).first()
        if partner is None:
            logo = (
                demo_images.logo(
                    f"Logo {name}",
                    initials,
                    seed=300 + order,
                    description=f"Logoen til {name}: bokstavene {initials}.",
                )
                if initials
                else None
            )
            partner = Partner.objects.create(
                locale=nb, name=name, kind=kind, url=url, sort_order=order, logo=logo
            )
        translated(partner)


def heading(nb, en):
    """A level-2 heading block, its text translated."""
    return ("heading", {"text": t(nb, en), "level": "h2"})


def load_privacy_statement(home):
    """The privacy statement (personvernerklæring): what is stored, why, for how long (the
    default retention, 24 months) and how to ask for access or erasure."""
    return ensure_child(
        home,
        StandardPage,
        title=t("Personvernerklæring", "Privacy statement"),
        slug=t("personvernerklaering", "privacy-statement"),
        intro=t(
            "Slik behandler Norwegian Rooms® Cluster personopplysninger (demo-tekst).",
            "How the Norwegian Rooms® Cluster handles personal data (demo text).",
        ),
        body=[
            heading("Hva vi lagrer, og hvorfor", "What we store, and why"),
            *paragraphs(
                t(
                    "Søknader om medlemskap: bedriftsnavn, organisasjonsnummer, kontaktperson, "
                    "e-post, telefon og meldingen din, for å behandle søknaden og kontakte deg "
                    "om den.",
                    "Membership applications: company name, organisation number, contact "
                    "person, e-mail, phone and your message, to process the application and "
                    "contact you about it.",
                ),
                t(
                    "Påmeldinger til nyhetsbrevet: e-postadressen og tidspunktet du bekreftet, "
                    "for å sende deg nyhetsbrevet.",
                    "Newsletter sign-ups: your e-mail address and when you confirmed it, to "
                    "send you the newsletter.",
                ),
                t(
                    "Påmeldinger til arrangementer: navn, e-post og bedrift, om du har plass "
                    "eller står på venteliste, og når du meldte deg på eller av, for å "
                    "gjennomføre arrangementet og gi deg beskjed om det.",
                    "Event registrations: name, e-mail and company, whether you have a place "
                    "or are on the waiting list, and when you signed up or cancelled, to run "
                    "the event and keep you informed about it.",
                ),
                t(
                    "Grunnlaget er samtykket ditt og vår berettigede interesse i å drive "
                    "klyngen (personvernforordningen artikkel 6).",
                    "The legal basis is your consent and our legitimate interest in running "
                    "the cluster (GDPR Article 6).",
                ),
            ),
            heading("Hvor lenge vi lagrer det", "How long we keep it"),
            *paragraphs(
                t(
                    "Vi sletter søknader om medlemskap 24 måneder etter at de kom inn. En "
                    "påmelding til nyhetsbrevet som ikke blir bekreftet, sletter vi etter sju "
                    "dager; en bekreftet påmelding beholder vi så lenge du abonnerer, og "
                    "sletter den 24 måneder etter at du meldte deg av. Du kan melde deg av når "
                    "som helst med lenken i hver e-post fra oss.",
                    "We erase membership applications 24 months after they arrive. A "
                    "newsletter sign-up that is never confirmed is erased after seven days; a "
                    "confirmed one is kept while you are subscribed and erased 24 months after "
                    "you unsubscribe. You can unsubscribe at any time with the link in every "
                    "e-mail from us.",
                ),
                t(
                    "Påmeldinger til arrangementer, også avmeldte, sletter vi 24 måneder etter "
                    "at arrangementet er over. Du kan melde deg av et arrangement med lenken i "
                    "bekreftelsen.",
                    "We erase event registrations, cancelled ones included, 24 months after "
                    "the event has ended. You can cancel with the link in the confirmation.",
                ),
            ),
            heading("Innsyn, retting og sletting", "Access, correction and erasure"),
            *paragraphs(
                t(
                    "Du har rett til innsyn i, retting av og sletting av opplysningene om deg. "
                    "Skriv til post@example.no, så svarer vi innen 30 dager.",
                    "You have the right to access, correct and erase the data about you. "
                    "Write to post@example.no and we will answer within 30 days.",
                ),
                t(
                    "Mener du at vi behandler opplysningene feil, kan du klage til "
                    "Datatilsynet (datatilsynet.no).",
                    "If you believe we handle your data wrongly, you may complain to the "
                    "Norwegian Data Protection Authority (datatilsynet.no).",
                ),
            ),
        ],
    )


def load_accessibility_statement(home):
    """The accessibility statement (tilgjengelighetserklæring) in the Norwegian structure:
    the standard, known gaps, how to report, the enforcement body."""
    return ensure_child(
        home,
        StandardPage,
        title=t("Tilgjengelighetserklæring", "Accessibility statement"),
        slug=t("tilgjengelighetserklaering", "accessibility-statement"),
        intro=t(
            "Norwegian Rooms® Cluster vil at alle skal kunne bruke nettstedet (demo-tekst).",
            "The Norwegian Rooms® Cluster wants everyone to be able to use this website "
            "(demo text).",
        ),
        body=[
            heading("Standard", "Standard"),
            *paragraphs(
                t(
                    "Nettstedet skal oppfylle WCAG 2.1 nivå AA, slik forskrift om universell "
                    "utforming av informasjons- og kommunikasjonsteknologiske (IKT)-løsninger "
                    "krever.",
                    "The website aims to meet WCAG 2.1 level AA, as the Norwegian regulations "
                    "on universal design of ICT solutions require.",
                ),
            ),
            heading("Kjente mangler", "Known gaps"),
            *paragraphs(
                t(
                    "Noen eldre PDF-dokumenter på medlemssidene er ikke merket for "
                    "skjermlesere. Vi erstatter dem når de oppdateres.",
                    "Some older PDF documents on the member pages are not tagged for screen "
                    "readers. We replace them as they are updated.",
                ),
            ),
            heading("Meld fra om feil", "Report a problem"),
            *paragraphs(
                t(
                    "Finner du noe som ikke virker for deg, skriv til post@example.no eller "
                    "ring +47 22 00 00 00. Vi svarer innen to uker.",
                    "If something does not work for you, write to post@example.no or call "
                    "+47 22 00 00 00. We answer within two weeks.",
                ),
            ),
            heading("Tilsyn", "Enforcement"),
            *paragraphs(
                t(
                    "Tilsynet for universell utforming av IKT i Digitaliseringsdirektoratet "
                    "fører tilsyn med nettsteder. Får du ikke svar fra oss, kan du melde fra "
                    "til tilsynet på uutilsynet.no.",
                    "The Authority for Universal Design of ICT, part of the Norwegian "
                    "Digitalisation Agency, enforces the rules. If we do not answer you, you "
                    "can report to the authority at uutilsynet.no.",
                ),
            ),
        ],
    )


def load_contact_page(home, contacts):
    """The contact page with the staff contacts, in both languages."""
    return ensure_child(
        home,
        ContactPage,
        title=t("Kontakt oss", "Contact us"),
        slug=t("kontakt", "contact"),
        show_in_menus=True,
        intro=t(
            "Spør oss om medlemskap, prosjekter eller arrangementer.",
            "Ask us about membership, projects or events.",
        ),
        contacts=[ContactPageContact(contact=contact) for contact in contacts],
        body=paragraphs(
            t(
                "Kontoret er åpent hverdager 9–15. Ring gjerne før du kommer.",
                "The office is open on weekdays 9–15. Please call before you come.",
            ),
        ),
    )


def link_home_to_about(home, about):
    """The hero's secondary button leads to the about page (set once that page exists; the
    choice is synchronised, so each language's home page names the Norwegian page).

    After the commit: wagtail-localize publishes the English home page then, from the
    object as it was, which would drop a change made before."""

    def link(page_id):
        page = HomePage.objects.get(pk=page_id)
        if page.hero_secondary_page_id is None:
            page.hero_secondary_page = about
            page.save_revision().publish()

    for page in [home, *home.get_translations()]:
        transaction.on_commit(lambda page_id=page.pk: link(page_id))


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
                    "image": demo_images.interior(
                        "Om klyngen – verksted",
                        seed=3,
                        description="Tegnet verksted med {furniture}, et teppe og en plante.",
                    ),
                    "alt_text": t(
                        "Et lyst rom med enkle møbler i tre.",
                        "A bright room with simple wooden furniture.",
                    ),
                    "caption": t("Norsk design i praksis.", "Norwegian design in practice."),
                    "credit": "Norwegian Rooms",
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


def load_footer(labels, programmes, privacy, accessibility):
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
            visiting_address=t(
                "Storgata 1 (demo), 0155 Oslo", "Storgata 1 (demo), NO-0155 Oslo, Norway"
            ),
            organisation_number="987 654 325",
            email="post@example.no",
            phone="+47 22 00 00 00",
            linkedin_url="https://www.linkedin.com/company/example-norwegian-rooms/",
            facebook_url="https://www.facebook.com/example.norwegianrooms/",
            privacy_page=privacy,
            accessibility_page=accessibility,
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
    contacts = load_contacts()
    load_news(home, contacts[0])
    load_events(home)
    load_members(home)
    load_partners()
    membership = load_membership(home, goals, contacts[1])
    about = load_about(home, membership)
    link_home_to_about(home, about)
    load_contact_page(home, contacts)
    privacy = load_privacy_statement(home)
    accessibility = load_accessibility_statement(home)
    load_footer(label.get_parent(), programme.get_parent(), privacy, accessibility)
    load_newsletter()
