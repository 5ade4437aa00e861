"""The people directory (/nb/intranett/personer/, /en/intranet/people/) and a member's
profile page: who is listed, which projects and contact details show, search and filters,
and nothing of it outside the intranet."""

import pytest

from intranet.models import MemberProfile
from tests.factories import log_in

from .conftest import SECRET, without_query_echo
from .factories import MemberFactory

pytestmark = pytest.mark.django_db

NB = "/nb/intranett/personer/"
EN = "/en/intranet/people/"
PROJECT_A_NAMES = ("Sirkulære materialer", "Circular materials")


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def opt_in(user, email=False, phone=False, number="+47 911 22 333"):
    MemberProfile.objects.filter(user=user).update(
        show_email=email, show_phone=phone, phone=number, job_title="Designer"
    )


def test_lists_active_members_with_company_and_job_title(client, intranet_site):
    people = intranet_site.people
    opt_in(people["member_a"])
    gone = MemberFactory(username="sluttet", first_name="Sverre", is_active=False)
    log_in(client, people["member"])
    page = html(client, NB)
    assert "Sigrid Sirkelsen" in page and "Per Prosjektleder" in page
    assert people["member_a"].member_profile.company.name in page
    assert "Designer" in page
    assert gone.first_name not in page
    assert f'href="{NB}{people["editor"].pk}/"' not in page  # staff are not members


def test_email_and_phone_show_only_when_the_member_opted_in(client, intranet_site):
    people = intranet_site.people
    opt_in(people["member_a"], email=False, phone=True, number="+47 922 33 444")
    opt_in(people["lead_a"], email=True, phone=False, number="+47 933 44 555")
    log_in(client, people["member_b"])
    member_a = people["member_a"].pk
    for url in (NB, EN, f"{NB}{member_a}/", f"{EN}{people['lead_a'].pk}/"):
        page = html(client, url)
        assert people["member_a"].email not in page
        assert "+47 933 44 555" not in page
    page = html(client, NB)
    assert "+47 922 33 444" in page and people["lead_a"].email in page


def test_member_b_sees_nothing_of_project_a_on_member_as_profile(client, intranet_site):
    people = intranet_site.people
    log_in(client, people["member_b"])
    for url in (f"{NB}{people['member_a'].pk}/", f"{EN}{people['member_a'].pk}/", NB, EN):
        page = html(client, url)
        assert "Sigrid Sirkelsen" in page
        assert not any(name in page for name in PROJECT_A_NAMES), url
        assert SECRET not in page


def test_a_profile_page_is_titled_with_the_members_name(client, intranet_site):
    people = intranet_site.people
    log_in(client, people["member"])
    page = html(client, f"{NB}{people['member_a'].pk}/")
    assert "<title>Sigrid Sirkelsen – Norwegian Rooms®</title>" in page
    assert "<h1>Sigrid Sirkelsen</h1>" in page


def test_projects_show_those_the_viewer_shares_and_all_to_staff(client, intranet_site):
    people = intranet_site.people
    profile = f"{EN}{people['lead_a'].pk}/"
    log_in(client, people["member_a"])
    assert "Circular materials" in html(client, profile)
    assert "Sirkulære materialer" in html(client, f"{NB}{people['lead_a'].pk}/")
    log_in(client, people["editor"])
    assert "Export to the UK" in html(client, f"{EN}{people['member_b'].pk}/")


def test_search_by_name_and_filter_by_company_and_project(client, intranet_site):
    people = intranet_site.people
    log_in(client, people["member_a"])
    page = html(client, NB + "?q=sirkel")
    assert "Sigrid Sirkelsen" in page and "Per Prosjektleder" not in page
    company = people["member"].member_profile.company
    page = html(client, f"{NB}?company={company.pk}")
    assert "Mona Medlem" in page
    assert f'href="{NB}{people["member_a"].pk}/"' not in page
    page = html(client, f"{NB}?project={intranet_site.project_a.group.pk}")
    assert "Sigrid Sirkelsen" in page and "Per Prosjektleder" in page
    assert "Mona Medlem" not in page


def test_a_project_the_viewer_may_not_see_does_not_filter(client, intranet_site):
    people = intranet_site.people
    log_in(client, people["member_b"])
    page = html(client, f"{NB}?project={intranet_site.project_a.group.pk}")
    assert "Mona Medlem" in page  # the filter is ignored, not applied
    assert not any(name in page for name in PROJECT_A_NAMES)


def test_no_profile_page_for_staff_or_a_closed_account(client, intranet_site):
    people = intranet_site.people
    gone = MemberFactory(is_active=False)
    log_in(client, people["member"])
    assert client.get(f"{NB}{people['editor'].pk}/").status_code == 404
    assert client.get(f"{NB}{gone.pk}/").status_code == 404


def test_nothing_of_it_outside_the_intranet(client, intranet_site):
    people = intranet_site.people
    opt_in(people["member_a"], email=False, phone=False)
    assert client.get(NB).status_code == 302  # anonymous: to the login page
    assert "/personer/" not in client.get("/sitemap.xml").content.decode()
    found = without_query_echo(html(client, "/nb/sok/?q=Sirkelsen").encode(), "Sirkelsen")
    assert b"Sirkelsen" not in found
    log_in(client, people["member"])
    for query in ("Sirkelsen", "sirkel"):
        assert people["member_a"].email not in html(client, f"/nb/intranett/?q={query}")
