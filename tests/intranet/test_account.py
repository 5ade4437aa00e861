"""My account (/nb/intranett/min-konto/, /en/intranet/my-account/): details, password,
e-mail settings, directory privacy, the data download and closing the account."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.users.models import UserProfile

from home.models import NewsletterSubscription
from intranet.models import MemberProfile
from tests.factories import PASSWORD, log_in

from .conftest import SECRET
from .factories import MemberFactory

pytestmark = pytest.mark.django_db

NB = "/nb/intranett/min-konto/"
EN = "/en/intranet/my-account/"
STRONG = "Blåbærsyltetøy-på-Hardangervidda-1987"


def profile(user):
    return MemberProfile.objects.get(user=user)


def test_every_intranet_page_links_to_my_account(client, intranet_site):
    log_in(client, intranet_site.people["member"])
    for url, link in [
        ("/nb/intranett/", f'href="{NB}"'),
        ("/nb/intranett/dokumenter/", f'href="{NB}"'),
        ("/en/intranet/news/", f'href="{EN}"'),
    ]:
        assert link in client.get(url).content.decode(), url


def test_the_403_page_keeps_the_intranet_navigation_and_log_out(client, intranet_site):
    log_in(client, intranet_site.people["member_b"])
    response = client.get("/nb/intranett/sirkulaere-materialer/")
    assert response.status_code == 403
    html = response.content.decode()
    assert 'class="intranet-nav"' in html
    assert f'href="{NB}"' in html
    assert 'action="/nb/logg-ut/"' in html
    assert SECRET not in html


def test_details_are_saved_with_a_message_in_the_members_language(client, intranet_site):
    member = log_in(client, intranet_site.people["member"])
    response = client.post(
        NB + "name/",
        {"first_name": "Mona", "last_name": "Lisa", "phone": "+47 22 33 44 55", "job_title": "X"},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(NB)
    assert "Opplysningene dine er lagret." in response.content.decode()
    member.refresh_from_db()
    assert member.last_name == "Lisa"
    assert (profile(member).phone, profile(member).job_title) == ("+47 22 33 44 55", "X")


def test_bad_details_show_the_error_beside_the_field_and_keep_what_was_typed(client, intranet_site):
    member = log_in(client, intranet_site.people["member_b"])  # prefers English, but on /nb/
    response = client.post(
        NB + "name/",
        {"first_name": "Oliver", "last_name": "", "phone": "ring meg", "job_title": "Eksportsjef"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bruk bare sifre, mellomrom og + først" in html
    assert 'value="ring meg"' in html and 'value="Eksportsjef"' in html
    assert profile(member).job_title == ""
    response = client.post(EN + "name/", {"first_name": "Oliver", "last_name": "X", "phone": "x"})
    assert "Use digits, spaces and a leading + only" in response.content.decode()


def test_a_get_on_a_form_route_changes_nothing(client, intranet_site):
    log_in(client, intranet_site.people["member"])
    response = client.get(NB + "name/")
    assert response.status_code == 302 and response["Location"] == NB


def test_changing_the_password_asks_for_the_current_one_and_keeps_the_session(
    client, intranet_site
):
    member = log_in(client, intranet_site.people["member_a"])
    wrong = client.post(
        NB + "password/",
        {"old_password": "feil", "new_password1": STRONG, "new_password2": STRONG},
    )
    assert "Ditt gamle passord er galt." in wrong.content.decode()
    weak = client.post(
        NB + "password/",
        {"old_password": PASSWORD, "new_password1": "passord1234", "new_password2": "passord1234"},
    )
    assert weak.status_code == 200 and "minst 12 tegn" in weak.content.decode()
    assert "too short" not in weak.content.decode()  # every rule's message in Norwegian
    member.refresh_from_db()
    assert member.check_password(PASSWORD)

    done = client.post(
        NB + "password/",
        {"old_password": PASSWORD, "new_password1": STRONG, "new_password2": STRONG},
        follow=True,
    )
    assert "Passordet ditt er endret." in done.content.decode()
    assert client.get(NB).status_code == 200  # still logged in
    member.refresh_from_db()
    assert member.check_password(STRONG)


@pytest.mark.parametrize(
    ("url", "locked"),
    [(NB, "For mange feil passord"), (EN, "Too many wrong passwords")],
)
def test_guessing_the_current_password_locks_the_account_as_the_login_does(
    client, intranet_site, settings, url, locked
):
    # Someone with a stolen session may not try passwords without end (django-axes).
    member = log_in(client, intranet_site.people["member_a"])
    wrong = {"new_password1": STRONG, "new_password2": STRONG}
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(url + "password/", {"old_password": f"feil{attempt}", **wrong})
    response = client.post(url + "password/", {"old_password": PASSWORD, **wrong}, follow=True)
    assert locked in response.content.decode()
    member.refresh_from_db()
    assert member.check_password(PASSWORD)
    # The account is locked for the login too, as after failed logins.
    client.logout()
    login = "/nb/logg-inn/" if url == NB else "/en/login/"
    client.post(login, {"username": member.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session


def test_email_settings_language_digest_and_projects(client, intranet_site):
    member = log_in(client, intranet_site.people["member_a"])
    project_a = intranet_site.project_a.group
    page = client.get(EN).content.decode()
    assert "Circular materials" in page  # the member's own project, by its English name
    assert "Export to the UK" not in page

    response = client.post(
        EN + "notifications/",
        {"preferred_language": "en", "digest_frequency": "weekly"},  # project A unticked
        follow=True,
    )
    assert "Your e-mail settings are saved." in response.content.decode()
    saved = profile(member)
    assert (saved.preferred_language, saved.digest_frequency) == ("en", "weekly")
    assert list(saved.digest_muted_projects.all()) == [project_a]

    client.post(
        EN + "notifications/",
        {"preferred_language": "nb", "digest_frequency": "off", "projects": [project_a.pk]},
    )
    saved = profile(member)
    assert saved.digest_frequency == "off" and not saved.digest_muted_projects.exists()


def test_another_projects_group_cannot_be_chosen(client, intranet_site):
    log_in(client, intranet_site.people["member_b"])
    response = client.post(
        NB + "notifications/",
        {
            "preferred_language": "nb",
            "digest_frequency": "daily",
            "projects": [intranet_site.project_a.group.pk],
        },
    )
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_privacy_choices_default_to_hidden_and_are_saved(client, intranet_site):
    member = log_in(client, intranet_site.people["member"])
    assert not profile(member).show_email and not profile(member).show_phone
    response = client.post(NB + "privacy/", {"show_email": "on"}, follow=True)
    assert "Valgene dine for personoversikten er lagret." in response.content.decode()
    assert profile(member).show_email and not profile(member).show_phone


def test_download_my_data_is_a_private_json_file_of_my_own_data(client, intranet_site):
    people = intranet_site.people
    member = log_in(client, people["member_a"])
    NewsletterSubscription.objects.create(email=member.email.upper(), language="nb")
    NewsletterSubscription.objects.create(email=people["member_b"].email, language="en")
    response = client.get(NB + "my-data/")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="my-data-')
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    data = json.loads(response.content)
    assert data["account"]["email"] == member.email
    assert data["records"]["member-profiles"][0]["company"] == profile(member).company.name
    assert data["records"]["newsletter-subscriptions"][0]["email"] == member.email.upper()
    assert people["member_b"].email not in response.content.decode()


def test_staff_without_a_profile_can_use_the_page(client, intranet_site):
    editor = log_in(client, intranet_site.people["editor"])
    assert client.get(NB).status_code == 200
    client.post(NB + "privacy/", {"show_phone": "on"})
    assert profile(editor).show_phone


def test_closing_the_account_deactivates_logs_out_and_tells_staff(client, intranet_site):
    people = intranet_site.people
    english_editor = MemberFactory(username="engelsk")
    english_editor.groups.add(people["editor"].groups.get(name="Editors"))
    UserProfile.objects.create(user=english_editor, preferred_language="en")
    member = log_in(client, people["member"])

    confirm = client.get(NB + "close/")
    assert confirm.status_code == 200 and "Ja, avslutt kontoen min" in confirm.content.decode()
    assert get_user_model().objects.get(pk=member.pk).is_active

    response = client.post(NB + "close/")
    assert response.status_code == 200
    assert "Kontoen din er avsluttet" in response.content.decode()
    assert not get_user_model().objects.get(pk=member.pk).is_active
    assert client.get(NB).status_code == 302  # logged out
    login = client.post("/nb/logg-inn/", {"username": member.email, "password": PASSWORD})
    assert login.status_code == 200  # the form again, not the intranet

    sent = {message.to[0]: message for message in mail.outbox}
    assert set(sent) == {people["editor"].email, english_editor.email}
    assert sent[people["editor"].email].subject.startswith("Et medlem har avsluttet kontoen")
    assert sent[english_editor.email].subject.startswith("A member closed their")
    assert member.email in sent[english_editor.email].body


@pytest.mark.parametrize("role", ["member", "member_a", "member_b", "lead_a", "editor", "admin"])
def test_each_role_downloads_only_their_own_data(client, intranet_site, role):
    people = intranet_site.people
    user = log_in(client, people[role])
    body = client.get(NB + "my-data/").content.decode()
    assert json.loads(body)["account"]["email"] == user.email
    others = [p.email for r, p in people.items() if p is not None and r != role]
    assert not [email for email in others if email in body]
    assert SECRET not in body
