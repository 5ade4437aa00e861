"""Responsive images list each width once, with the width the file really has.

Wagtail never enlarges an image, so renditions asked for wider than the original come
out at the original's width; a srcset must not list that width twice (HTML: candidates
of one image may not share a descriptor).
"""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template import Context, Template
from PIL import Image as PILImage

from tests.conftest import fresh
from tests.factories import ImageFactory, bilingual_news_site, publish

pytestmark = pytest.mark.django_db

TEMPLATE_DIRS = [Path(settings.BASE_DIR) / app / "templates" for app in ("home", "site_core")]
TEMPLATE_DIRS.append(Path(settings.BASE_DIR) / "intranet" / "templates")


@pytest.fixture(scope="module")
def tree_built(shared_db):
    return bilingual_news_site("Bilder i nyhetene", "bilder", "Pictures in the news")


@pytest.fixture
def tree(tree_built):
    return fresh(tree_built)


def candidates(img_tag):
    """[(url, width)] of an <img> tag's srcset (width descriptors only)."""
    srcset = re.search(r'srcset="([^"]*)"', img_tag).group(1)
    pairs = [candidate.strip().rsplit(" ", 1) for candidate in srcset.split(",")]
    return [(url, int(descriptor.removesuffix("w"))) for url, descriptor in pairs]


def real_width(url):
    """The width in pixels of the rendition file behind a /media/ URL."""
    with PILImage.open(Path(settings.MEDIA_ROOT) / url.split("/media/", 1)[1]) as file:
        return file.width


def assert_true_and_distinct(img_tag):
    pairs = candidates(img_tag)
    widths = [width for _url, width in pairs]
    assert len(widths) == len(set(widths)), img_tag
    assert all(real_width(url) == width for url, width in pairs), pairs
    return widths


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_news_article_lists_each_width_of_its_picture_once(client, tree, language):
    # 960 pixels wide: fill-960x600 and fill-1280x800 both come out 960 wide.
    tree.news.main_image = ImageFactory(file__width=960, file__height=600)
    publish(tree.news)
    english = tree.news.get_translation(tree.en.locale)
    english.main_image = tree.news.main_image
    publish(english)
    page = tree.news if language == "nb" else english
    body = client.get(page.url).content.decode()
    img = re.search(r'<figure class="article__image"><img[^>]*>', body).group(0)
    assert assert_true_and_distinct(img) == [640, 960]
    assert 'sizes="(min-width: 50rem) 46rem, 100vw"' in img


def test_a_news_card_of_a_small_picture_lists_its_real_width(client, tree):
    tree.news.main_image = ImageFactory(file__width=600, file__height=375)
    publish(tree.news)
    body = client.get(tree.index.url).content.decode()
    img = re.search(r'<img[^>]*class="card__image"[^>]*>', body).group(0)
    assert assert_true_and_distinct(img) == [400, 600]


def srcset_tags():
    """Every {% srcset_image %} tag of the site's templates: [(template path, tag)]."""
    return [
        (path, tag)
        for folder in TEMPLATE_DIRS
        for path in sorted(folder.rglob("*.html"))
        for tag in re.findall(r"{% srcset_image [^%]*%}", path.read_text())
    ]


def test_every_template_with_a_srcset_uses_the_site_tag():
    paths = {path for path, _tag in srcset_tags()}
    assert len(paths) >= 7
    for path in paths:
        loads = re.findall(r"{% load ([^%]*)%}", path.read_text())
        libraries = " ".join(loads).split()
        assert "image_tags" in libraries and "wagtailimages_tags" not in libraries, path


class Anything:
    """A template variable whose every attribute is None (a page's decorative flag, a
    company's logo text): what the srcset test does not look at."""

    def __getattr__(self, name):
        return None


@pytest.mark.parametrize(("width", "height"), [(100, 80), (500, 500), (1000, 700)])
def test_every_srcset_in_the_templates_lists_distinct_true_widths(width, height):
    image = ImageFactory(file__width=width, file__height=height)
    for path, tag in srcset_tags():
        source = tag.replace(tag.split()[2], "image", 1)  # the template's image variable
        names = ("page", "item", "member", "company", "label", "contact")
        objects = {name: Anything() for name in names}
        html = Template("{% load image_tags %}" + source).render(
            Context({"image": image, "value": Anything(), **objects})
        )
        assert_true_and_distinct(html), path


def test_one_width_left_keeps_a_srcset_for_its_sizes():
    image = ImageFactory(file__width=300, file__height=200)
    html = Template(
        '{% load image_tags %}{% srcset_image image fill-{400x250,800x500} sizes="50vw" alt="" %}'
    ).render(Context({"image": image}))
    assert len(candidates(html)) == 1
    assert candidates(html)[0][1] == real_width(candidates(html)[0][0]) == 300
    assert 'sizes="50vw"' in html
