"""An admin user sees in the translation views only what the admin shows them elsewhere
(issue 14, tester finding 6; site_core.translation_visibility): an editor with page
rights under /nb/nyheter/ only sees neither the members' intranet pages nor the snippets
in the Translation status report, its dashboard counts, wagtail-localize's Translations
report or its snippet API; the Communications lead still sees everything."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from wagtail.models import GroupPagePermission

from home.models import NewsTag
from intranet.models import MemberProfile
from tests.factories import (
    CommunicationsLeadFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    UserFactory,
    as_committed,
    publish,
    restrict,
    translate,
)
from tests.intranet.factories import MemberFactory

pytestmark = pytest.mark.django_db

REPORT = reverse("site_core_translation_status")
LOCALIZE_REPORT = reverse("wagtail_localize:translations_report")
LOCALIZE_RESULTS = reverse("wagtail_localize:translations_report_results")
MEMBERS_API = reverse("wagtail_localize:snippets_api_listing", args=["intranet", "memberprofile"])
SECRET = "Klyngen søker NCE-status"


@pytest.fixture
def site(bilingual):
    """News under /nb/nyheter/ (translated), a members-only page elsewhere (translated),
    a translated news tag and a member, Ola Medlem."""
    with as_committed():
        news = publish(NewsIndexPageFactory(parent=bilingual.nb))
        translate(news, {"Nyheter": "News"})
        item = publish(NewsPageFactory(parent=news, title="Ny daglig leder"))
        translate(item, {"Ny daglig leder": "New managing director", "Kort ingress.": "Intro."})
        members = publish(StandardPageFactory(parent=bilingual.nb, title=SECRET))
        translate(members, {SECRET: "The cluster applies for NCE status"})
        restrict(members, "Members")
        tag = NewsTag.objects.create(locale=news.locale, name="Akustikk", slug="akustikk")
        translate(tag, {"Akustikk": "Acoustics", "akustikk": "acoustics"})
    MemberFactory(first_name="Ola", last_name="Medlem")
    return news


@pytest.fixture
def news_editor(site):
    """An admin user who may add and change pages under /nb/nyheter/ only."""
    group = Group.objects.create(name="Nyhetsredaksjon")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group, page=site, permission=Permission.objects.get(codename=codename)
        )
    return UserFactory(groups=["Nyhetsredaksjon"])


def counts(html):
    return {status: int(n) for status, n in re.findall(r'data-count="(\w+)">(\d+)<', html)}


def test_the_status_report_lists_only_what_the_user_may_explore(site, news_editor, client):
    client.force_login(news_editor)
    html = client.get(REPORT).text
    assert "Ny daglig leder" in html
    assert SECRET not in html
    assert "Akustikk" not in html  # no snippet permission
    # Counts follow: the home page (an ancestor, shown in the explorer), the news index
    # and the news item, all up to date; nothing of the rest.
    assert sum(counts(html).values()) == 3
    dashboard = client.get(reverse("wagtailadmin_home")).text
    assert sum(counts(dashboard).values()) == 3

    client.force_login(CommunicationsLeadFactory())
    html = client.get(REPORT).text
    assert SECRET in html and "Akustikk" in html and "Ny daglig leder" in html
    # …and also the members' page, the tag and the member's company (not translated).
    assert sum(counts(html).values()) == 6
    assert sum(counts(client.get(reverse("wagtailadmin_home")).text).values()) == 6


def test_wagtail_localizes_report_lists_only_what_the_user_may_explore(site, news_editor, client):
    client.force_login(news_editor)
    for url in (LOCALIZE_REPORT, LOCALIZE_RESULTS):
        html = client.get(url).text
        assert "Ny daglig leder" in html
        assert SECRET not in html and "Akustikk" not in html
    export = client.get(LOCALIZE_REPORT, {"export": "csv"})
    assert SECRET not in b"".join(export).decode()  # streamed

    client.force_login(CommunicationsLeadFactory())
    html = client.get(LOCALIZE_REPORT).text
    assert SECRET in html and "Akustikk" in html and "Ny daglig leder" in html


def test_wagtail_localizes_snippet_api_names_no_member_to_others(site, news_editor, client):
    client.force_login(news_editor)
    listing = client.get(MEMBERS_API)
    assert listing.status_code == 403
    assert "Medlem" not in listing.text
    profile = MemberProfile.objects.get(user__last_name="Medlem")
    detail = reverse(
        "wagtail_localize:snippets_api_detail", args=["intranet", "memberprofile", profile.pk]
    )
    assert client.get(detail).status_code == 403

    client.force_login(CommunicationsLeadFactory())  # editors manage every snippet
    listing = client.get(MEMBERS_API)
    assert listing.status_code == 200
    assert "Ola Medlem" in listing.text
    assert client.get(detail).json()["title"] == "Ola Medlem"
