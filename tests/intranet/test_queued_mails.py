"""The intranet's e-mails (password reset, invitation, digest) are queued in the request
or job that makes them and sent by the worker."""

import pytest
from django.core import mail
from django.db import transaction

from intranet.accounts import send_password_reset
from intranet.digest import send_all
from intranet.invitations import send_invitation
from intranet.models import SentDigestItem
from site_core.queued_mail import deliver_email
from tests.factories import DocumentFactory
from tests.intranet.factories import MemberFactory
from tests.jobs import jobs, run_jobs

pytestmark = pytest.mark.django_db


def test_a_password_reset_is_queued_and_the_worker_sends_it(client, job_queue):
    MemberFactory(email="kari@example.no")
    response = client.post("/nb/glemt-passord/", {"email": "Kari@example.no"})
    assert response["Location"] == "/nb/glemt-passord/sendt/"
    assert mail.outbox == []
    assert len(jobs(send_password_reset)) == 1

    run_jobs()
    (message,) = mail.outbox
    assert message.to == ["kari@example.no"]
    assert message.subject == "Velg nytt passord til intranettet til Norwegian Rooms"
    assert "http://testserver/nb/passord/" in message.body
    link = next(line for line in message.body.splitlines() if "/nb/passord/" in line)
    assert client.get(link).status_code == 302  # Django's confirm view: on to the form


def test_a_reset_for_an_unknown_address_does_in_the_request_what_a_members_does(client, job_queue):
    MemberFactory(email="kari@example.no")
    known = client.post("/en/password-reset/", {"email": "kari@example.no"})
    unknown = client.post("/en/password-reset/", {"email": "nobody@example.com"})
    assert (unknown.status_code, unknown["Location"]) == (known.status_code, known["Location"])
    # One job each, the same but for the address: the look-up happens in the worker.
    first, second = jobs(send_password_reset)
    assert first.args_kwargs["args"][1:] == second.args_kwargs["args"][1:]

    run_jobs()
    assert [message.to for message in mail.outbox] == [["kari@example.no"]]


def test_an_invitation_is_queued_in_the_invitees_language(job_queue):
    user = MemberFactory(
        email="john@example.com", first_name="John", profile__preferred_language="en"
    )
    send_invitation(user, "en", "http://testserver/")
    assert mail.outbox == []

    run_jobs()
    (message,) = mail.outbox
    assert message.subject == "Your invitation to the Norwegian Rooms member intranet"
    assert "http://testserver/en/" in message.body


def test_digest_mails_are_queued_with_the_record_of_what_they_hold(job_queue):
    MemberFactory(email="kari@example.no")
    MemberFactory(email="john@example.com", first_name="John", profile__preferred_language="en")
    DocumentFactory(title="Referat fra styremøtet")

    with pytest.raises(RuntimeError), transaction.atomic():
        send_all()
        raise RuntimeError("the digest job died before it finished")
    assert jobs(deliver_email) == []
    assert not SentDigestItem.objects.exists()  # so the next run sends it all

    assert send_all() == (2, 2)
    assert mail.outbox == []
    run_jobs()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert by_address["kari@example.no"].subject == "Nytt på intranettet til Norwegian Rooms"
    assert by_address["john@example.com"].subject == "New in the Norwegian Rooms intranet"
    assert "Referat fra styremøtet" in by_address["john@example.com"].body
