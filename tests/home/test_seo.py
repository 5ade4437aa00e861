"""What search engines and social media see: meta tags, canonical, robots.txt, footer, 404."""

import re

import pytest
from wagtail.images.models import Rendition


def meta(body, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', body)
    return match.group(1) if match else None


def test_description_falls_back_to_the_intro(client, public_site):
    body = client.get(public_site.pages["news"].en.url).content.decode()
    assert meta(body, "name", "description").startswith("How can a sofa get a second life?")
    assert meta(body, "property", "og:description").startswith("How can a sofa")


def test_search_description_wins_over_the_intro(client, public_site):
    page = public_site.pages["news"].en
    page.search_description = "Reuse, repair and recycling of furniture."
    page.seo_title = "Circular furniture"
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert meta(body, "name", "description") == "Reuse, repair and recycling of furniture."
    assert "<title>Circular furniture – Norwegian Rooms®</title>" in body
    assert meta(body, "property", "og:title") == "Circular furniture"


@pytest.mark.parametrize(
    ("name", "language", "locale"), [("news", "nb", "nb_NO"), ("home", "en", "en_GB")]
)
def test_open_graph_and_twitter_card_with_an_image(client, public_site, name, language, locale):
    path = getattr(public_site.pages[name], language).url
    body = client.get(path).content.decode()
    assert meta(body, "property", "og:url").endswith(path)
    assert meta(body, "property", "og:locale") == locale
    image = meta(body, "property", "og:image")
    assert image.startswith("http://testserver/") and image.endswith(".jpg")
    # The rendition's real size: fill-1200x630 never enlarges a smaller original.
    rendition = Rendition.objects.get(file=image.split("/media/", 1)[1])
    assert rendition.filter_spec == "fill-1200x630|format-jpeg"
    assert meta(body, "property", "og:image:width") == str(rendition.width)
    assert meta(body, "property", "og:image:height") == str(rendition.height)
    assert meta(body, "name", "twitter:card") == "summary_large_image"
    assert meta(body, "name", "twitter:image") == image


def test_canonical_points_to_the_page_itself(client, public_site):
    events = public_site.pages["event index"].en.url
    body = client.get(events, {"page": "2"}).content.decode()
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', body).group(1)
    assert canonical.endswith(events)


def test_robots_txt_points_to_the_sitemap(client, public_site):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /admin/" in body


@pytest.mark.parametrize(
    ("language", "contact", "link", "address"),
    [("nb", "Kontakt", "Utmerkelser", "Postboks 123"), ("en", "Contact", "Labels", "PO Box 123")],
)
def test_footer_comes_from_the_snippet_in_the_visitors_language(
    client, public_site, language, contact, link, address
):
    labels = getattr(public_site.pages["label index"], language).url
    footer = client.get(f"/{language}/").content.decode().split('<footer class="site-footer">')[1]
    assert contact in footer
    for text in [f'href="{labels}">{link}', address]:
        assert text in footer
    assert 'href="mailto:post@example.no"' in footer


@pytest.mark.parametrize(
    ("path", "text"),
    [("/nb/finnes-ikke/", "Fant ikke siden"), ("/en/does-not-exist/", "Page not found")],
)
def test_404_in_the_visitors_language(client, public_site, path, text):
    response = client.get(path)
    assert response.status_code == 404
    assert text in response.content.decode()


def test_images_are_webp_renditions_with_srcset(client, public_site):
    body = client.get(public_site.pages["news index"].en.url).content.decode()
    image = re.search(r"<img[^>]*srcset=[^>]*>", body).group(0)
    assert ".webp 400w" in image and ".webp 800w" in image
    assert 'sizes="' in image


def test_menu_toggle_markup_works_without_javascript(client, public_site):
    body = client.get("/nb/").content.decode()
    assert (
        'class="menu-toggle" type="button" aria-controls="site-nav" aria-expanded="false" hidden'
        in body
    )
    assert 'id="site-nav"' in body
    # Until site.js swaps in the button (or without JavaScript), a link opens the menu.
    assert '<a class="menu-fallback" href="#site-nav">' in body


@pytest.mark.parametrize(
    ("language", "title"),
    [
        ("nb", "Norwegian Rooms® – Sterkere norske merkevarer, sammen"),
        ("en", "Norwegian Rooms® – Stronger Norwegian brands, together"),
    ],
)
def test_the_home_page_title_is_the_brand_and_its_tagline(client, public_site, language, title):
    body = client.get(f"/{language}/").content.decode()
    assert re.findall(r"<title>([^<]*)</title>", body) == [title]


def test_a_title_tag_set_on_the_home_page_is_its_tagline(client, public_site):
    home = public_site.pages["home"].en
    home.seo_title = "Furniture and interior brands, together"
    home.save_revision().publish()
    body = client.get("/en/").content.decode()
    assert "<title>Norwegian Rooms® – Furniture and interior brands, together</title>" in body


@pytest.mark.parametrize("title", ["Norwegian Rooms in Milan", "About NORWEGIAN ROOMS®"])
def test_a_title_that_names_the_brand_is_not_followed_by_it_again(client, public_site, title):
    page = public_site.pages["news"].en
    page.seo_title = title
    page.save_revision().publish()
    body = client.get(page.url).content.decode()
    assert re.findall(r"<title>([^<]*)</title>", body) == [title]


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/nb/sok/", "Søkeresultater for «a&amp;b &lt;i&gt;» – Norwegian Rooms®"),
        ("/en/search/", "Search results for “a&amp;b &lt;i&gt;” – Norwegian Rooms®"),
    ],
)
def test_the_search_title_names_the_query_escaped_once(client, public_site, path, title):
    body = client.get(path, {"q": "a&b <i>"}).content.decode()
    assert re.findall(r"<title>([^<]*)</title>", body) == [title]
    assert meta(body, "name", "description")
