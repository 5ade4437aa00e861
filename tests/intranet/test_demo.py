"""The intranet demo: bilingual, fictional, valid files, and a second load changes nothing."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.documents import get_document_model
from wagtail.models import CollectionViewRestriction, PageViewRestriction

from home.models import MemberCompany
from intranet.models import MemberNewsPage, MemberProfile, ProjectSpacePage, ProjectUpdate
from site_core.demo import DEMO_USERS

pytestmark = pytest.mark.django_db


def test_news_and_projects_exist_and_are_really_translated(demo):
    for model, count in ((MemberNewsPage, 6), (ProjectSpacePage, 2)):
        nb = model.objects.filter(locale__language_code="nb")
        assert nb.count() == count
        for page in nb:
            english = page.get_translation(page.get_translations().get().locale)
            assert english.live and english.title != page.title
    titles = set(ProjectSpacePage.objects.values_list("title", flat=True))
    assert titles == {
        "Sirkulære materialer",
        "Circular materials",
        "Eksport til Storbritannia",
        "Export to the UK",
    }
    assert ProjectUpdate.objects.filter(locale__language_code="en").count() == 4


def test_demo_members_belong_to_fictional_companies(demo):
    for username in ("medlem", "sirkel", "eksport"):
        user = get_user_model().objects.get(username=username)
        assert user.email.endswith(("@example.no", "@example.com"))
        assert user.member_profile.company.locale.language_code == "nb"
    assert (
        get_user_model().objects.get(username="eksport").member_profile.preferred_language == "en"
    )


def test_demo_documents_are_valid_pdfs(demo):
    for document in get_document_model().objects.all():
        with document.file.open("rb") as file:
            content = file.read()
        assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF")
        assert document.file_size == len(content)


def test_second_load_changes_nothing_and_prints_every_login(
    demo, django_capture_on_commit_callbacks
):
    models = (
        get_document_model(), MemberCompany, MemberProfile, ProjectUpdate,
        PageViewRestriction, CollectionViewRestriction,
    )  # fmt: skip
    before = [model.objects.count() for model in models]
    output = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", stdout=output)
    assert [model.objects.count() for model in models] == before
    for user in DEMO_USERS:
        assert f"{user.username} / {user.email} / {user.password}" in output.getvalue()
    assert {"sirkel", "eksport", "medlem"} <= {user.username for user in DEMO_USERS}
