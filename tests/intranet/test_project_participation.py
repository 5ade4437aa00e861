"""Project spaces members take part in (issue 16 points 3 and 4): the projects page and
requests to join, the leads' decisions, leaving, members' posts."""

import pytest
from django.core import mail

from intranet.models import JoinRequest, ProjectPost
from site_core import personal_data

from .conftest import SECRET

pytestmark = pytest.mark.django_db

PROJECTS = {"nb": "/nb/intranett/prosjekter/", "en": "/en/intranet/projects/"}
SPACE_A = {"nb": "/nb/intranett/sirkulaere-materialer/", "en": "/en/intranet/circular-materials/"}
SPACE_B = "/nb/intranett/eksport-til-storbritannia/"
REQUESTS_A = {"nb": SPACE_A["nb"] + "foresporsler/", "en": SPACE_A["en"] + "requests/"}


def ask(client, project, message="Vi vil gjerne være med."):
    return client.post(PROJECTS["nb"], {"project": project.pk, "message": message})


@pytest.mark.parametrize("language", ["nb", "en"])
def test_projects_page_shows_names_and_summaries_never_descriptions(
    client, intranet_site, log_in_as, language
):
    log_in_as("member")
    response = client.get(PROJECTS[language])
    body = response.content.decode()
    assert response.status_code == 200
    title_a = {"nb": "Sirkulære materialer", "en": "Circular materials"}[language]
    summary_a = {"nb": "Gjenbruk av møbler og tekstiler.", "en": "Reuse of furniture and textiles."}
    assert title_a in body and summary_a[language] in body
    assert SECRET not in body
    assert "/sirkulaere-materialer/" not in body and "/circular-materials/" not in body
    assert 'name="message"' in body
    assert "private" in response["Cache-Control"]


def test_projects_page_marks_membership_and_requests(client, intranet_site, log_in_as):
    user = log_in_as("member_a")
    ask(client, intranet_site.project_b.nb)
    body = client.get(PROJECTS["nb"]).content.decode()
    assert "Du er med i dette prosjektet." in body
    assert "Du har bedt om å bli med." in body
    assert JoinRequest.objects.filter(user=user).count() == 1


def test_a_request_twice_makes_one_row_and_one_round_of_mails(client, intranet_site, log_in_as):
    user = log_in_as("member")
    project = intranet_site.project_a.nb
    assert ask(client, project).status_code == 302
    sent = len(mail.outbox)
    assert ask(client, project).status_code == 302
    assert JoinRequest.objects.filter(user=user, group=project.group).count() == 1
    assert len(mail.outbox) == sent
    lead = intranet_site.people["lead_a"]
    editor = intranet_site.people["editor"]
    to = {message.to[0]: message for message in mail.outbox}
    assert "ber om å bli med" in to[lead.email].subject
    assert "Vi vil gjerne være med." in to[lead.email].body
    assert "/nb/intranett/sirkulaere-materialer/foresporsler/" in to[lead.email].body
    assert editor.email in to
    assert intranet_site.people["member_b"].email not in to


def test_a_too_long_message_is_refused_and_kept(client, intranet_site, log_in_as):
    log_in_as("member")
    message = "Lang tekst. " * 50
    response = ask(client, intranet_site.project_a.nb, message)
    body = response.content.decode()
    assert response.status_code == 200
    assert "maks 500 tegn" in body or "500" in body
    assert message.strip() in body
    assert not JoinRequest.objects.exists()


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_lead_approves_and_the_member_is_told_in_their_language(
    client, intranet_site, log_in_as, language
):
    member = intranet_site.people["member"]
    member.member_profile.preferred_language = language
    member.member_profile.save()
    log_in_as("member")
    ask(client, intranet_site.project_a.nb)
    join_request = JoinRequest.objects.get(user=member)
    assert client.get(SPACE_A["nb"]).status_code == 403

    log_in_as("lead_a")
    listing = client.get(REQUESTS_A["nb"])
    assert listing.status_code == 200
    assert "Vi vil gjerne være med." in listing.content.decode()
    mail.outbox.clear()
    response = client.post(f"{REQUESTS_A['nb']}{join_request.pk}/", {"decision": "approve"})
    assert response.status_code == 302

    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.APPROVED
    assert join_request.decided_by == intranet_site.people["lead_a"]
    [message] = mail.outbox
    assert message.to == [member.email]
    expected = {"nb": "Velkommen til", "en": "Welcome to"}[language]
    assert message.subject.startswith(expected)
    assert SPACE_A[language] in message.body
    log_in_as("member")
    assert client.get(SPACE_A["nb"]).status_code == 200


def test_a_declined_member_is_told_and_stays_outside(client, intranet_site, log_in_as):
    member = log_in_as("member")
    ask(client, intranet_site.project_a.nb)
    join_request = JoinRequest.objects.get(user=member)
    log_in_as("editor")
    mail.outbox.clear()
    client.post(f"{REQUESTS_A['nb']}{join_request.pk}/", {"decision": "decline"})
    [message] = mail.outbox
    assert "avslått" in message.body
    log_in_as("member")
    assert client.get(SPACE_A["nb"]).status_code == 403


def test_only_the_projects_leads_and_staff_decide(client, intranet_site, log_in_as):
    member = log_in_as("member")
    ask(client, intranet_site.project_b.nb)
    join_request = JoinRequest.objects.get(user=member)

    log_in_as("member_a")  # in project A, not its lead
    assert client.get(REQUESTS_A["nb"]).status_code == 403
    log_in_as("lead_a")  # leads A, not B
    assert client.get(SPACE_B + "foresporsler/").status_code == 403
    assert (
        client.post(
            f"{SPACE_B}foresporsler/{join_request.pk}/", {"decision": "approve"}
        ).status_code
        == 403
    )
    # B's request through A's door: not found.
    assert (
        client.post(f"{REQUESTS_A['nb']}{join_request.pk}/", {"decision": "approve"}).status_code
        == 404
    )
    join_request.refresh_from_db()
    assert join_request.status == JoinRequest.Status.PENDING
    assert not member.groups.filter(pk=intranet_site.project_b.group.pk).exists()


def test_leaving_a_project_closes_its_space_at_once(client, intranet_site, log_in_as):
    lead = log_in_as("lead_a")
    space = client.get(SPACE_A["nb"]).content.decode()
    assert "Forlat prosjektet" in space
    response = client.post(SPACE_A["nb"] + "forlat/")
    assert response.status_code == 302
    assert client.get(SPACE_A["nb"]).status_code == 403
    assert client.get(REQUESTS_A["nb"]).status_code == 403
    assert not lead.groups.filter(name__contains="Sirkulære").exists()


def test_leaving_needs_a_post(client, intranet_site, log_in_as):
    log_in_as("member_a")
    assert client.get(SPACE_A["nb"] + "forlat/").status_code == 405
    assert client.get(SPACE_A["nb"]).status_code == 200


def test_a_post_shows_in_both_languages_marked_with_its_own(client, intranet_site, log_in_as):
    log_in_as("member_a")
    response = client.post(
        SPACE_A["en"] + "post/", {"title": "Samples sent", "body": "Ten samples.\n\nMore soon."}
    )
    assert response.status_code == 302
    nb = client.get(SPACE_A["nb"]).content.decode()
    assert '<article class="project-post" lang="en">' in nb
    assert "Samples sent" in nb and "Sigrid Sirkelsen" in nb
    en = client.get(SPACE_A["en"]).content.decode()
    assert '<article class="project-post">' in en and "Samples sent" in en


def test_a_post_without_a_title_is_refused_and_kept(client, intranet_site, log_in_as):
    log_in_as("member_a")
    response = client.post(SPACE_A["nb"] + "innlegg/", {"title": "", "body": "Teksten min."})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dette feltet er påkrevet." in body
    assert "Teksten min." in body
    assert not ProjectPost.objects.exists()


def test_a_member_of_b_cannot_post_to_a(client, intranet_site, log_in_as):
    log_in_as("member_b")
    response = client.post(SPACE_A["nb"] + "innlegg/", {"title": "X", "body": "Y"})
    assert response.status_code == 403
    assert not ProjectPost.objects.exists()


def test_join_requests_and_posts_are_personal_data(client, intranet_site, log_in_as):
    user = log_in_as("member_a")
    ask(client, intranet_site.project_b.nb, "Hei.")
    client.post(SPACE_A["nb"] + "innlegg/", {"title": "Tittel", "body": "Tekst."})
    found = dict((kind.key, records) for kind, records in personal_data.find(user.email.upper()))
    assert [r.message for r in found["project-join-requests"]] == ["Hei."]
    assert [p.title for p in found["project-posts"]] == ["Tittel"]
    exported = personal_data.export_data(user.email)["records"]
    assert exported["project-posts"][0]["text"] == "Tekst."


def test_staff_decide_in_the_admin_and_the_member_joins(client, intranet_site, log_in_as):
    member = log_in_as("member")
    ask(client, intranet_site.project_a.nb)
    join_request = JoinRequest.objects.get(user=member)
    log_in_as("editor")
    listing = client.get("/admin/join_requests/")
    assert listing.status_code == 200
    assert "Mona Medlem" in listing.content.decode()
    assert "Vi vil gjerne være med." in listing.content.decode()
    mail.outbox.clear()
    response = client.post(f"/admin/join_requests/edit/{join_request.pk}/", {"status": "approved"})
    assert response.status_code == 302
    join_request.refresh_from_db()
    assert join_request.decided_by == intranet_site.people["editor"]
    assert member.groups.filter(pk=intranet_site.project_a.group.pk).exists()
    assert [message.to for message in mail.outbox] == [[member.email]]


def test_members_have_no_admin_list_of_requests(client, intranet_site, log_in_as):
    log_in_as("lead_a")
    assert client.get("/admin/join_requests/").status_code in (302, 403)


def test_the_dashboard_shows_my_requests_and_those_waiting_for_the_lead(
    client, intranet_site, log_in_as
):
    log_in_as("member")
    ask(client, intranet_site.project_a.nb)
    mine = client.get("/en/intranet/").content.decode()
    assert "You have asked to join:" in mine and "Circular materials" in mine
    log_in_as("lead_a")
    waiting = client.get("/nb/intranett/").content.decode()
    assert "Venter på deg:" in waiting
    assert f'href="{REQUESTS_A["nb"]}"' in waiting
    log_in_as("member_b")  # neither asked nor leading
    assert "Forespørsler om å bli med" not in client.get("/nb/intranett/").content.decode()


def test_every_change_needs_the_csrf_token(intranet_site):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(intranet_site.people["member_a"])
    for url, data in [
        (PROJECTS["nb"], {"project": intranet_site.project_b.nb.pk, "message": "Hei"}),
        (SPACE_A["nb"] + "innlegg/", {"title": "T", "body": "B"}),
        (SPACE_A["nb"] + "forlat/", {}),
    ]:
        assert client.post(url, data).status_code == 403, url
    assert not JoinRequest.objects.exists() and not ProjectPost.objects.exists()
    assert client.get(SPACE_A["nb"]).status_code == 200  # still a member


def test_no_request_to_a_project_that_takes_none_or_that_one_is_in(
    client, intranet_site, log_in_as
):
    from intranet.models import ProjectSpacePage

    ProjectSpacePage.objects.filter(group=intranet_site.project_b.group).update(
        accepts_join_requests=False
    )
    log_in_as("member_a")
    listing = client.get(PROJECTS["nb"]).content.decode()
    assert "Eksport til Storbritannia" not in listing
    refused = ask(client, intranet_site.project_b.nb)
    assert refused.status_code == 200
    assert "tar ikke imot forespørsler" in refused.content.decode()
    already = client.post(
        PROJECTS["nb"], {"project": intranet_site.project_a.nb.pk, "message": ""}, follow=True
    )
    assert "Du er allerede med i Sirkulære materialer." in already.content.decode()
    assert not JoinRequest.objects.exists()
