"""Every meaningful image of the demo has a text alternative (issue 15, point 5): each
page of the sitemap, both languages, parsed; an image may have an empty alt only when
its page or block marks it decorative (``data-decorative``)."""

import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest
from wagtail.images.models import Image

pytestmark = pytest.mark.django_db


class Images(HTMLParser):
    def __init__(self):
        super().__init__()
        self.images = []

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs))


def test_every_meaningful_demo_image_has_alt_text(client, demo):
    paths = [
        urlparse(loc).path
        for loc in re.findall(r"<loc>([^<]+)</loc>", client.get("/sitemap.xml").content.decode())
    ]
    # Every page type, and the company pages, in both languages.
    assert any(path.startswith("/nb/medlemmer/") and path.count("/") == 4 for path in paths)
    assert any(path.startswith("/en/members/") and path.count("/") == 4 for path in paths)
    checked = 0
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        parser = Images()
        parser.feed(response.content.decode())
        for image in parser.images:
            assert "alt" in image, (path, image)
            if "data-decorative" not in image:
                assert image["alt"].strip(), (path, image.get("src"))
                checked += 1
    assert checked > 40


def test_demo_images_have_descriptions(demo):
    assert not Image.objects.filter(description="").exists()
