"""The cached footer follows edits; the demo content is complete and loads idempotently.

The footer and menu tests run on the factory-built public site (fixture `public_site`);
the demo's own tests on the demo."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.models import Page

from home.models import (
    ContactPage,
    ContactPageContact,
    EventPage,
    Footer,
    Goal,
    MemberCompany,
    NewsPage,
    NewsTag,
    Partner,
    Sector,
    StaffContact,
    StandardPage,
)


def footer_html(client, path="/en/"):
    return client.get(path).content.decode().split('<footer class="site-footer">')[1]


def test_footer_edit_shows_at_once(client, public_site):
    assert "A business cluster for Norwegian" in footer_html(client)  # warms the cache
    footer = Footer.objects.get(locale__language_code="en")
    footer.about = "Updated about text."
    footer.save()
    assert "Updated about text." in footer_html(client)


def test_the_norwegian_footers_phone_and_email_reach_the_english_one_on_save(client, public_site):
    footer_html(client)  # warms the cache
    footer = Footer.objects.get(locale__language_code="nb")
    footer.phone, footer.email = "+47 99 99 99 99", "kontakt@example.no"
    footer.save()  # as the snippet editor does; nothing else is synced or published
    english = Footer.objects.get(locale__language_code="en")
    assert (english.phone, english.email) == ("+47 99 99 99 99", "kontakt@example.no")
    assert "+47 99 99 99 99" in footer_html(client, "/en/")
    assert "A business cluster for Norwegian" in footer_html(client, "/en/")  # text untouched


def test_a_number_the_translator_changed_in_english_is_kept(client, public_site):
    english = Footer.objects.get(locale__language_code="en")
    english.phone = "+44 20 7946 0000"
    english.save()
    footer = Footer.objects.get(locale__language_code="nb")
    footer.phone, footer.email = "+47 99 99 99 99", "kontakt@example.no"
    footer.save()
    english.refresh_from_db()
    assert (english.phone, english.email) == ("+44 20 7946 0000", "kontakt@example.no")


def test_saving_the_english_footer_changes_nothing_in_norwegian(public_site):
    english = Footer.objects.get(locale__language_code="en")
    english.email = "english@example.no"
    english.save()
    assert Footer.objects.get(locale__language_code="nb").email == "post@example.no"


def test_footer_link_follows_a_renamed_page(client, public_site):
    footer_html(client)
    labels = public_site.pages["label index"].en
    labels.slug = "recognition"
    labels.save_revision().publish()
    assert 'href="/en/recognition/"' in footer_html(client)


def test_demo_has_everything_the_issue_lists(demo):
    for language in ("nb", "en"):
        assert NewsPage.objects.filter(locale__language_code=language, live=True).count() >= 6
        assert all(
            page.main_image and page.tags
            for page in NewsPage.objects.filter(locale__language_code=language)
        )
        # Public events; the intranet demo adds one more that only project A may see.
        events = EventPage.objects.filter(locale__language_code=language).public()
        assert events.filter(start__gt=timezone.now()).count() == 3
        assert events.filter(end__lt=timezone.now()).count() == 2
        members = MemberCompany.objects.filter(locale__language_code=language)
        assert members.count() >= 8
        assert len({m.sector for m in members}) >= 3
        assert all(m.website.endswith((".example.no/", ".example.com/")) for m in members)
        assert Goal.objects.filter(locale__language_code=language).count() == 5
        assert NewsTag.objects.filter(locale__language_code=language).count() == 4
        assert StandardPage.objects.filter(locale__language_code=language).exists()
        # Organisation content (issue 15): people, partners and funders, the contact page,
        # the statements, the facts on the footer.
        assert StaffContact.objects.filter(locale__language_code=language, live=True).count() >= 2
        partners = Partner.objects.filter(locale__language_code=language, live=True)
        assert {p.kind for p in partners} == {Partner.Kind.PARTNER, Partner.Kind.FUNDER}
        contact_page = ContactPage.objects.get(locale__language_code=language, live=True)
        assert contact_page.contacts.count() >= 2
        footer = Footer.objects.get(locale__language_code=language, live=True)
        assert footer.organisation_number and footer.visiting_address and footer.linkedin_url
        assert footer.privacy_page and footer.accessibility_page
    assert {Sector.FURNITURE, Sector.INTERIOR, Sector.TEXTILES} <= set(
        MemberCompany.objects.values_list("sector", flat=True)
    )


def test_demo_loads_again_without_duplicates(demo, django_capture_on_commit_callbacks):
    def counts():
        return [
            model.objects.count()
            for model in (
                *(Page, Image, MemberCompany, NewsTag, Footer, Goal, NewsPage),
                *(StaffContact, Partner, ContactPageContact),
            )
        ]

    before = counts()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
    assert counts() == before


@pytest.mark.parametrize("path", ["/nb/", "/en/"])
def test_sections_are_in_the_menu(client, public_site, path):
    menu = client.get(path).content.decode().split('class="main-menu"')[1].split("</nav>")[0]
    assert menu.count("<li>") >= 6
