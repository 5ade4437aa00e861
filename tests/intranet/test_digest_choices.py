"""The member's digest choices (My account): off gets nothing, weekly at most one every
7 days, and projects the member turned off are left out."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from intranet import digest
from intranet.models import MemberProfile

from .conftest import SECRET

pytestmark = pytest.mark.django_db

PROJECT_A_UPDATE = "Første materialprøver er klare"


def send(now=None):
    mail.outbox.clear()
    for user in digest.recipients(now):
        digest.send_digest(user, "http://testserver")
    return {message.to[0]: message for message in mail.outbox}


def choose(user, **fields):
    MemberProfile.objects.filter(user=user).update(**fields)


def test_off_gets_nothing(intranet_site):
    member = intranet_site.people["member"]
    choose(member, digest_frequency="off")
    sent = send()
    assert member.email not in sent
    assert intranet_site.people["member_a"].email in sent


def test_weekly_gets_one_digest_at_most_every_seven_days(intranet_site):
    member = intranet_site.people["member"]
    choose(member, digest_frequency="weekly", last_digest_at=None)
    now = timezone.now()
    assert member.email in send(now)  # never had one

    choose(member, last_digest_at=now - datetime.timedelta(days=1))
    assert member.email not in send(now)
    choose(member, last_digest_at=now - datetime.timedelta(days=6))
    assert member.email not in send(now)
    # The daily run a week later, a few seconds earlier in the day, still sends.
    choose(member, last_digest_at=now - datetime.timedelta(days=7) + datetime.timedelta(seconds=5))
    assert member.email in digest.recipients(now).values_list("email", flat=True)


def test_daily_gets_one_each_day(intranet_site):
    member = intranet_site.people["member"]
    choose(member, last_digest_at=timezone.now() - datetime.timedelta(days=1))
    assert member.email in digest.recipients().values_list("email", flat=True)


def test_a_project_turned_off_is_left_out(intranet_site):
    member_a = intranet_site.people["member_a"]
    member_a.member_profile.digest_muted_projects.add(intranet_site.project_a.group)
    sent = send()
    body = sent[member_a.email].body
    assert PROJECT_A_UPDATE not in body
    assert SECRET not in body  # neither the update nor project A's document
    assert "Årsmøtet 2026" in body  # member news still come
    # The project's other member, who kept it, gets both.
    lead_a = sent[intranet_site.people["lead_a"].email].body
    assert PROJECT_A_UPDATE in lead_a and SECRET in lead_a
