"""Snippets visitors see (member companies, news tags, the footer) have draft state
(site_core.snippet_drafts): *Translate* makes a draft that shows nowhere public until the
Communications lead publishes it in that language, and an editor's change goes through the
approval workflow, a draft until the lead approves it."""

import re

import pytest
from django.contrib.admin.utils import quote
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from home.models import Footer, MemberCompany, NewsPageTag, NewsTag
from site_core.editorial import APPROVAL_WORKFLOW
from tests.factories import (
    CommunicationsLeadFactory,
    EditorFactory,
    StandardPageFactory,
    as_committed,
    log_in,
    publish,
    translate,
)
from tests.site_core.helpers import admin_user, submit, type_translations
from tests.site_core.test_cache_purge import PURGED, purged  # noqa: F401  (a fixture)

from .factories import MemberCompanyFactory, NewsTagFactory

pytestmark = pytest.mark.django_db


def edit_url(instance):
    viewset = type(instance).snippet_viewset
    return reverse(viewset.get_url_name("edit"), args=[quote(instance.pk)])


def translate_in_admin(client, instance, locale, strings):
    """An editor presses *Translate* on `instance` and types `strings` in the translation
    editor; returns the new translation (as the database has it)."""
    log_in(client, EditorFactory())
    with as_committed():
        translation = submit(client, instance, locale)
    type_translations(translation, strings)
    return type(instance).objects.get(pk=translation.get_target_instance().pk)


def publish_in_editor(client, instance, user):
    """`user` presses Publish in the translation editor of `instance`; returns the
    response."""
    log_in(client, user)
    with as_committed():
        return client.post(edit_url(instance), {"action": "publish"})


def public(client, url):
    client.logout()
    response = client.get(url)
    assert response.status_code == 200, url
    return response.text


def member_names(html):
    return re.findall(r'class="member__name">(?:<a [^>]*>)?([^<]+)<', html)


@pytest.fixture
def company(public_site):
    """A live Norwegian member company, not yet in English."""
    with as_committed():
        return MemberCompanyFactory(
            name="Fjordlys Interiør AS", description="Håndlagde lamper i glass."
        )


def test_a_translated_member_company_is_listed_in_english_only_once_published(
    client, public_site, company
):
    directory = public_site.pages["member directory"]
    english = translate_in_admin(
        client,
        company,
        public_site.en.locale,
        {"Håndlagde lamper i glass.": "Handmade glass lamps."},
    )

    assert "Fjordlys Interiør AS" not in member_names(public(client, directory.en.url))
    assert "Fjordlys Interiør AS" in member_names(public(client, directory.nb.url))
    assert 'class="search-results"' not in public(client, "/en/search/?q=Fjordlys")
    assert not english.live

    # The editor may not publish it (the approval workflow): wagtail-localize refuses.
    assert publish_in_editor(client, english, EditorFactory()).status_code == 302
    assert not MemberCompany.objects.get(pk=english.pk).live

    response = publish_in_editor(client, english, CommunicationsLeadFactory())
    assert response.status_code == 302
    assert MemberCompany.objects.get(pk=english.pk).live
    listing = public(client, directory.en.url)
    assert "Fjordlys Interiør AS" in member_names(listing)
    assert "Handmade glass lamps." in listing
    assert "Håndlagde lamper" not in listing


@pytest.fixture
def tagged(public_site):
    """A live Norwegian tag "Akustikk" on the Norwegian news item of `public_site`."""
    news = public_site.pages["news"]
    with as_committed():
        tag = NewsTagFactory(name="Akustikk", slug="akustikk")
        NewsPageTag.objects.create(page=news.nb, tag=tag, locale=news.nb.locale)
    return tag


def tag_places(client, site):
    """The public places an English tag shows (the news filters, the news item, the feed)
    as {name: HTML or XML}."""
    index, news = site.pages["news index"].en, site.pages["news"].en
    return {
        "filters": public(client, index.url).split('class="filters"')[1].split("</nav>")[0],
        "item": public(client, news.url).split('class="tag-list"')[-1].split("</ul>")[0],
        "feed": public(client, index.url + "rss/"),
    }


def test_a_translated_news_tag_shows_in_english_only_once_published(client, public_site, tagged):
    news = public_site.pages["news"]
    english = translate_in_admin(
        client, tagged, public_site.en.locale, {"Akustikk": "Acoustics", "akustikk": "acoustics"}
    )
    # The English news item chooses it, as its next sync from the Norwegian one would.
    NewsPageTag.objects.create(page=news.en, tag=english, locale=news.en.locale)

    for place, text in tag_places(client, public_site).items():
        assert "Akustikk" not in text, place
        assert "Acoustics" not in text, place
    index = public_site.pages["news index"].en.url
    assert "That tag does not exist" in public(client, f"{index}?tag=akustikk")
    assert not english.live
    norwegian = public(client, news.nb.url)
    assert "Akustikk" in norwegian.split('class="tag-list"')[-1]

    assert publish_in_editor(client, english, CommunicationsLeadFactory()).status_code == 302
    assert NewsTag.objects.get(pk=english.pk).live
    for place, text in tag_places(client, public_site).items():
        assert "Acoustics" in text, place
        assert "Akustikk" not in text, place
    assert "That tag does not exist" not in public(client, f"{index}?tag=acoustics")


def footer_html(client, path):
    return public(client, path).split('<footer class="site-footer">')[1]


@pytest.fixture
def norwegian_footer(bilingual):
    """A bilingual site with a page in both languages ("Om oss", "About us") and a
    Norwegian footer linking to it, not yet in English."""
    with as_committed():
        about = publish(StandardPageFactory(parent=bilingual.nb, title="Om oss", slug="om-oss"))
        translate(about, {"Om oss": "About us", "om-oss": "about-us", "En kort ingress.": "Intro."})
        bilingual.footer = Footer.objects.create(
            locale=bilingual.nb.locale,
            organisation="Norwegian Rooms® Cluster",
            about="En næringsklynge for merkevareeiere.",
            links=[("link", {"text": "Om klyngen", "page": about, "url": ""})],
        )
    return bilingual


def test_a_translated_footer_shows_in_english_only_once_published(client, norwegian_footer):
    site = norwegian_footer
    strings = {
        "Norwegian Rooms® Cluster": "Norwegian Rooms® Cluster",
        "En næringsklynge for merkevareeiere.": "A business cluster of brand owners.",
        "Om klyngen": "About the cluster",
    }
    before = footer_html(client, "/en/")
    assert 'href="/nb/om-oss/"' in before  # no English footer: the Norwegian one, as always

    english = translate_in_admin(client, site.footer, site.en.locale, strings)

    assert footer_html(client, "/en/") == before
    assert not english.live
    assert publish_in_editor(client, english, CommunicationsLeadFactory()).status_code == 302
    published = footer_html(client, "/en/")
    assert "A business cluster of brand owners." in published
    assert 'href="/en/about-us/">About the cluster<' in published
    assert "En næringsklynge" not in published
    assert "En næringsklynge for merkevareeiere." in footer_html(client, "/nb/")


@pytest.mark.parametrize("language", ["nb", "en"])
@pytest.mark.usefixtures("purged")
def test_an_editor_submits_a_snippet_change_and_the_lead_publishes_it(
    client, public_site, company, django_capture_on_commit_callbacks, language
):
    """The snippets use the pages' workflow, Communications lead approval: an editor has
    no Publish button, a draft changes nothing public (no purge either), the lead is told
    in their admin language and approves, and the change goes live."""
    editor = admin_user(EditorFactory, language)
    lead = admin_user(CommunicationsLeadFactory, language)
    directory = public_site.pages["member directory"].nb.url
    log_in(client, editor)
    form = client.get(edit_url(company)).text
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form
    data = {
        "name": "Fjordlys Lys AS",
        "website": "https://fjordlys.example.no/",
        "sector": company.sector,
        "description": company.description,
        "member_since": "",
    }
    PURGED.clear()  # what making the company purged

    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(company), {**data, "action-publish": "publish"})
    assert "Fjordlys Lys AS" not in member_names(public(client, directory))
    assert PURGED == []

    log_in(client, editor)
    with django_capture_on_commit_callbacks(execute=True):
        assert (
            client.post(edit_url(company), {**data, "action-submit": "submit"}).status_code == 302
        )
    assert "Fjordlys Lys AS" not in member_names(public(client, directory))
    assert PURGED == []
    to_lead = [message for message in mail.outbox if message.to == [lead.email]]
    assert len(to_lead) == 1
    submitted = {"nb": "er sendt til godkjenning", "en": "has been submitted for approval"}
    assert submitted[language] in to_lead[0].subject
    # The workflow's name in the lead's language (site_core.workflow_names).
    names = {"nb": "Godkjenning hos kommunikasjonsleder", "en": APPROVAL_WORKFLOW}
    assert names[language] in to_lead[0].body

    log_in(client, lead)
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert "Fjordlys Lys AS" in dashboard.split("awaiting-review")[-1]
    state = WorkflowState.objects.get(object_id=str(company.pk), status="in_progress")
    approve = reverse(
        MemberCompany.snippet_viewset.get_url_name("workflow_action"),
        args=[quote(company.pk), "approve", state.current_task_state.pk],
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(approve, {"comment": ""}).status_code == 302
    assert "Fjordlys Lys AS" in member_names(public(client, directory))
    assert "http://testserver/*" in PURGED


def test_a_draft_of_the_norwegian_footer_reaches_no_english_footer(client, public_site):
    """The footer's phone number is copied to the English footer when the Norwegian one is
    published (site_core.snippet_sync), not when a draft is saved."""
    norwegian = public_site.footer.nb
    norwegian.phone = "+47 99 99 99 99"
    norwegian.save_revision(user=EditorFactory())  # "Save draft" in the snippet editor

    assert "+47 99 99 99 99" not in footer_html(client, "/en/")
    assert Footer.objects.get(pk=public_site.footer.en.pk).phone == "+47 22 00 00 00"

    with as_committed():
        norwegian.get_latest_revision().publish()
    assert "+47 99 99 99 99" in footer_html(client, "/en/")
    assert "+47 99 99 99 99" in footer_html(client, "/nb/")


def test_deleting_a_live_snippet_is_the_leads_not_an_editors(client, norwegian_footer):
    """Deleting the footer takes it off every page (English pages fall back to the
    Norwegian one): unpublishing, which only the lead does (migration home 0007)."""
    footer = norwegian_footer.footer
    delete_url = reverse(type(footer).snippet_viewset.get_url_name("delete"), args=[footer.pk])
    log_in(client, EditorFactory())
    with as_committed():
        refused = client.post(delete_url)
    assert refused.status_code in (302, 403)
    assert Footer.objects.filter(pk=footer.pk).exists()
    log_in(client, CommunicationsLeadFactory())
    with as_committed():
        client.post(delete_url)
    assert not Footer.objects.filter(pk=footer.pk).exists()
