"""Accounts: login by e-mail, remember me, logout, invite, password reset, lockout."""

import datetime
import logging
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from home.models import MemberCompany
from tests.factories import PASSWORD
from tests.factories import log_in as log_in_as

pytestmark = pytest.mark.django_db

LOGIN = {"nb": "/nb/logg-inn/", "en": "/en/login/"}
HOME = {"nb": "/nb/intranett/", "en": "/en/intranet/"}


def log_in(client, email, password, language="nb", **extra):
    return client.post(LOGIN[language], {"username": email, "password": password, **extra})


@pytest.mark.parametrize(
    ("language", "heading"), [("nb", "Innlogging for medlemmer"), ("en", "Member login")]
)
def test_login_page_in_both_languages(client, intranet_site, language, heading):
    response = client.get(LOGIN[language])
    assert response.status_code == 200
    body = response.content.decode()
    assert f"<h1>{heading}</h1>" in body
    assert f'<html lang="{language}">' in body
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("language", ["nb", "en"])
def test_member_logs_in_with_email_and_lands_on_the_intranet(client, intranet_site, language):
    response = log_in(client, "Medlem@Example.no", PASSWORD, language)
    assert response.status_code == 302
    assert response["Location"] == HOME[language]
    assert client.get(HOME[language]).status_code == 200


def test_wrong_password_gets_a_clear_error_and_keeps_the_address(client, intranet_site):
    response = log_in(client, "medlem@example.no", "wrong-password-here")
    body = response.content.decode()
    assert response.status_code == 200
    assert "E-postadressen og passordet passer ikke" in body
    assert 'value="medlem@example.no"' in body


def test_next_goes_back_to_the_page_asked_for(client, intranet_site):
    response = log_in(client, "medlem@example.no", PASSWORD, next="/nb/intranett/nyheter/")
    assert response["Location"] == "/nb/intranett/nyheter/"


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/phish", "https:evil.example", "javascript:alert(1)"],
)
def test_next_never_leaves_the_site(client, intranet_site, next_url):
    response = log_in(client, "medlem@example.no", PASSWORD, next=next_url)
    assert response.status_code == 302
    assert response["Location"] == HOME["nb"]


def test_remember_me_keeps_the_session_for_two_weeks(client, intranet_site):
    log_in(client, "medlem@example.no", PASSWORD, remember_me="on")
    assert not client.session.get_expire_at_browser_close()
    assert client.session.get_expiry_age() == 14 * 24 * 60 * 60


def test_without_remember_me_the_session_ends_with_the_browser(client, intranet_site):
    response = log_in(client, "medlem@example.no", PASSWORD)
    assert response.status_code == 302
    assert client.session.get_expire_at_browser_close()
    cookie = response.cookies["sessionid"]
    assert not cookie["expires"] and not cookie["max-age"]


def test_logout_ends_access(client, intranet_site):
    log_in(client, "medlem@example.no", PASSWORD)
    response = client.post("/en/logout/")
    assert response["Location"] == "/en/login/"
    assert "You are logged out." in client.get("/en/login/").content.decode()
    assert client.get(HOME["en"]).status_code == 302


def test_removing_a_member_from_members_removes_access_at_once(client, intranet_site):
    log_in(client, "medlem@example.no", PASSWORD)
    assert client.get(HOME["nb"]).status_code == 200
    get_user_model().objects.get(username="medlem").groups.clear()
    assert client.get(HOME["nb"]).status_code == 403


def set_password_from_mail(client, message, password):
    link = re.search(r"http://testserver(/\S+/)", message.body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    response = client.post(set_url, {"new_password1": password, "new_password2": password})
    return link, response


def test_invite_set_password_log_in_log_out(client, intranet_site):
    log_in_as(client, intranet_site.people["editor"])
    form = client.get("/admin/invite-member/")
    assert form.status_code == 200
    company = MemberCompany.objects.get(name="Vevstua Tekstil AS", locale__language_code="nb")
    project = Group.objects.get(name="Project: Sirkulære materialer")
    response = client.post(
        "/admin/invite-member/",
        {
            "email": "Ny.Person@Example.com",
            "first_name": "Nora",
            "last_name": "Nyansatt",
            "company": company.pk,
            "projects": [project.pk],
            "preferred_language": "en",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="ny.person@example.com")
    assert not user.has_usable_password()
    assert set(user.groups.values_list("name", flat=True)) == {"Members", project.name}
    assert user.member_profile.company == company
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ny.person@example.com"]
    assert message.subject == "Your invitation to the Norwegian Rooms member intranet"
    assert "Hello Nora" in message.body

    client.logout()
    link, response = set_password_from_mail(client, message, "Korrekt-Hest-Batteri-9")
    assert link.startswith("/en/password/")
    assert response["Location"] == "/en/password/done/"
    # The link works once.
    assert "has already been used" in client.get(link, follow=True).content.decode()

    assert (
        log_in(client, "ny.person@example.com", "Korrekt-Hest-Batteri-9", "en").status_code == 302
    )
    assert client.get("/en/intranet/circular-materials/").status_code == 200
    client.post("/en/logout/")
    assert client.get("/en/intranet/").status_code == 302


def test_invite_refuses_an_existing_address(client, intranet_site):
    log_in_as(client, intranet_site.people["editor"])
    response = client.post(
        "/admin/invite-member/",
        {"email": "MEDLEM@example.no", "first_name": "A", "last_name": "B"},
    )
    assert response.status_code == 200
    # The admin speaks the editor's language (Norwegian by default).
    assert "Det finnes allerede en bruker med denne e-postadressen" in response.content.decode()
    assert not mail.outbox


def test_members_cannot_invite(client, intranet_site):
    log_in_as(client, intranet_site.people["member"])
    response = client.get("/admin/invite-member/")
    assert response.status_code in {302, 403}
    assert not get_user_model().objects.filter(email="x@example.com").exists()


def test_password_reset_by_mail(client, intranet_site):
    response = client.post("/nb/glemt-passord/", {"email": "sirkel@example.no"})
    assert response["Location"] == "/nb/glemt-passord/sendt/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Velg nytt passord til intranettet til Norwegian Rooms"

    _link, response = set_password_from_mail(client, message, "short")
    assert response.status_code == 200  # too short: the form says why
    assert "12" in response.content.decode()

    _link, response = set_password_from_mail(client, message, "Nytt-Langt-Passord-42")
    assert response["Location"] == "/nb/passord/lagret/"
    assert log_in(client, "sirkel@example.no", PASSWORD).status_code == 200
    assert log_in(client, "sirkel@example.no", "Nytt-Langt-Passord-42").status_code == 302


def test_reset_for_an_unknown_address_reveals_nothing(client, intranet_site):
    response = client.post("/en/password-reset/", {"email": "nobody@example.com"})
    assert response["Location"] == "/en/password-reset/sent/"
    assert not mail.outbox


ADDRESS_VARIANTS = [
    "medlem@example.no",
    "MEDLEM@example.no",
    "Medlem@Example.no",
    "medlem@EXAMPLE.NO",
    " medlem@example.no ",
]


@pytest.mark.parametrize(
    ("language", "message"),
    [("nb", "Innloggingen er sperret i 15 minutter"), ("en", "Login locked for 15 minutes")],
)
def test_lockout_after_five_failures_and_unlock_after_cool_off(
    client, intranet_site, caplog, language, message
):
    logger = logging.getLogger("intranet")
    logger.addHandler(caplog.handler)
    try:
        # Varying the case of the address does not dodge the count.
        for address in ADDRESS_VARIANTS:
            log_in(client, address, "not-the-password", language)
    finally:
        logger.removeHandler(caplog.handler)
    assert "Login locked for 'medlem@example.no'" in caplog.text

    locked = log_in(client, "medlem@example.no", PASSWORD, language)
    assert locked.status_code == 429
    assert message in locked.content.decode()
    assert "no-store" in locked["Cache-Control"]
    assert client.get(HOME[language]).status_code == 302  # not logged in

    # Another account from the same address is not locked.
    assert log_in(client, "sirkel@example.no", PASSWORD, language).status_code == 302
    client.logout()

    # Sixteen minutes later the lock has expired.
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - datetime.timedelta(minutes=16)
    )
    response = log_in(client, "medlem@example.no", PASSWORD, language)
    assert response.status_code == 302


def test_admin_menu_offers_invites_to_editors(client, intranet_site):
    log_in_as(client, intranet_site.people["editor"])
    assert "/admin/invite-member/" in client.get("/admin/").content.decode()


def test_staff_find_and_edit_member_profiles(client, intranet_site):
    log_in_as(client, intranet_site.people["admin"])
    response = client.get("/admin/snippets/intranet/memberprofile/", {"q": "Sirkelsen"})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Sigrid Sirkelsen" in body and "Mona Medlem" not in body


ADMIN_LOGIN = "/admin/login/"


def admin_log_in(client, username, password):
    return client.post(ADMIN_LOGIN, {"username": username, "password": password})


def test_failures_by_e_mail_lock_the_username_login_too(client, intranet_site):
    for _ in range(5):
        log_in(client, "medlem@example.no", "not-the-password")
    locked = admin_log_in(client, "medlem", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("spelling", ["medlem", "MEDLEM", " Medlem "])
def test_failures_by_username_lock_the_e_mail_login_too(client, intranet_site, spelling):
    for _ in range(5):
        admin_log_in(client, spelling, "not-the-password")
    assert log_in(client, "medlem@example.no", PASSWORD).status_code == 429


def test_failures_on_one_account_leave_another_alone(client, intranet_site):
    for _ in range(5):
        admin_log_in(client, "medlem", "not-the-password")
    assert log_in(client, "sirkel@example.no", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    ("language", "message"),
    [("nb", "Oppgi en gyldig e-postadresse"), ("en", "Enter a valid email address")],
)
def test_members_log_in_with_their_e_mail_address_only(client, intranet_site, language, message):
    response = log_in(client, "medlem", PASSWORD, language)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    ("language", "reset_path", "why"),
    [
        ("nb", "/nb/glemt-passord/", "Passordet ditt er for lett å gjette"),
        ("en", "/en/password-reset/", "Your password is too guessable"),
    ],
)
@pytest.mark.parametrize(
    "weak",
    [
        "passord12345", "aaaaaaaaaaaa", "qwertyuiopas", "sommerferie2026",
        "sommer2026!!", "Norge2026!!!", "Oslo2026Oslo", "Kjaerlighet123",
    ],
)  # fmt: skip
def test_guessable_passwords_are_refused_with_the_reason(
    client, intranet_site, language, reset_path, why, weak
):
    client.post(reset_path, {"email": "sirkel@example.no"})
    _link, response = set_password_from_mail(client, mail.outbox[-1], weak)
    assert response.status_code == 200
    assert why in response.content.decode()
    assert log_in(client, "sirkel@example.no", weak).status_code == 200  # not saved


@pytest.mark.parametrize(
    ("language", "reset_path"), [("nb", "/nb/glemt-passord/"), ("en", "/en/password-reset/")]
)
def test_a_strong_password_is_accepted(client, intranet_site, language, reset_path):
    client.post(reset_path, {"email": "sirkel@example.no"})
    _link, response = set_password_from_mail(client, mail.outbox[-1], "Fjordlys-Kake-Trapp-42")
    assert response.status_code == 302
    assert log_in(client, "sirkel@example.no", "Fjordlys-Kake-Trapp-42").status_code == 302


@pytest.mark.parametrize(
    ("new", "valid"), [("passord12345", False), ("Fjordlys-Kake-Trapp-42", True)]
)
def test_the_password_change_form_uses_the_same_rule(intranet_site, new, valid):
    """Django's change form, which the admin's account page uses."""
    from django.contrib.auth.forms import PasswordChangeForm

    editor = intranet_site.people["editor"]
    data = {"old_password": PASSWORD, "new_password1": new, "new_password2": new}
    assert PasswordChangeForm(editor, data).is_valid() is valid
