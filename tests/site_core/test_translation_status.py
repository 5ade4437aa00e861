"""The translation status report: one status per translatable page or snippet and language
(site_core.translation_status), shown to editors under Reports in their admin language,
in a constant number of queries however many pages there are."""

import re
from collections import Counter
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import NewsTag
from site_core import translation_status
from site_core.translation_status import DRAFT, MACHINE, MISSING, OUTDATED, UP_TO_DATE
from site_core.translation_status_views import TranslationStatusMenuItem
from tests.conftest import fresh
from tests.factories import (
    EditorFactory,
    StandardPageFactory,
    UserFactory,
    as_committed,
    bilingual_site,
    publish,
    translate,
)

from .helpers import (
    add_pages,
    add_plain_pages,
    admin_user,
    machine_translate,
    submit,
    type_translations,
)

pytestmark = pytest.mark.django_db

REPORT = reverse("site_core_translation_status")


def editor(language="nb"):
    """An editor whose admin speaks `language` (their Wagtail profile's preference)."""
    return admin_user(EditorFactory, language)


def row_of(rows, instance, language="en"):
    """The row of a source page or snippet in `language`."""
    (row,) = [
        row
        for row in rows
        if row.source.pk == instance.pk
        and (row.is_page if isinstance(instance, Page) else row.model is type(instance))
        and row.locale.language_code == language
    ]
    return row


@pytest.fixture(scope="module")
def content_built(shared_db):
    """A bilingual site (`.site`) with one page and one news tag made for each status,
    under the section "Om oss"; built once for the module."""
    with as_committed():
        site = bilingual_site()
    nb, en = site.nb.locale, site.en.locale
    client = Client()
    client.force_login(editor())
    made = SimpleNamespace(site=site)
    with as_committed():
        made.section = publish(StandardPageFactory(parent=site.nb, title="Om oss"))
        translate(made.section, {"Om oss": "About us", "En kort ingress.": "A short intro."})
        made.missing = publish(StandardPageFactory(parent=made.section, title="Aldri oversatt"))
        made.draft = publish(StandardPageFactory(parent=made.section, title="Bare utkast"))
        submit(client, made.draft, en)
        made.outdated = publish(StandardPageFactory(parent=made.section, title="Gammel tittel"))
        translate(made.outdated, {"Gammel tittel": "Old title", "En kort ingress.": "Short."})
        made.outdated.title = "Ny tittel"
        made.outdated.intro = "En helt ny ingress."
        publish(made.outdated)
        made.machine = publish(StandardPageFactory(parent=made.section, title="Klyngen vokser"))
        machine_translate(client, made.machine, en)
        made.current = publish(StandardPageFactory(parent=made.section, title="Ferdig"))
        translate(made.current, {"Ferdig": "Done", "En kort ingress.": "A short intro."})

        made.tag_missing = NewsTag.objects.create(locale=nb, name="Akustikk", slug="akustikk")
        made.tag_outdated = NewsTag.objects.create(locale=nb, name="Lys", slug="lys")
        translate(made.tag_outdated, {"Lys": "Light", "lys": "light"})
        made.tag_outdated.name = "Dagslys"
        made.tag_outdated.save()
        made.tag_machine = NewsTag.objects.create(locale=nb, name="Nyheter", slug="nyheter")
        machine_translate(client, made.tag_machine, en)
        made.tag_current = NewsTag.objects.create(locale=nb, name="Bærekraft", slug="baerekraft")
        translate(made.tag_current, {"Bærekraft": "Sustainability", "baerekraft": "sustainability"})
    client.logout()
    return made


@pytest.fixture
def content(content_built):
    """`content_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(content_built)


def test_each_page_gets_the_status_made_for_it(content):
    rows = translation_status.statuses()
    assert {page.title: row_of(rows, page).status for page in pages_of(content)} == {
        "Forside": UP_TO_DATE,
        "Om oss": UP_TO_DATE,
        "Aldri oversatt": MISSING,
        "Bare utkast": DRAFT,
        "Ny tittel": OUTDATED,
        "Klyngen vokser": MACHINE,
        "Ferdig": UP_TO_DATE,
    }
    # Only source pages, once per other language: the English pages are no rows of their own.
    assert [row.locale.language_code for row in rows if row.is_page] == ["en"] * 7
    sections = {page.title: row_of(rows, page).section for page in pages_of(content)}
    assert sections.pop("Forside") is None
    assert {section.pk for section in sections.values()} == {content.section.pk}


def pages_of(content):
    return [
        content.site.nb,
        content.section,
        content.missing,
        content.draft,
        content.outdated,
        content.machine,
        content.current,
    ]


def test_an_outdated_page_says_since_when_and_how_many_segments_changed(content):
    rows = translation_status.statuses()
    row = row_of(rows, content.outdated)
    content.outdated.refresh_from_db()
    assert row.since == content.outdated.last_published_at
    assert row.changed_segments is None  # counted only for the rows shown
    translation_status.count_changed_segments(rows)
    assert row.changed_segments == 2  # the title and the introduction, not the slug


def test_syncing_an_outdated_page_leaves_its_new_segments_to_translate(content, client):
    """After the sync the source's changes are with the translator: the row stays
    outdated, no longer behind its source but with the new title and introduction
    untranslated, until they are translated and published."""
    row = row_of(translation_status.statuses(), content.outdated)
    client.force_login(editor())
    with as_committed():
        response = client.post(
            reverse("wagtail_localize:update_translations", args=[row.translation_source_id]),
            {"publish_translations": ""},
        )
    assert response.status_code == 302
    synced = row_of(translation_status.statuses(), content.outdated)
    assert (synced.status, synced.behind, synced.untranslated_segments) == (OUTDATED, False, 2)

    translation = Translation.objects.get(source_id=row.translation_source_id)
    type_translations(translation, {"Ny tittel": "New title", "En helt ny ingress.": "New."})
    with as_committed():
        translation.save_target(publish=True)
    assert row_of(translation_status.statuses(), content.outdated).status == UP_TO_DATE


def test_a_machine_translation_counts_its_unreviewed_segments(content):
    row = row_of(translation_status.statuses(), content.machine)
    segments = StringSegment.objects.filter(source_id=row.translation_source_id).exclude(
        context__path="slug"  # follows the translated title
    )
    assert row.machine_segments == segments.count() > 0
    # A person edits one segment: one fewer is unreviewed.
    reviewed = StringTranslation.objects.filter(
        translation_type="machine", context__object_id=content.machine.translation_key
    ).first()
    reviewed.translation_type = StringTranslation.TRANSLATION_TYPE_MANUAL
    reviewed.save()
    assert row_of(translation_status.statuses(), content.machine).machine_segments == (
        segments.count() - 1
    )


def test_each_snippet_gets_the_status_made_for_it(content):
    rows = translation_status.statuses()
    tags = [content.tag_missing, content.tag_outdated, content.tag_machine, content.tag_current]
    assert [row_of(rows, tag).status for tag in tags] == [MISSING, OUTDATED, MACHINE, UP_TO_DATE]
    outdated = row_of(rows, content.tag_outdated)
    assert outdated.changed_segments == 1  # the name; the slug did not change
    assert outdated.since is None  # a snippet has no publish time
    assert row_of(rows, content.tag_machine).machine_segments == 2  # name and slug


@pytest.mark.parametrize(
    ("language", "title", "missing_label", "edit_label"),
    [
        ("nb", "Oversettelsesstatus", "Mangler", "Rediger oversettelsen"),
        ("en", "Translation status", "Missing", "Edit translation"),
    ],
)
def test_an_editor_reads_the_report_in_their_language(
    content, client, language, title, missing_label, edit_label
):
    client.force_login(editor(language))
    page = client.get(REPORT).text
    assert f"<title>{title}" in page
    assert missing_label in page and edit_label in page
    assert counts(page) == {MISSING: 2, DRAFT: 1, OUTDATED: 2, MACHINE: 2, UP_TO_DATE: 4}
    assert reverse("wagtail_localize:submit_page_translation", args=[content.missing.pk]) in page
    assert (
        reverse(
            "wagtailadmin_pages:edit",
            args=[content.draft.get_translation(content.site.en.locale).pk],
        )
        in page
    )


def test_the_filters_narrow_the_rows_and_the_counts(content, client):
    client.force_login(editor("en"))
    missing = client.get(REPORT, {"status": MISSING}).text
    assert statuses_listed(missing) == [MISSING, MISSING]
    assert "Aldri oversatt" in missing and "Akustikk" in missing and "Ferdig" not in missing
    # The counts stay those of every status, for a click to another one.
    assert counts(missing)[UP_TO_DATE] == 4

    section = client.get(REPORT, {"section": content.section.pk}).text
    assert counts(section) == {MISSING: 1, DRAFT: 1, OUTDATED: 1, MACHINE: 1, UP_TO_DATE: 2}
    assert "Akustikk" not in section

    tags = client.get(REPORT, {"type": "home.newstag", "status": OUTDATED}).text
    assert statuses_listed(tags) == [OUTDATED]
    assert "Dagslys" in tags
    assert "1 segment added or changed." in tags
    sync = reverse(
        "wagtail_localize:update_translations",
        args=[row_of(translation_status.statuses(), content.tag_outdated).translation_source_id],
    )
    assert sync in tags

    pages = client.get(REPORT, {"type": "home.standardpage", "status": OUTDATED}).text
    assert "2 segments added or changed." in pages


def test_people_who_do_not_edit_pages_cannot_open_it(content, client):
    client.force_login(UserFactory(groups=["Members"]))
    response = client.get(REPORT)
    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_admin_users_who_do_not_edit_pages_are_refused(content, client):
    """Admin access alone (a user who manages only documents, say) is not enough."""
    user = UserFactory()
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    client.force_login(user)
    response = client.get(REPORT)  # Wagtail answers PermissionDenied with its home page
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert not TranslationStatusMenuItem("", REPORT).is_shown(SimpleNamespace(user=user))
    assert TranslationStatusMenuItem("", REPORT).is_shown(SimpleNamespace(user=editor()))


def test_the_report_takes_as_many_queries_for_500_pages_as_for_5(content, client):
    client.force_login(editor("en"))
    section = publish(StandardPageFactory(parent=content.site.nb, title="Seksjon"))
    add_pages(section, 5)
    five = queries_of(client)
    add_pages(section, 15)  # every status grows…
    twenty = queries_of(client)
    add_plain_pages(section, 480)  # …and then the site, made faster
    five_hundred = queries_of(client)
    rows = translation_status.statuses()
    statuses = Counter(row.status for row in rows)
    assert statuses[OUTDATED] >= 5
    assert statuses[MISSING] >= 160
    assert statuses[DRAFT] >= 160
    assert len(rows) > 500
    counts = [len(q.captured_queries) for q in (five, twenty, five_hundred)]
    assert counts == [counts[0]] * 3, counts
    print(f"report queries: {counts} (5, 20, 500 pages)")


def queries_of(client):
    assert client.get(REPORT).status_code == 200  # caches (content types, session) filled
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    return queries


def counts(page):
    return {status: int(count) for status, count in re.findall(r'data-count="(\w+)">(\d+)<', page)}


def statuses_listed(page):
    return re.findall(r'<tr data-status="(\w+)">', page)
