"""The newsletter's double opt-in: nobody is subscribed until they open the link in the
e-mail, in their language; the form tells nobody who subscribes, is rate-limited, and
every e-mail lets the reader unsubscribe."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from home import newsletter
from home.models import NewsletterSubscription
from site_core.queued_mail import deliver_email
from tests.jobs import jobs, run_jobs

pytestmark = pytest.mark.django_db

Status = NewsletterSubscription.Status
SIGN_UP = {"nb": "/nb/nyhetsbrev/", "en": "/en/newsletter/"}
CHECK_EMAIL = {"nb": "/nb/nyhetsbrev/sjekk-e-post/", "en": "/en/newsletter/check-email/"}
SUBJECT = {
    "nb": "Bekreft at du vil ha nyhetsbrevet vårt",
    "en": "Confirm your subscription to our newsletter",
}
LINK = re.compile(r"http://testserver(/\S+)")


@pytest.fixture
def site(shared_bilingual):
    return shared_bilingual


def links(message):
    """(confirm path, unsubscribe path) from a confirmation e-mail's body."""
    confirm, unsubscribe = LINK.findall(message.body)
    return confirm, unsubscribe


def sign_up(client, email, language="nb"):
    return client.post(SIGN_UP[language], {"email": email, "homepage": ""})


@pytest.mark.parametrize("language", ["nb", "en"])
def test_double_opt_in_through_the_mail_queue(client, site, job_queue, language):
    response = sign_up(client, "Kari@Example.no", language)
    assert response.status_code == 302
    assert response["Location"] == CHECK_EMAIL[language]
    # The request only queued the sign-up: no row, no mail yet.
    assert NewsletterSubscription.objects.count() == 0
    assert mail.outbox == []

    run_jobs()  # the sign-up job, then the mail it queued
    (message,) = mail.outbox
    assert message.to == ["kari@example.no"]
    assert message.subject == SUBJECT[language]
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == Status.PENDING
    assert subscription.language == language
    confirm, unsubscribe = links(message)
    assert confirm.startswith(SIGN_UP[language])
    assert unsubscribe.startswith(SIGN_UP[language])
    assert message.extra_headers["List-Unsubscribe"] == f"<http://testserver{unsubscribe}>"

    page = client.get(confirm)  # a mail scanner's GET changes nothing
    assert page.status_code == 200
    assert {"nb": "Ja, meld meg på", "en": "Yes, subscribe me"}[language] in page.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.PENDING

    done = client.post(confirm)
    assert done.status_code == 200
    assert {"nb": "Du er påmeldt", "en": "You are subscribed"}[language] in done.content.decode()
    subscription.refresh_from_db()
    assert subscription.status == Status.CONFIRMED
    assert subscription.confirmed_at is not None

    used = client.get(confirm)
    assert used.status_code == 404
    assert {"nb": "Lenken virker ikke lenger", "en": "This link no longer works"}[
        language
    ] in used.content.decode()


def test_the_confirmation_mail_is_written_in_the_visitors_language(client, site):
    sign_up(client, "kari@example.no", "nb")
    sign_up(client, "john@example.com", "en")
    norwegian, english = mail.outbox
    assert "Åpne denne lenken for å bekrefte" in norwegian.body
    assert "/nb/nyhetsbrev/bekreft/" in norwegian.body
    assert "Open this link to confirm" in english.body
    assert "/en/newsletter/confirm/" in english.body


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nb", "Skriv en gyldig e-postadresse, som navn@example.no."),
        ("en", "Enter a valid e-mail address, like name@example.no."),
    ],
)
def test_a_bad_address_is_explained_and_kept(client, site, language, message):
    response = sign_up(client, "kari@example", language)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'value="kari@example"' in html
    assert 'aria-invalid="true"' in html
    assert NewsletterSubscription.objects.count() == 0
    assert mail.outbox == []
    assert "no-store" in response["Cache-Control"]


def test_an_empty_address_is_explained(client, site):
    response = sign_up(client, "", "en")
    assert response.status_code == 400
    assert "Enter your e-mail address." in response.content.decode()


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nb", "Vi har fått mange påmeldinger fra adressen din"),
        ("en", "We have received several sign-ups from your address"),
    ],
)
def test_sign_ups_are_rate_limited_per_visitor(client, site, language, message):
    for number in range(newsletter.RATE_LIMIT):
        assert sign_up(client, f"person{number}@example.no", language).status_code == 302
    response = sign_up(client, "one.more@example.no", language)
    assert response.status_code == 429
    assert message in response.content.decode()
    assert 'value="one.more@example.no"' in response.content.decode()
    assert not NewsletterSubscription.objects.filter(email="one.more@example.no").exists()


def test_the_answer_does_not_tell_who_subscribes(client, site):
    NewsletterSubscription.objects.create(
        email="kari@example.no", language="nb", status=Status.CONFIRMED,
        confirmed_at=timezone.now(),
    )  # fmt: skip
    known = sign_up(client, "kari@example.no")
    unknown = sign_up(client, "ola@example.no")
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    # Only the new address got a mail; the subscriber is neither mailed nor changed.
    assert [message.to for message in mail.outbox] == [["ola@example.no"]]
    assert NewsletterSubscription.objects.get(email="kari@example.no").status == Status.CONFIRMED
    page = client.get(known["Location"])
    assert page.status_code == 200
    assert "Sjekk e-posten din" in page.content.decode()


def test_a_pending_address_gets_the_mail_again_but_not_at_once(client, site):
    sign_up(client, "kari@example.no")
    first_confirm, _ = links(mail.outbox[0])
    sign_up(client, "kari@example.no")
    assert len(mail.outbox) == 1  # too soon: no second mail

    NewsletterSubscription.objects.update(
        token_sent_at=timezone.now() - newsletter.RESEND_AFTER - timedelta(seconds=1)
    )
    sign_up(client, "kari@example.no")
    assert len(mail.outbox) == 2
    second_confirm, _ = links(mail.outbox[1])
    assert client.get(first_confirm).status_code == 404  # replaced by the newer link
    client.post(second_confirm)
    assert NewsletterSubscription.objects.get().status == Status.CONFIRMED


@pytest.mark.parametrize(
    ("language", "text"),
    [("nb", "Lenken er utløpt"), ("en", "This link has expired")],
)
def test_an_expired_link_says_so_and_confirms_nothing(client, site, language, text):
    sign_up(client, "kari@example.no", language)
    confirm, _ = links(mail.outbox[0])
    NewsletterSubscription.objects.update(token_sent_at=timezone.now() - timedelta(days=8))
    response = client.post(confirm)
    assert response.status_code == 410
    assert text in response.content.decode()
    assert NewsletterSubscription.objects.get().status == Status.PENDING


@pytest.mark.parametrize(
    ("language", "button", "done"),
    [
        ("nb", "Meld meg av", "Du er meldt av"),
        ("en", "Unsubscribe", "You are unsubscribed"),
    ],
)
def test_unsubscribe_asks_then_unsubscribes(client, site, language, button, done):
    sign_up(client, "kari@example.no", language)
    confirm, unsubscribe = links(mail.outbox[0])
    client.post(confirm)

    page = client.get(unsubscribe)  # a mail scanner's GET changes nothing
    assert page.status_code == 200
    assert button in page.content.decode()
    assert NewsletterSubscription.objects.get().status == Status.CONFIRMED

    response = client.post(unsubscribe)
    assert response.status_code == 200
    assert done in response.content.decode()
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == Status.UNSUBSCRIBED
    assert subscription.unsubscribed_at is not None
    # The confirmation link cannot put the address back on the list.
    assert client.post(confirm).status_code == 404


def test_a_damaged_unsubscribe_link_says_so(client, site):
    sign_up(client, "kari@example.no")
    _, unsubscribe = links(mail.outbox[0])
    response = client.get(unsubscribe[:-3] + "xyz/")
    assert response.status_code == 404
    assert "Lenken virker ikke" in response.content.decode()


def test_an_unsubscribed_address_can_sign_up_again(client, site):
    sign_up(client, "kari@example.no")
    confirm, unsubscribe = links(mail.outbox[0])
    client.post(confirm)
    client.post(unsubscribe)
    sign_up(client, "kari@example.no")
    assert len(mail.outbox) == 2
    subscription = NewsletterSubscription.objects.get()
    assert subscription.status == Status.PENDING
    assert subscription.confirmed_at is None  # the earlier confirmation is not this one's


def test_unsubscribing_before_confirming_deletes_the_address(client, site):
    # The confirmation mail says an address nobody confirms is not kept.
    sign_up(client, "kari@example.no")
    confirm, unsubscribe = links(mail.outbox[0])
    response = client.post(unsubscribe)
    assert response.status_code == 200
    assert not NewsletterSubscription.objects.exists()
    assert client.post(confirm).status_code == 404


def test_the_honeypot_looks_like_success_and_stores_nothing(client, site):
    response = client.post(SIGN_UP["nb"], {"email": "bot@example.no", "homepage": "x"})
    assert response.status_code == 302
    assert NewsletterSubscription.objects.count() == 0
    assert mail.outbox == []


def test_a_post_from_another_site_is_refused(client, site):
    response = client.post(
        SIGN_UP["nb"], {"email": "kari@example.no"}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert response.status_code == 403
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("language", "label"), [("nb", "Din e-postadresse"), ("en", "Your e-mail address")]
)
def test_every_public_page_has_the_form_and_stays_cacheable(client, site, language, label):
    page = site.nb if language == "nb" else site.en
    response = client.get(page.url)
    html = response.content.decode()
    assert f'action="{SIGN_UP[language]}"' in html
    assert label in html
    assert "csrfmiddlewaretoken" not in html
    assert "public" in response["Cache-Control"]
    assert not response.cookies


def test_the_sign_up_works_without_a_csrf_token(site):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    response = browser.post(SIGN_UP["en"], {"email": "john@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    # The pages that act on one subscription still need the token.
    confirm, _ = links(mail.outbox[0])
    assert browser.post(confirm).status_code == 403


def test_nothing_is_queued_for_a_mail_job_when_the_sign_up_is_invalid(client, site, job_queue):
    sign_up(client, "not-an-address")
    assert jobs(newsletter.request_subscription) == []
    assert jobs(deliver_email) == []
