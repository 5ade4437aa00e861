"""A translation of a restricted page carries the same restriction, whatever the order."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from site_core.demo import publish_translation

from .helpers import add_nb_page, english, restrict_to

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run on-commit callbacks (restriction syncing, translation publishing) as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def nb_page(bilingual):
    return add_nb_page("Hemmelig", "hemmelig", "x")


def translate(page):
    return publish_translation(page, "en", {"Hemmelig": "Secret", "hemmelig": "secret", "x": "x"})


def groups_of(page):
    return {
        (r.restriction_type, tuple(sorted(r.groups.values_list("name", flat=True))))
        for r in PageViewRestriction.objects.filter(page=page)
    }


def test_restriction_added_after_translation_reaches_the_translation(nb_page, commit):
    with commit():
        en = translate(nb_page)
    assert groups_of(en) == set()
    with commit():
        restrict_to(nb_page, "Members")
    assert groups_of(en) == {("groups", ("Members",))}


def test_translation_created_after_restriction_is_restricted(nb_page, commit):
    with commit():
        restrict_to(nb_page, "Project: Sirkulære materialer")
    with commit():
        en = translate(nb_page)
    assert groups_of(en) == {("groups", ("Project: Sirkulære materialer",))}
    assert groups_of(nb_page) == groups_of(en)


def test_copy_for_translation_outside_wagtail_localize_is_restricted_too(nb_page, commit):
    with commit():
        restrict_to(nb_page)
    with commit():
        en = nb_page.copy_for_translation(english())
    assert groups_of(en) == {("groups", ("Members",))}
    assert groups_of(nb_page) == {("groups", ("Members",))}


def test_group_changes_and_lifting_are_synchronised(nb_page, commit):
    with commit():
        en = translate(nb_page)
    with commit():
        restriction = restrict_to(nb_page, "Members")
        restriction.groups.add(
            Group.objects.get_or_create(name="Project: Eksport til Storbritannia")[0]
        )
    assert groups_of(en) == {("groups", ("Members", "Project: Eksport til Storbritannia"))}

    # Edited from the English side, the Norwegian page follows as well.
    with commit():
        PageViewRestriction.objects.get(page=en).groups.remove(Group.objects.get(name="Members"))
    assert groups_of(nb_page) == {("groups", ("Project: Eksport til Storbritannia",))}

    with commit():
        PageViewRestriction.objects.get(page=nb_page).delete()
    assert groups_of(en) == set()


def test_deleting_the_source_page_does_not_open_its_translation(nb_page, commit):
    with commit():
        restrict_to(nb_page)
    with commit():
        en = translate(nb_page)
    with commit():
        nb_page.delete()
    assert groups_of(en) == {("groups", ("Members",))}


def test_restricted_translation_is_not_served_to_visitors(client, nb_page, commit):
    with commit():
        en = translate(nb_page)
    assert client.get(en.url).status_code == 200
    with commit():
        restrict_to(nb_page)
    response = client.get(en.url)
    assert response.status_code == 302
    assert "Secret" not in response.content.decode()
