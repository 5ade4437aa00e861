"""A link target changed in Norwegian reaches the English translation, and the translation
status counts it: the footer's links (page choosers, overridable segments in
wagtail-localize) follow on sync, a translator's choice of the English page included
(site_core.segment_overrides), and a changed chosen page or tag is a changed segment
(site_core.translation_status)."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import OverridableSegment, SegmentOverride, Translation

from home.models import Footer, NewsPageTag
from site_core import translation_status
from site_core.translation_status import OUTDATED, UP_TO_DATE
from tests.conftest import fresh
from tests.factories import (
    CommunicationsLeadFactory,
    EditorFactory,
    NewsPageFactory,
    StandardPageFactory,
    as_committed,
    bilingual_news_site,
    log_in,
    publish,
    translate,
)
from tests.home.factories import NewsTagFactory, footer

from .helpers import admin_user

pytestmark = pytest.mark.django_db

REPORT = reverse("site_core_translation_status")
CHANGED = {"nb": "1 segment lagt til eller endret.", "en": "1 segment added or changed."}


def page_in_both_languages(parent, title, slug, english_title, english_slug):
    page = publish(StandardPageFactory(parent=parent, title=title, slug=slug))
    translate(page, {title: english_title, slug: english_slug, "En kort ingress.": "Intro."})
    return page


@pytest.fixture(scope="module")
def site_built(shared_db):
    """A bilingual site with a news index and item (tests.factories.bilingual_news_site,
    `.index`, `.news`), pages "Utmerkelser" (/en/labels/), "Programmer" (/en/programmes/)
    and "Kontakt" (/en/contact/) in both languages, and the footer in both languages with
    one link, "Lenke" ("Link"), to "Utmerkelser"; built once for the module."""
    site = bilingual_news_site("Messe i Milano", "messe-i-milano", "Fair in Milan")
    with as_committed():
        site.labels = page_in_both_languages(
            site.nb, "Utmerkelser", "utmerkelser", "Labels", "labels"
        )
        site.programmes = page_in_both_languages(
            site.nb, "Programmer", "programmer", "Programmes", "programmes"
        )
        site.contact = page_in_both_languages(site.nb, "Kontakt", "kontakt", "Contact", "contact")
        site.footer = footer({"Lenke": ("Link", site.labels)})
    return site


@pytest.fixture
def site(site_built):
    """`site_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(site_built)


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def footer_links(client, path):
    """[(address, text)] of the links the footer of `path` shows a visitor, contact links
    left out."""
    client.logout()
    html = client.get(path).text.split('<footer class="site-footer">')[1]
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)
    return [(href, text) for href, text in links if not href.startswith(("mailto:", "tel:"))]


def change_link(client, norwegian, page):
    """The lead points the Norwegian footer's link at `page` in the snippet editor and
    publishes (the link block keeps its id, as the editor's form sends it)."""
    block = norwegian.links[0]
    data = nested_form_data(
        {
            "organisation": norwegian.organisation,
            "about": norwegian.about,
            "address": norwegian.address,
            "email": norwegian.email,
            "phone": norwegian.phone,
            "links": streamfield(
                [("link", {"text": block.value["text"], "page": str(page.pk), "url": ""})]
            ),
        }
    )
    data["links-0-id"] = block.id
    log_in(client, CommunicationsLeadFactory())
    url = reverse(Footer.snippet_viewset.get_url_name("edit"), args=[quote(norwegian.pk)])
    with as_committed():
        assert client.post(url, {**data, "action-publish": "publish"}).status_code == 302
    assert Footer.objects.get(pk=norwegian.pk).links[0].value["page"].pk == page.pk


def choose_in_translation_editor(client, english, page):
    """The translator chooses `page` for the English footer's link in wagtail-localize's
    translation editor (its override API, as the editor's page chooser calls it)."""
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    segment = OverridableSegment.objects.get(
        source=translation.source, context__path__endswith=".page"
    )
    log_in(client, EditorFactory())
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, segment.pk])
    response = client.put(
        url, urlencode({"value": page.pk}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201)
    with as_committed():
        translation.save_target(publish=True)  # the lead publishes the English footer


def sync_and_publish(client, norwegian):
    """The lead presses "Sync translated snippets" with "Publish immediately"."""
    source = Translation.objects.get(source__object_id=norwegian.translation_key).source
    log_in(client, CommunicationsLeadFactory())
    with as_committed():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[source.pk]),
            {"publish_translations": "on"},
        )
    assert response.status_code == 302


def footer_row(norwegian):
    (row,) = translation_status.snippet_rows(norwegian)
    return row


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_changed_footer_link_is_outdated_then_follows_on_sync(client, site, language):
    assert footer_links(client, "/en/") == [("/en/labels/", "Link")]
    change_link(client, site.footer.nb, site.programmes)

    row = footer_row(site.footer.nb)
    assert (row.status, row.changed_segments) == (OUTDATED, 1)
    log_in(client, admin_user(EditorFactory, language))
    report = client.get(REPORT, {"type": "home.footer", "status": OUTDATED}).text
    assert CHANGED[language] in report
    assert footer_links(client, "/en/") == [("/en/labels/", "Link")]  # until synced

    sync_and_publish(client, site.footer.nb)

    assert footer_links(client, "/en/") == [("/en/programmes/", "Link")]
    assert footer_links(client, "/nb/") == [("/nb/programmer/", "Lenke")]
    assert footer_row(site.footer.nb).status == UP_TO_DATE


def test_a_link_the_translator_pointed_at_the_english_page_follows_the_new_target(client, site):
    """The translator chose the English "Labels" page in the translation editor; after the
    Norwegian link moved to "Programmer" and a sync, the English footer links to
    "Programmes", and the editor shows that English page as the choice."""
    choose_in_translation_editor(client, site.footer.en, english_of(site.labels))
    assert footer_links(client, "/en/") == [("/en/labels/", "Link")]

    change_link(client, site.footer.nb, site.programmes)
    sync_and_publish(client, site.footer.nb)

    assert footer_links(client, "/en/") == [("/en/programmes/", "Link")]
    english_footer = Footer.objects.get(pk=site.footer.en.pk)
    assert english_footer.links[0].value["page"].pk == english_of(site.programmes).pk
    override = SegmentOverride.objects.get(locale=site.en.locale)
    assert json.loads(override.data_json) == str(english_of(site.programmes).pk)


def test_a_link_the_translator_pointed_elsewhere_stays_theirs(client, site):
    """A translator's own choice (an English page for "Contact" where Norwegian links to
    "Utmerkelser") is theirs: a new Norwegian target does not undo it."""
    choose_in_translation_editor(client, site.footer.en, english_of(site.contact))

    change_link(client, site.footer.nb, site.programmes)
    sync_and_publish(client, site.footer.nb)

    assert footer_links(client, "/en/") == [("/en/contact/", "Link")]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_a_news_item_whose_tag_changed_counts_it_as_a_changed_segment(client, site, language):
    """A chosen translatable object (wagtail-localize's related-object segment) replaced by
    another is a change of the source the report counts."""
    with as_committed():
        design, fair = NewsTagFactory(name="Design"), NewsTagFactory(name="Messer")
        for tag in (design, fair):
            translate(tag, {})
        news = publish(
            NewsPageFactory(
                parent=site.index,
                title="Ny rapport",
                slug="ny-rapport",
                tag_links=[NewsPageTag(tag=design)],
            )
        )
        english = translate(news, {"Ny rapport": "New report", "Kort ingress.": "Intro."})
    links = list(news.tag_links.all())
    links[0].tag = fair  # the editor chooses another tag in the same place
    news.tag_links = links
    with as_committed():
        publish(news)

    row = translation_status.page_row(english)
    assert (row.status, row.changed_segments) == (OUTDATED, 1)
    log_in(client, admin_user(EditorFactory, language))
    report = client.get(REPORT, {"type": "home.newspage", "status": OUTDATED}).text
    assert CHANGED[language] in report
