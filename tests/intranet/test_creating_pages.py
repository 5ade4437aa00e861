"""An editor can create every intranet page type through the admin form; the restriction
that keeps each one private is put in place on publish.

Built on an empty database (tests/factories.py), not the demo.
"""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Collection
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from intranet import access
from intranet.models import (
    DocumentLibraryPage,
    IntranetHomePage,
    MemberNewsIndexPage,
    MemberNewsPage,
    ProjectSpacePage,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def dashboard(editor_form, bilingual):
    """An intranet home page created through the admin under a fresh home page."""
    editor_form.assertCanCreate(
        bilingual.nb, IntranetHomePage, nested_form_data({"title": "Intranett"})
    )
    return IntranetHomePage.objects.get()


def test_a_new_intranet_home_page_is_restricted_to_members(client, dashboard):
    client.logout()
    assert dashboard.get_view_restrictions().filter(groups__name=access.MEMBERS_GROUP).exists()
    assert client.get(dashboard.url).status_code == 302


def test_an_editor_can_create_news_and_the_document_library(editor_form, dashboard):
    editor_form.assertCanCreate(dashboard, MemberNewsIndexPage, nested_form_data({"title": "Nytt"}))
    editor_form.assertCanCreate(
        dashboard, DocumentLibraryPage, nested_form_data({"title": "Dokumenter"})
    )
    editor_form.assertCanCreate(
        MemberNewsIndexPage.objects.get(),
        MemberNewsPage,
        nested_form_data(
            {
                "title": "Årsmøtet",
                "date": "2026-11-30",
                "intro": "Referat fra årsmøtet.",
                "body": rich_text("<p>Velkommen.</p>"),
                "attachments": inline_formset([]),
            }
        ),
    )
    news = MemberNewsPage.objects.get()
    assert news.live
    assert editor_form.client.get(news.url).status_code == 200  # the administrator may read it


def test_an_editor_can_create_a_project_space_that_only_its_group_opens(
    client, editor_form, dashboard, django_user_model
):
    group = Group.objects.create(name=f"{access.PROJECT_GROUP_PREFIX}Lys")
    collection = Collection.get_first_root_node().add_child(instance=Collection(name="Lys"))
    editor_form.assertCanCreate(
        dashboard,
        ProjectSpacePage,
        nested_form_data(
            {
                "title": "Lys",
                "description": rich_text("<p>Om lys.</p>"),
                "status": "active",
                "group": group.pk,
                "collection": collection.pk,
                "updates": inline_formset([]),
            }
        ),
    )
    space = ProjectSpacePage.objects.get()
    assert space.get_view_restrictions().filter(groups=group).exists()
    assert collection.get_view_restrictions().filter(groups=group).exists()
    member = django_user_model.objects.create_user("m", "m@example.no", "x")
    member.groups.add(access.group(access.MEMBERS_GROUP))
    client.force_login(member)
    assert client.get(space.url).status_code == 403
    member.groups.add(group)
    assert client.get(space.url).status_code == 200
