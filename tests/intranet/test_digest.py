"""The member digest: right items per member, their language, nothing restricted, nothing twice."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from intranet.demo import PROJECTS
from intranet.models import MemberNewsIndexPage, MemberNewsPage, MemberProfile, SentDigestItem

from .conftest import SECRET

pytestmark = pytest.mark.django_db

PROJECT_B_UPDATE_NB = PROJECTS[1]["updates"][0][1]
PROJECT_B_UPDATE_EN = PROJECTS[1]["updates"][0][2]


def digests():
    call_command("send_member_digest", verbosity=0)
    return {message.to[0]: message for message in mail.outbox}


def test_each_member_gets_their_items_in_their_language(demo):
    sent = digests()
    assert set(sent) == {"medlem@example.no", "sirkel@example.no", "eksport@example.com"}

    no_projects = sent["medlem@example.no"]
    assert no_projects.subject == "Nytt på intranettet til Norwegian Rooms"
    assert "Årsmøtet 2026: ny strategi vedtatt" in no_projects.body
    assert "Referat fra årsmøtet 2026" in no_projects.body
    assert SECRET not in no_projects.body
    assert PROJECT_B_UPDATE_NB not in no_projects.body

    project_a = sent["sirkel@example.no"]
    assert SECRET in project_a.body
    assert "Første materialprøver er klare" in project_a.body
    assert PROJECT_B_UPDATE_NB not in project_a.body

    project_b = sent["eksport@example.com"]
    assert project_b.subject == "New in the Norwegian Rooms intranet"
    assert "Annual meeting 2026: new strategy adopted" in project_b.body
    assert "/en/intranet/news/annual-meeting-2026/" in project_b.body
    assert PROJECT_B_UPDATE_EN in project_b.body
    assert "Årsmøtet" not in project_b.body
    assert SECRET not in project_b.body


def test_nothing_is_sent_twice(demo):
    first = digests()
    assert SentDigestItem.objects.filter(user__username="medlem").count() > 0
    mail.outbox.clear()
    assert digests() == {}

    index = MemberNewsIndexPage.objects.get(locale__language_code="nb")
    fresh = MemberNewsPage(
        title="Julemøte for medlemmene", slug="julemote", intro="Velkommen til julemøte.",
        date=datetime.date(2026, 12, 1),
    )  # fmt: skip
    index.add_child(instance=fresh)
    fresh.save_revision().publish()
    mail.outbox.clear()
    second = digests()
    assert set(second) == {"medlem@example.no", "sirkel@example.no"}  # no English version yet
    body = second["medlem@example.no"].body
    assert "Julemøte for medlemmene" in body
    assert "Årsmøtet 2026" not in body
    assert len(first) == 3


def test_members_who_left_get_no_digest(demo):
    get_user_model().objects.filter(username="medlem").update(is_active=False)
    assert "medlem@example.no" not in digests()


def test_last_digest_time_is_recorded(demo):
    before = timezone.now()
    digests()
    profile = MemberProfile.objects.get(user__username="sirkel")
    assert profile.last_digest_at >= before
