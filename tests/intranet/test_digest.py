"""The member digest: right items per member, their language, nothing restricted, nothing twice."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from intranet.models import MemberNewsIndexPage, MemberNewsPage, MemberProfile, SentDigestItem

from .conftest import SECRET

pytestmark = pytest.mark.django_db

# Project B's update (tests/intranet/factories.intranet_with_projects).
PROJECT_B_UPDATE_NB = "Markedsanalysen er ferdig"
PROJECT_B_UPDATE_EN = "The market analysis is done"


def digests():
    call_command("send_member_digest", verbosity=0)
    return {message.to[0]: message for message in mail.outbox}


def test_each_member_gets_their_items_in_their_language(intranet_site):
    people, news = intranet_site.people, intranet_site.news_item
    sent = digests()
    members = ("member", "member_a", "member_b", "lead_a")
    assert set(sent) == {people[role].email for role in members}

    no_projects = sent[people["member"].email]
    assert no_projects.subject == "Nytt på intranettet til Norwegian Rooms"
    assert news.nb.title in no_projects.body
    assert "Referat fra årsmøtet 2026" in no_projects.body
    assert SECRET not in no_projects.body
    assert PROJECT_B_UPDATE_NB not in no_projects.body

    project_a = sent[people["member_a"].email]
    assert SECRET in project_a.body
    assert "Første materialprøver er klare" in project_a.body
    assert PROJECT_B_UPDATE_NB not in project_a.body

    project_b = sent[people["member_b"].email]
    assert project_b.subject == "New in the Norwegian Rooms intranet"
    assert news.en.title in project_b.body
    assert news.en.url in project_b.body
    assert PROJECT_B_UPDATE_EN in project_b.body
    assert "Årsmøtet" not in project_b.body
    assert SECRET not in project_b.body


def test_nothing_is_sent_twice(intranet_site):
    people = intranet_site.people
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
    # no English version yet: the Norwegian-speaking members only
    assert set(second) == {people[role].email for role in ("member", "member_a", "lead_a")}
    body = second[people["member"].email].body
    assert "Julemøte for medlemmene" in body
    assert "Årsmøtet 2026" not in body
    assert len(first) == 4


def test_members_who_left_get_no_digest(intranet_site):
    member = intranet_site.people["member"]
    get_user_model().objects.filter(pk=member.pk).update(is_active=False)
    assert member.email not in digests()


def test_last_digest_time_is_recorded(intranet_site):
    before = timezone.now()
    digests()
    profile = MemberProfile.objects.get(user__username="sirkel")
    assert profile.last_digest_at >= before
