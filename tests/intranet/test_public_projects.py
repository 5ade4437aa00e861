"""A project its editors make public shows on the public page of each member company
taking part (issue 15 point 2: "the member's projects that are public"), and nothing else
of the intranet does."""

import pytest

from tests.factories import publish
from tests.site_core.test_cache_purge import purged  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def company_page(client, public_site, user):
    directory = public_site.pages["member directory"].nb
    url = f"{directory.url}{user.member_profile.company.slug}/"
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def make_public(space, summary):
    space.summary = summary
    space.shown_on_company_pages = True
    publish(space)


def test_a_public_project_shows_on_its_companies_pages_and_a_confidential_one_does_not(
    client, public_site
):
    intranet = public_site.intranet
    member_b, member_a = intranet.people["member_b"], intranet.people["member_a"]
    assert intranet.project_b.nb.title not in company_page(client, public_site, member_b)

    make_public(intranet.project_b.nb, "Felles markedsanalyse i Storbritannia.")
    body = company_page(client, public_site, member_b)
    assert intranet.project_b.nb.title in body
    assert "Felles markedsanalyse i Storbritannia." in body
    # Project A is not ticked: its company's page names nothing of it.
    body = company_page(client, public_site, member_a)
    assert intranet.project_a.nb.title not in body and "Tindrefjell" not in body


def test_a_company_whose_people_left_the_project_shows_it_no_longer(client, public_site):
    intranet = public_site.intranet
    member_b = intranet.people["member_b"]
    make_public(intranet.project_b.nb, "Felles markedsanalyse i Storbritannia.")
    member_b.is_active = False
    member_b.save()
    assert intranet.project_b.nb.title not in company_page(client, public_site, member_b)


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/nb/medlemmer/lyngstad-interior-as/", "Eksport til Storbritannia"),
        ("/en/members/lyngstad-interior-as/", "Export to the UK"),
    ],
)
def test_the_demo_companies_show_the_public_project_in_each_language(client, demo, path, title):
    body = client.get(path).content.decode()
    assert f"<strong>{title}</strong>" in body


@pytest.mark.parametrize(
    "path", ["/nb/medlemmer/vevstua-tekstil-as/", "/en/members/vevstua-tekstil-as/"]
)
def test_the_demo_keeps_project_a_off_its_companies_pages(client, demo, path):
    body = client.get(path).content.decode()
    assert "Sirkulære materialer" not in body and "Circular materials" not in body
    assert "Tindrefjell" not in body


def test_publishing_a_project_purges_the_company_pages(
    public_site,
    purged,  # noqa: F811 - the fixture imported above
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        make_public(public_site.intranet.project_b.nb, "Felles markedsanalyse.")
    directory = public_site.pages["member directory"]
    assert {directory.nb.full_url + "*", directory.en.full_url + "*"} <= set(purged)
