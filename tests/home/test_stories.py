"""Pages with a story (issue 15, points 2 and 5): an article's breadcrumbs, tags, main
image with caption and credit, related articles and share links; an event's facts, map
link, calendar file and "ended" marker; the member directory's sector form and company
pages; images whose alt text is their description in the library. Both languages."""

import datetime
import json
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from django.utils import timezone
from icalendar import Calendar
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from home.blocks import CaptionedImageBlock
from home.models import MemberCompany, NewsPage, NewsPageTag, NewsTag
from tests.conftest import fresh
from tests.factories import (
    EventPageFactory,
    ImageFactory,
    NewsPageFactory,
    as_committed,
    bilingual_site,
    publish,
    render_live_pages,
    restrict,
    translate,
)

from .factories import (
    MemberCompanyFactory,
    events_section,
    member_directory,
    news_section,
)

pytestmark = pytest.mark.django_db

ROOM = "Et lyst rom med en sofa i ull."


@pytest.fixture(scope="module")
def stories_built(shared_db):
    """News (six items, home.factories.NEWS, each with a described main image), the
    calendar (EVENTS) and the member directory (MEMBERS, with logos), both languages."""
    with as_committed():
        site = bilingual_site()
        site.news = news_section(site)
        site.events = events_section(site)
        site.directory = member_directory(site, logos=True)
    # After the commit, which publishes the translations from their sources' revisions.
    NewsPage.objects.update(main_image=ImageFactory(title="Stue", description=ROOM))
    render_live_pages()
    return site


@pytest.fixture
def stories(stories_built):
    return fresh(stories_built)


class Images(HTMLParser):
    """The attributes of every <img> in a document, as dicts."""

    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def images(body):
    """The attributes of every <img> in the page's <main> (not the header's logo)."""
    parser = Images()
    parser.feed(body.split("<main", 1)[1])
    return parser.images


def get(client, path, **query):
    response = client.get(path, query)
    assert response.status_code == 200, path
    return response.content.decode()


def json_ld(body):
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    return [json.loads(data) for data in found]


# --- Articles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "crumbs"),
    [
        ("/nb/nyheter/messestand-milano/", ["Forside", "Nyheter", "Felles messestand i Milano"]),
        ("/en/news/shared-stand-milan/", ["Home", "News", "A shared stand in Milan"]),
    ],
)
def test_article_has_breadcrumbs_and_their_schema_org_list(client, stories, path, crumbs):
    body = get(client, path)
    nav = re.search(r'<nav class="breadcrumb"[^>]*>(.*?)</nav>', body, re.S).group(1)
    assert re.findall(r"<(?:a|span) [^>]*>([^<]+)</(?:a|span)>", nav) == crumbs
    assert f'<span aria-current="page">{crumbs[-1]}</span>' in nav
    (data,) = json_ld(body)
    assert data["@type"] == "BreadcrumbList"
    assert [item["name"] for item in data["itemListElement"]] == crumbs
    assert [item["position"] for item in data["itemListElement"]] == [1, 2, 3]
    assert data["itemListElement"][-1]["item"] == f"http://testserver{path}"


def test_a_title_cannot_close_the_json_ld_script(client, stories):
    with as_committed():
        page = publish(
            NewsPageFactory(
                parent=stories.news, title="</script><script>alert(1)</script>", slug="lur"
            )
        )
    body = get(client, page.url)
    assert "</script><script>alert(1)" not in body
    (data,) = json_ld(body)
    assert data["itemListElement"][-1]["name"] == "</script><script>alert(1)</script>"


@pytest.mark.parametrize(
    ("path", "tag", "tagged", "untagged"),
    [
        ("/nb/nyheter/messestand-milano/", "internasjonalisering", "Felles messestand i Milano",
         "Designuka i Stockholm"),
        ("/en/news/shared-stand-milan/", "internationalisation", "A shared stand in Milan",
         "Stockholm Design Week"),
    ],
)  # fmt: skip
def test_an_articles_tags_lead_to_the_news_filtered_by_them(client, stories, path, tag, tagged,
                                                           untagged):  # fmt: skip
    body = get(client, path)
    index = path.rsplit("/", 2)[0] + "/"
    link = f'href="{index}?tag={tag}"'
    assert link in body
    listing = get(client, index, tag=tag)
    assert tagged in listing and untagged not in listing


def test_main_image_caption_and_credit_in_both_languages(client, stories):
    with as_committed():
        page = publish(
            NewsPageFactory(
                parent=stories.news,
                slug="messehallen",
                main_image=ImageFactory(description=ROOM),
                main_image_caption="Messehallen i Stockholm.",
                main_image_credit="Kari Nordmann",
            )
        )
        english = translate(page, {"Messehallen i Stockholm.": "The fair hall in Stockholm."})
    nb = get(client, page.url)
    assert "<figcaption>Messehallen i Stockholm. " in nb
    assert '<span class="credit">Foto: Kari Nordmann</span>' in nb
    en = get(client, english.url)
    assert "<figcaption>The fair hall in Stockholm. " in en
    assert '<span class="credit">Photo: Kari Nordmann</span>' in en


def test_main_image_alt_is_its_description_marked_norwegian_on_english_pages(client, stories):
    (nb_main, *_rest) = images(get(client, "/nb/nyheter/designuka/"))
    assert nb_main["alt"] == ROOM and "lang" not in nb_main
    (en_main, *_rest) = images(get(client, "/en/news/design-week/"))
    assert en_main["alt"] == ROOM and en_main["lang"] == "nb"


def test_a_decorative_main_image_has_empty_alt(client, stories):
    page = NewsPage.objects.get(slug="designuka")
    page.main_image_decorative = True
    with as_committed():
        publish(page)
    main = images(get(client, page.url))[0]
    assert main["alt"] == "" and "data-decorative" in main and "lang" not in main


def related_titles(body):
    section = re.search(r'<section class="section related".*?</section>', body, re.S)
    return re.findall(r'class="card__title"><a [^>]*>([^<]+)</a>', section.group(0))


def test_related_articles_share_tags_first_never_itself(client, stories):
    # "Merkevareverksted" is tagged branding and design: the newest items with either come
    # before "Sirkulære verdikjeder", newer but tagged sustainability only.
    assert related_titles(get(client, "/nb/nyheter/merkevareverksted/")) == [
        "Norwegian Rooms tildelt Bronze Label",
        "Felles messestand i Milano",
        "Tre nye medlemmer",
    ]
    assert related_titles(get(client, "/en/news/branding-workshop/")) == [
        "Norwegian Rooms awarded the Bronze Label",
        "A shared stand in Milan",
        "Three new members",
    ]


def test_related_articles_leave_out_restricted_and_draft_news(client, stories):
    restrict(NewsPage.objects.get(slug="tildelt-bronze-label"), "Medlemmer")
    NewsPage.objects.get(slug="messestand-milano").unpublish()
    # The two tagged items left, then the latest other news.
    assert related_titles(get(client, "/nb/nyheter/merkevareverksted/")) == [
        "Tre nye medlemmer",
        "Designuka i Stockholm",
        "Sirkulære verdikjeder for møbler",
    ]


def test_news_without_shared_tags_relates_the_latest(client, stories):
    lonely = NewsTag.objects.create(locale=stories.news.locale, name="Ensom", slug="ensom")
    with as_committed():
        page = publish(
            NewsPageFactory(
                parent=stories.news,
                title="Alene",
                slug="alene",
                date=timezone.localdate() - datetime.timedelta(days=400),
                tag_links=[NewsPageTag(tag=lonely)],
            )
        )
    titles = related_titles(get(client, page.url))
    assert titles == [
        "Norwegian Rooms tildelt Bronze Label",
        "Felles messestand i Milano",
        "Sirkulære verdikjeder for møbler",
    ]


def test_share_links_carry_the_address_and_title_encoded(client, stories):
    with as_committed():
        page = publish(
            NewsPageFactory(parent=stories.news, title='Møbler & "design" #1?', slug="deling")
        )
    body = get(client, page.url)
    links = dict(re.findall(r'<li><a href="([^"]+)" rel="noopener">([^<]+)</a></li>', body))
    by_label = {label: href.replace("&amp;", "&") for href, label in links.items()}
    address = "http://testserver/nb/nyheter/deling/"
    linkedin = urlparse(by_label["LinkedIn"])
    assert linkedin.netloc == "www.linkedin.com" and linkedin.path == "/sharing/share-offsite/"
    assert parse_qs(linkedin.query) == {"url": [address]}
    facebook = urlparse(by_label["Facebook"])
    assert parse_qs(facebook.query) == {"u": [address]}
    mail = urlparse(by_label["E-post"])
    assert mail.scheme == "mailto"
    fields = {key: unquote(value) for key, value in (p.split("=") for p in mail.query.split("&"))}
    assert fields == {"subject": 'Møbler & "design" #1?', "body": address}
    assert f"<code>{address}</code>" in body
    assert "<iframe" not in body and "platform.linkedin.com" not in body


# --- Events ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("nb", ["Arrangør", "Klyngen", "Pris", "Gratis", "Meld deg på"]),
        ("en", ["Organiser", "The cluster", "Price", "Free", "Sign up"]),
    ],
)
def test_event_shows_organiser_price_map_and_registration(client, stories, language, words):
    with as_committed():
        event = publish(
            EventPageFactory(
                parent=stories.events,
                title="Møte",
                slug="mote",
                location="Ålesund",
                organiser="Klyngen",
                registration_url="https://www.example.no/pamelding",
            )
        )
        english = translate(event, {"Møte": "Meeting", "Klyngen": "The cluster"})
    body = get(client, event.url if language == "nb" else english.url)
    for word in words:
        assert word in body
    assert 'href="https://www.openstreetmap.org/search?query=%C3%85lesund"' in body
    assert 'href="https://www.example.no/pamelding"' in body
    assert "<iframe" not in body
    assert '<nav class="breadcrumb"' in body


def test_a_priced_event_shows_its_price(client, stories):
    event = stories.events.get_children().get(slug="medlemsmote").specific
    event.price = "450 kr"
    with as_committed():
        publish(event)
    body = get(client, event.url)
    assert "<dd>450 kr</dd>" in body and "Gratis" not in body


@pytest.mark.parametrize(
    ("path", "summary"),
    [
        ("/nb/arrangementer/medlemsmote/", "Medlemsmøte og klyngesamling"),
        ("/en/events/members-meeting/", "Members' meeting and cluster gathering"),
    ],
)
def test_add_to_calendar_downloads_an_ics_file_in_oslo_time(client, stories, path, summary):
    body = get(client, path)
    link = re.search(r'href="([^"]+/ical/)" download>', body).group(1)
    response = client.get(link)
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == summary
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert event.decoded("DTSTART").hour == 10  # EVENTS: ten o'clock, Norwegian time
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Oslo"]


@pytest.mark.parametrize(
    ("event_path", "index_path", "ended"),
    [
        ("/nb/arrangementer/frokostmote-eksport/", "/nb/arrangementer/", "Arrangementet er over"),
        ("/en/events/breakfast-exports/", "/en/events/", "This event has ended"),
    ],
)
def test_past_events_are_marked_on_the_page_and_in_the_list(client, stories, event_path,
                                                            index_path, ended):  # fmt: skip
    body = get(client, event_path)
    assert ended in body
    assert "pamelding" not in body
    upcoming, past = get(client, index_path).split('id="past-heading"')
    assert ended not in upcoming
    assert past.count(ended) == 2  # EVENTS: two past events


def test_a_coming_event_is_not_marked_ended(client, stories):
    body = get(client, "/en/events/members-meeting/")
    assert "This event has ended" not in body


# --- Member directory ----------------------------------------------------------------


def member_names(body):
    return re.findall(r'class="member__name"><a [^>]*>([^<]+)</a>', body)


@pytest.mark.parametrize(
    ("path", "label", "names"),
    [
        ("/nb/medlemmer/", "Tekstil", ["Ullgarden AS", "Vevstua Tekstil AS"]),
        ("/en/members/", "Textiles", ["Ullgarden AS", "Vevstua Tekstil AS"]),
    ],
)
def test_sector_form_filters_and_keeps_other_parameters(client, stories, path, label, names):
    body = get(client, path, sector="textiles", utm_source="nyhetsbrev")
    assert member_names(body) == names
    form = re.search(r'<form class="filters form" method="get".*?</form>', body, re.S).group(0)
    assert '<input type="hidden" name="utm_source" value="nyhetsbrev">' in form
    assert f'<option value="textiles" selected>{label}</option>' in form
    assert '<button class="button button--small" type="submit">' in form


def test_sector_form_escapes_the_parameters_it_keeps(client, stories):
    body = get(client, "/nb/medlemmer/", **{'"><script>': "<b>"})
    assert "<script>" not in body.split('class="filters form"')[1].split("</form>")[0]


@pytest.mark.parametrize(
    ("path", "description", "other_language"),
    [
        ("/nb/medlemmer/kvitfjell-lampeverksted-as/", "Håndlagde lamper i glass og messing.",
         "Handmade lamps"),
        ("/en/members/kvitfjell-lampeverksted-as/", "Handmade lamps in glass and brass.",
         "Håndlagde lamper"),
    ],
)  # fmt: skip
def test_company_page_in_both_languages(client, stories, path, description, other_language):
    body = get(client, path)
    assert "<h1>Kvitfjell Lampeverksted AS</h1>" in body
    assert description in body and other_language not in body
    assert re.search(r'<a class="button button--secondary" href="https://bedrift\d+\.example\.no/" '
                     r'rel="noopener">', body)  # fmt: skip
    assert "<title>Kvitfjell Lampeverksted AS – Norwegian Rooms®</title>" in body
    assert f'<link rel="canonical" href="http://testserver{path}">' in body
    (logo,) = [img for img in images(body) if "company__logo" in img.get("class", "")]
    assert logo["alt"] == "Kvitfjell Lampeverksted AS"
    (trail,) = json_ld(body)
    directory = path.rsplit("/", 2)[0] + "/"
    assert [item["item"] for item in trail["itemListElement"]][1:] == [
        f"http://testserver{directory}",
        f"http://testserver{path}",
    ]
    assert '<span aria-current="page">Kvitfjell Lampeverksted AS</span>' in body


def test_directory_links_each_company_page(client, stories):
    body = get(client, "/en/members/")
    assert 'href="/en/members/ullgarden-as/">Ullgarden AS</a>' in body
    logos = [img for img in images(body) if "member__logo" in img.get("class", "")]
    assert len(logos) == 8 and all(img["alt"] for img in logos)


def test_a_logo_with_a_description_uses_it(client, stories):
    company = MemberCompany.objects.get(locale__language_code="en", slug="ullgarden-as")
    company.logo.description = "Ullgardens logo: en sau i en sirkel."
    company.logo.save()
    (logo,) = [img for img in images(get(client, "/en/members/ullgarden-as/"))
               if "company__logo" in img.get("class", "")]  # fmt: skip
    assert logo["alt"] == "Ullgardens logo: en sau i en sirkel." and logo["lang"] == "nb"


def test_draft_and_unknown_companies_have_no_page(client, stories):
    MemberCompanyFactory(name="Hemmelig AS", live=False)
    assert client.get("/nb/medlemmer/hemmelig-as/").status_code == 404
    assert client.get("/nb/medlemmer/finnes-ikke/").status_code == 404
    assert "Hemmelig" not in get(client, "/nb/medlemmer/")


def test_sitemap_lists_published_company_pages_with_alternates(client, stories):
    MemberCompanyFactory(name="Hemmelig AS", live=False)
    sitemap = get(client, "/sitemap.xml")
    assert "hemmelig-as" not in sitemap
    entry = re.search(
        r"<url><loc>http://testserver/en/members/ullgarden-as/</loc>.*?</url>", sitemap
    ).group(0)
    assert 'hreflang="nb" href="http://testserver/nb/medlemmer/ullgarden-as/"' in entry
    assert 'hreflang="x-default" href="http://testserver/nb/medlemmer/ullgarden-as/"' in entry
    assert "<loc>http://testserver/nb/medlemmer/ullgarden-as/</loc>" in sitemap


def test_a_restricted_directory_puts_no_company_in_the_sitemap(client, stories):
    restrict(stories.directory.nb, "Medlemmer")
    assert "ullgarden-as" not in get(client, "/sitemap.xml")


def test_company_slugs_are_ascii_and_unique(stories):
    first = MemberCompanyFactory(name="Ærlige Møbler AS")
    second = MemberCompanyFactory(name="Ærlige Møbler AS")
    assert (first.slug, second.slug) == ("aerlige-mobler-as", "aerlige-mobler-as-2")


# --- Telling the editor about missing descriptions ----------------------------------------


def test_image_block_asks_for_alt_text_when_the_image_has_no_description(stories):
    from django.core.exceptions import ValidationError

    block = CaptionedImageBlock()
    bare = ImageFactory(description="")
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"image": bare.pk, "alt_text": "", "decorative": False}))
    block.clean(block.to_python({"image": bare.pk, "alt_text": "Et rom", "decorative": False}))
    block.clean(block.to_python({"image": bare.pk, "alt_text": "", "decorative": True}))
    described = ImageFactory(description="Et rom")
    block.clean(block.to_python({"image": described.pk, "alt_text": "", "decorative": False}))


def test_the_admin_asks_for_a_description_or_decorative(client, stories, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", "a@example.no", "x"))
    bare = ImageFactory(title="Uten beskrivelse", description="")
    add = f"/admin/pages/add/home/newspage/{stories.news.pk}/"

    def post(slug, **fields):
        data = nested_form_data(
            {
                "title": "Med bilde",
                "slug": slug,
                "date": "2026-11-30",
                "body": streamfield([]),
                "tag_links": inline_formset([]),
                "main_image": bare.pk,
                **fields,
            }
        )
        return client.post(add, data)

    refused = post("med-bilde")
    assert refused.status_code == 200
    assert "«Uten beskrivelse» har ingen beskrivelse i bildebiblioteket" in refused.content.decode()
    assert not NewsPage.objects.filter(slug="med-bilde").exists()
    assert post("dekor", main_image_decorative="on").status_code == 302
    assert NewsPage.objects.get(slug="dekor").main_image_decorative
    bare.description = "Et lyst rom."
    bare.save()
    assert post("beskrevet").status_code == 302


def test_event_image_without_description_falls_back_to_its_title(client, stories):
    with as_committed():
        event = publish(
            EventPageFactory(
                parent=stories.events, slug="bilde", image=ImageFactory(title="Salen i Ålesund")
            )
        )
    (main,) = [img for img in images(get(client, event.url)) if "srcset" in img]
    assert main["alt"] == "Salen i Ålesund"


@pytest.mark.parametrize(
    ("path", "other_path"),
    [
        ("/nb/medlemmer/kvitfjell-lampeverksted-as/", "/en/members/kvitfjell-lampeverksted-as/"),
        ("/en/members/kvitfjell-lampeverksted-as/", "/nb/medlemmer/kvitfjell-lampeverksted-as/"),
    ],
)
@pytest.mark.parametrize("fragment_cache_seconds", [0, 3600])
def test_company_page_language_link_goes_to_the_same_company(
    client, stories, settings, path, other_path, fragment_cache_seconds
):
    # With the header kept in the cache, the directory's own header (visited first, same
    # page) must not stand in for the company page's.
    settings.FRAGMENT_CACHE_SECONDS = fragment_cache_seconds
    directory = path.rsplit("/", 2)[0] + "/"
    get(client, directory)
    switcher = get(client, path).split('class="language-switcher"')[1].split("</nav>")[0]
    assert f'href="http://testserver{other_path}"' in switcher
    assert "not translated" not in switcher and "ikke oversatt" not in switcher
    # And the directory keeps its own links.
    directory_switcher = get(client, directory).split('class="language-switcher"')[1]
    assert other_path not in directory_switcher.split("</nav>")[0]
