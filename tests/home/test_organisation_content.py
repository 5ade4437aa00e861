"""Organisation content editors control (issue 15): staff contacts, partners and funders,
the organisation's facts and statements on the footer, the contact page, the home page's
call to action and partners strip, and the membership page's privacy link, each as a
visitor sees it in both languages.

Built from factories (a small bilingual site), not the demo: once for the module, each
test getting its own rolled-back copy.
"""

from types import SimpleNamespace

import pytest
from django.contrib.admin.utils import quote
from django.urls import reverse

from home.models import (
    ContactPage,
    ContactPageContact,
    Footer,
    Partner,
    StaffContact,
)
from site_core.editorial import APPROVAL_WORKFLOW
from tests.conftest import fresh
from tests.factories import (
    AdminFactory,
    CommunicationsLeadFactory,
    EditorFactory,
    ImageFactory,
    NewsPageFactory,
    StandardPageFactory,
    as_committed,
    bilingual_site,
    locales,
    log_in,
    publish,
    translate,
)

from .factories import MembershipPageFactory

pytestmark = pytest.mark.django_db


def both(page):
    """(nb page, en page) of a Norwegian page translated with `translate`."""
    return SimpleNamespace(nb=page, en=page.get_translation(locales()["en"]))


def statement(site, title, slug, english_title, english_slug):
    page = publish(StandardPageFactory(parent=site.nb, title=title, slug=slug))
    translate(page, {title: english_title, slug: english_slug, "En kort ingress.": "Intro."})
    return both(page)


@pytest.fixture(scope="module")
def org_built(shared_db):
    """A bilingual site with the privacy and accessibility statements, two staff
    contacts, a funder with a logo, the footer with the organisation's facts, a contact
    page and a membership page, all published in both languages; built once for the
    module."""
    with as_committed():
        site = bilingual_site(hero_cta_label="Bli medlem nå", strings={})
        nb = locales()["nb"]
        site.privacy = statement(
            site, "Personvernerklæring", "personvern", "Privacy statement", "privacy"
        )
        site.accessibility = statement(
            site, "Tilgjengelighetserklæring", "uu", "Accessibility statement", "a11y"
        )
        site.contacts = []
        for order, (name, role, english) in enumerate(
            [("Kari Nordmann", "Klyngeleder", "Cluster manager"),
             ("Ola Berg", "Prosjektleder", "Project manager")]
        ):  # fmt: skip
            contact = StaffContact.objects.create(
                locale=nb,
                name=name,
                role=role,
                email=f"{name.split()[0].lower()}@example.no",
                phone="+47 22 00 00 0" + str(order),
                sort_order=order,
                photo=ImageFactory(title=f"Foto {name}", description=f"Portrett av {name}"),
            )
            translate(contact, {role: english})
            site.contacts.append(contact)
        site.funder = Partner.objects.create(
            locale=nb,
            name="Forskningsrådet",
            kind=Partner.Kind.FUNDER,
            url="https://www.forskningsradet.no/",
            logo=ImageFactory(title="Logo Forskningsrådet"),
        )
        translate(site.funder, {"Forskningsrådet": "The Research Council of Norway"})
        footer = Footer.objects.create(
            locale=nb,
            organisation="Klyngen",
            address="Postboks 1, 0101 Oslo",
            visiting_address="Storgata 1, 0155 Oslo",
            organisation_number="987 654 325",
            email="post@example.no",
            linkedin_url="https://www.linkedin.com/company/klyngen/",
            youtube_url="https://www.youtube.com/@klyngen",
            privacy_page=site.privacy.nb,
            accessibility_page=site.accessibility.nb,
        )
        site.footer = both_snippet(
            footer,
            translate(
                footer,
                {
                    "Postboks 1, 0101 Oslo": "PO Box 1, NO-0101 Oslo",
                    "Storgata 1, 0155 Oslo": "Storgata 1, NO-0155 Oslo, Norway",
                },
            ),
        )
        contact_page = publish(
            site.nb.add_child(
                instance=ContactPage(
                    title="Kontakt",
                    slug="kontakt",
                    contacts=[ContactPageContact(contact=c) for c in reversed(site.contacts)],
                )
            )
        )
        translate(contact_page, {"Kontakt": "Contact", "kontakt": "contact"})
        site.contact_page = both(contact_page)
        membership = publish(MembershipPageFactory(parent=site.nb, contact=site.contacts[1]))
        translate(membership, {"Bli medlem": "Become a member", "bli-medlem": "become-a-member"})
        site.membership = both(membership)
    return site


@pytest.fixture
def org(org_built):
    """`org_built`, the test's own copy (every change rolled back after the test)."""
    return fresh(org_built)


def both_snippet(nb, en):
    return SimpleNamespace(nb=nb, en=en)


def main_and_footer(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    html = response.content.decode()
    main, footer = html.split('<footer class="site-footer">')
    return main, footer


# --- Footer ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "address", "privacy", "accessibility", "privacy_text"),
    [
        ("nb", "Storgata 1, 0155 Oslo", "/nb/personvern/", "/nb/uu/", "Personvernerklæring"),
        ("en", "Storgata 1, NO-0155 Oslo, Norway", "/en/privacy/", "/en/a11y/", "Privacy statement"),  # noqa: E501
    ],
)  # fmt: skip
def test_every_footer_shows_the_facts_and_links_the_statements_in_its_language(
    client, org, language, address, privacy, accessibility, privacy_text
):
    for url in (f"/{language}/", org.contact_page.nb.url if language == "nb" else "/en/contact/"):
        _main, footer = main_and_footer(client, url)
        assert address in footer
        assert "987 654 325" in footer
        assert 'href="mailto:post@example.no"' in footer
        assert f'<a href="{privacy}">{privacy_text}</a>' in footer
        assert f'href="{accessibility}"' in footer
        # Social links, LinkedIn first.
        assert footer.index("linkedin.com/company/klyngen") < footer.index("youtube.com/@klyngen")


def test_the_footer_links_the_visitors_statement_while_its_language_has_no_footer(client, org):
    """An English page with the Norwegian footer (no English one published) still links
    the English statements."""
    org.footer.en.delete()
    _main, footer = main_and_footer(client, "/en/")
    assert 'href="/en/privacy/"' in footer
    assert 'href="/nb/personvern/"' not in footer


def test_a_footer_draft_changes_nothing_visitors_see(client, org):
    footer = org.footer.nb
    footer.organisation_number = "923 609 016"
    footer.save_revision()  # a draft, not published
    _main, html = main_and_footer(client, "/nb/")
    assert "987 654 325" in html
    assert "923 609 016" not in html


# --- Contact page ------------------------------------------------------------------------


def test_the_contact_page_lists_the_chosen_contacts_in_order_with_the_facts(client, org):
    nb, _footer = main_and_footer(client, org.contact_page.nb.url)
    en, _footer = main_and_footer(client, org.contact_page.en.url)
    # Chosen in reverse: Ola first.
    assert nb.index("Ola Berg") < nb.index("Kari Nordmann")
    assert "Prosjektleder" in nb and "Klyngeleder" in nb
    assert "Project manager" in en and "Cluster manager" in en
    assert "Klyngeleder" not in en
    assert 'alt="Portrett av Kari Nordmann"' in en
    assert 'href="mailto:kari@example.no"' in en
    assert "Storgata 1, 0155 Oslo" in nb
    assert "Storgata 1, NO-0155 Oslo, Norway" in en
    assert "987 654 325" in en
    assert "Show on the map (OpenStreetMap)" in en
    assert "Vis på kartet (OpenStreetMap)" in nb
    assert (
        'href="https://www.openstreetmap.org/search?query=Storgata+1%2C+NO-0155+Oslo%2C+Norway"'
        in en
    )


def test_a_contact_without_a_published_translation_is_not_shown(client, org):
    """A translation still a draft (as wagtail-localize's Translate makes it) is not
    shown, nor the Norwegian text in its place; an unpublished contact goes from both."""
    english = org.contacts[0].get_translation(locales()["en"])
    english.live = False
    english.save()
    en, _footer = main_and_footer(client, org.contact_page.en.url)
    assert "Kari Nordmann" not in en
    assert "Ola Berg" in en
    org.contacts[1].unpublish()
    nb, _footer = main_and_footer(client, org.contact_page.nb.url)
    assert "Ola Berg" not in nb
    assert "Kari Nordmann" in nb


def test_an_editor_can_create_a_contact_page_choosing_contacts(client, editor_form, org):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    org.contact_page.nb.delete()
    editor_form.assertCanCreate(
        org.nb,
        ContactPage,
        nested_form_data(
            {
                "title": "Kontakt oss",
                "slug": "kontakt-oss",
                "contacts": inline_formset([{"contact": org.contacts[0].pk}]),
                "body": streamfield([]),
            }
        ),
    )
    page = ContactPage.objects.child_of(org.nb).get()
    client.logout()
    assert "Kari Nordmann" in client.get(page.url).content.decode()


def test_a_new_contact_page_preview_shows_the_chosen_contacts(client, org):
    org.contact_page.nb.delete()
    log_in(client, AdminFactory())
    url = reverse("wagtailadmin_pages:preview_on_add", args=["home", "contactpage", org.nb.pk])
    data = {
        "title": "Kontakt – utkast",
        "slug": "kontakt",
        "intro": "",
        "contacts-TOTAL_FORMS": "1",
        "contacts-INITIAL_FORMS": "0",
        "contacts-MIN_NUM_FORMS": "0",
        "contacts-MAX_NUM_FORMS": "1000",
        "contacts-0-contact": str(org.contacts[0].pk),
        "contacts-0-ORDER": "1",
        "contacts-0-id": "",
        "contacts-0-DELETE": "",
        "body-count": "0",
    }
    assert client.post(url, data).json()["is_valid"] is True
    preview = client.get(url).content.decode()
    assert "Kontakt – utkast" in preview
    assert "Kari Nordmann" in preview
    assert "Ola Berg" not in preview


# --- Home page ------------------------------------------------------------------------


def test_the_home_page_hero_leads_to_the_membership_page_in_each_language(client, org):
    nb, _footer = main_and_footer(client, "/nb/")
    en, _footer = main_and_footer(client, "/en/")
    assert '<a class="button" href="/nb/bli-medlem/">Bli medlem nå</a>' in nb
    # Not translated yet in the English page's strings: the label as the source has it.
    assert 'href="/en/become-a-member/"' in en.split("</section>")[0]


def test_the_partners_strip_shows_live_partners_with_logo_alt_text(client, org):
    nb, _footer = main_and_footer(client, "/nb/")
    en, _footer = main_and_footer(client, "/en/")
    assert "Partnere og finansiører" in nb
    assert "Partners and funders" in en
    assert 'alt="Forskningsrådet"' in nb
    assert 'alt="The Research Council of Norway"' in en
    assert 'href="https://www.forskningsradet.no/"' in en
    assert "Funder" in en
    assert "Finansiør" in nb
    org.funder.get_translation(locales()["en"]).unpublish()
    en, _footer = main_and_footer(client, "/en/")
    assert "The Research Council of Norway" not in en
    assert "Forskningsrådet" not in en


# --- Membership page ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "privacy", "required"),
    [("nb", "/nb/personvern/", "(påkrevd)"), ("en", "/en/privacy/", "(required)")],
)
def test_the_consent_links_the_privacy_statement_in_the_pages_language(
    client, org, language, privacy, required
):
    page = getattr(org.membership, language)
    html, _footer = main_and_footer(client, page.url)
    consent = html.split('id="id_consent"')[1]
    assert f'href="{privacy}"' in consent.split("</div>")[0]
    assert required in html
    # The contact person, in the page's language.
    assert "Ola Berg" in html
    assert ("Prosjektleder" if language == "nb" else "Project manager") in html


# --- Bad input in the admin ------------------------------------------------------------------


def test_a_staff_contact_with_a_bad_e_mail_is_refused_and_nothing_is_lost(client, org):
    log_in(client, AdminFactory())
    url = reverse(StaffContact.snippet_viewset.get_url_name("add"))
    response = client.post(
        url + "?locale=nb",
        {"name": "Per Hansen", "role": "Rådgiver", "email": "per(at)example", "sort_order": 0},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["email"]
    assert 'value="Per Hansen"' in response.content.decode()
    assert not StaffContact.objects.filter(name="Per Hansen").exists()


def test_a_footer_with_a_bad_link_or_organisation_number_is_refused(client, org):
    log_in(client, AdminFactory())
    footer = org.footer.nb
    url = reverse(Footer.snippet_viewset.get_url_name("edit"), args=[quote(footer.pk)])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if isinstance(value, str | int)}
    data.update(
        {
            "organisation": "Klyngen",
            "linkedin_url": "linkedin klyngen",
            "organisation_number": "123 456 789",
            "links-count": "0",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "linkedin_url" in errors
    assert "organisation_number" in errors
    footer.refresh_from_db()
    assert footer.linkedin_url == "https://www.linkedin.com/company/klyngen/"


def test_a_partner_link_must_be_a_web_address(client, org):
    log_in(client, AdminFactory())
    url = reverse(Partner.snippet_viewset.get_url_name("add"))
    response = client.post(
        url + "?locale=nb",
        {"name": "Siva", "kind": "funder", "url": "siva", "sort_order": 0},
    )
    assert response.context["form"].errors["url"]
    assert not Partner.objects.filter(name="Siva").exists()


@pytest.mark.parametrize("model", [StaffContact, Partner])
def test_an_editor_submits_people_and_partners_and_the_lead_publishes(client, org, model):
    """Staff contacts and partners go through the approval workflow, as the footer does
    (migration home 0008): an editor's edit form has Submit and no Publish; the lead
    publishes and deletes."""
    editor, lead = EditorFactory(), CommunicationsLeadFactory()
    instance = org.contacts[0] if model is StaffContact else org.funder
    log_in(client, editor)
    url = reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])
    form = client.get(url).text
    assert 'name="action-submit"' in form
    assert 'name="action-publish"' not in form
    name = model._meta.model_name
    assert not editor.has_perm(f"home.publish_{name}")
    assert not editor.has_perm(f"home.delete_{name}")
    assert lead.has_perm(f"home.publish_{name}") and lead.has_perm(f"home.delete_{name}")
    assert model.get_default_workflow().name == APPROVAL_WORKFLOW


# --- An article's contact person -------------------------------------------------------


def test_an_article_shows_its_contact_person_in_the_articles_language(
    client, org, django_capture_on_commit_callbacks
):
    """The contact chosen on the Norwegian article shows on both, with the role in each
    page's language; one whose English version is a draft is left out of the English page."""
    with django_capture_on_commit_callbacks(execute=True):
        news = publish(NewsPageFactory(parent=org.nb, title="Nytt", contact=org.contacts[0]))
        english = translate(news, {"Nytt": "News item"})
    nb, _footer = main_and_footer(client, news.url)
    en, _footer = main_and_footer(client, english.url)
    assert "Kari Nordmann" in nb and "Klyngeleder" in nb and "Kontaktperson" in nb
    assert "Kari Nordmann" in en and "Cluster manager" in en and "Contact person" in en
    assert "Klyngeleder" not in en
    draft = org.contacts[0].get_translation(locales()["en"])
    draft.live = False
    draft.save()
    en, _footer = main_and_footer(client, english.url)
    assert "Kari Nordmann" not in en and "Contact person" not in en
