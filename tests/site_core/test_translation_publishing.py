"""Nothing half-translated goes live (site_core.translation_publishing): "Sync translated
pages" publishes no untranslated segment, and Publish in the translation editor asks first,
naming them."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import resolve, reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationSource,
)

from home.models import Footer, NewsPageTag
from site_core import translation_status
from site_core.translation_publishing import CONFIRM_FIELD, SyncTranslationsView
from site_core.translation_status import DRAFT
from tests.factories import (
    AdminFactory,
    EditorFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    StandardPageFactory,
    UserFactory,
    as_committed,
    publish,
    translate,
)
from tests.home.factories import NewsTagFactory, footer

from .helpers import admin_user, english, submit, type_translations

pytestmark = pytest.mark.django_db

TITLE = "Kurs i romdesign"
OLD_INTRO = "En kort ingress."
NEW_INTRO = "En helt ny ingress."
OLD_ABOUT = "A business cluster for Norwegian brand owners."  # tests.home.factories.footer
NEW_ABOUT = "Klyngen har fått ny strategi."


def log_in(client, language="en"):
    """Log `client` in as an administrator (who may publish) whose admin speaks `language`."""
    client.force_login(admin_user(AdminFactory, language))
    return client


def translated_page(site):
    """A Norwegian standard page and its live English translation, every segment
    translated: (Norwegian page, English page)."""
    with as_committed():
        page = publish(StandardPageFactory(parent=site.nb, title=TITLE, slug="kurs"))
        translated = translate(page, {TITLE: "Course", OLD_INTRO: "Short introduction."})
    translated.refresh_from_db()
    return page, translated


def change_intro(page):
    page.intro = NEW_INTRO
    with as_committed():
        publish(page)


def sync_url(instance):
    source = TranslationSource.objects.get(object_id=instance.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


def sync(client, instance, **fields):
    """Press "Sync translated pages" with `fields` (e.g. publish_translations="on") as
    `client`; returns the page it lands on, with its messages."""
    with as_committed():
        return client.post(sync_url(instance), fields, follow=True)


def public_text(url):
    response = Client().get(url)
    assert response.status_code == 200
    return response.text


def new_translation(client, site):
    """A Norwegian page submitted for English (a draft) with only its title translated,
    its introduction and slug not: (Translation, English page)."""
    with as_committed():
        page = publish(StandardPageFactory(parent=site.nb, title=TITLE, slug="kurs"))
    translation = submit(client, page, english())
    type_translations(translation, {TITLE: "Course"})
    return translation, translation.get_target_instance()


def edit_url(instance):
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(type(instance).snippet_viewset.get_url_name("edit"), args=[instance.pk])


def publish_in_editor(client, instance, **fields):
    """Press Publish in the translation editor of `instance` (the browser posts the
    editor's form: action=publish)."""
    with as_committed():
        return client.post(edit_url(instance), {"action": "publish", **fields})


def refused(response):
    """Whether `response` is the Wagtail admin's refusal: back to the dashboard, which
    says "Sorry, you do not have permission to access this area"."""
    return (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def confirmation_form(html):
    """(action, {name: value}) of the confirmation page's "Publish anyway" form."""
    form = BeautifulSoup(html, "html.parser").find("form", attrs={"method": "post"})
    return form["action"], {field["name"]: field["value"] for field in form.find_all("input")}


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "nb",
            "Beholdt som utkast, ikke publisert: English (1 segment uten oversettelse).",
        ),
        ("en", "Kept as a draft, not published: English (1 untranslated segment)."),
    ],
)
def test_a_sync_keeps_a_translation_with_untranslated_segments_as_a_draft(
    client, shared_bilingual, language, message
):
    page, translated = translated_page(shared_bilingual)
    change_intro(page)

    response = sync(log_in(client, language), page, publish_translations="on")

    live = public_text(translated.url)
    assert "Short introduction." in live
    assert NEW_INTRO not in live
    assert message in response.text
    translated.refresh_from_db()
    assert translated.live
    assert translated.has_unpublished_changes
    assert translated.get_latest_revision_as_object().intro == NEW_INTRO
    # The translator finds the new segment in the editor, which the message links to.
    assert f'href="{edit_url(translated)}"' in response.text
    assert NEW_INTRO in client.get(edit_url(translated)).text
    # The status view shows the lead there is something to publish.
    assert translation_status.page_row(translated).status == DRAFT
    # Published as it is later (say by the bulk action), the draft keeps the address.
    address = translated.url
    with as_committed():
        translated.get_latest_revision().publish()
    assert Page.objects.get(pk=translated.pk).url == address
    assert NEW_INTRO in public_text(address)


def test_a_sync_publishes_a_translation_machine_translation_completes(client, shared_bilingual):
    page, translated = translated_page(shared_bilingual)
    change_intro(page)

    response = sync(log_in(client), page, publish_translations="on", use_machine_translation="on")

    assert "Kept as a draft" not in response.text
    machine = StringTranslation.objects.get(translation_of__data=NEW_INTRO, locale=english())
    live = public_text(translated.url)
    assert machine.data in live
    assert "Short introduction." not in live


@pytest.mark.parametrize(
    ("language", "message"),
    [("nb", "Beholdt som utkast: English"), ("en", "Kept as a draft: English")],
)
def test_an_editor_who_may_not_publish_keeps_even_a_complete_sync_as_a_draft(
    client, shared_bilingual, language, message
):
    """The approval workflow (site_core.editorial) holds for syncs too: an editor's
    "Publish immediately" does not publish."""
    page, translated = translated_page(shared_bilingual)
    change_intro(page)
    client.force_login(admin_user(EditorFactory, language))

    response = sync(client, page, publish_translations="on", use_machine_translation="on")

    assert message in response.text
    live = public_text(translated.url)
    assert "Short introduction." in live
    machine = StringTranslation.objects.get(translation_of__data=NEW_INTRO, locale=english())
    assert machine.data not in live
    draft = Page.objects.get(pk=translated.pk).get_latest_revision_as_object()
    assert draft.intro == machine.data  # kept for the lead to publish


def test_a_sync_keeps_a_footer_with_untranslated_segments_as_a_draft(client, shared_bilingual):
    """The footer has draft state (site_core.snippet_drafts): like a page, its live
    version keeps its text and the new one waits in a draft revision."""
    with as_committed():
        footers = footer({})
    footers.nb.about = NEW_ABOUT
    footers.nb.save()

    response = sync(log_in(client), footers.nb, publish_translations="on")

    live = public_text(shared_bilingual.en.url)
    assert OLD_ABOUT in live
    assert NEW_ABOUT not in live
    english = Footer.objects.get(pk=footers.en.pk)
    assert (english.about, english.live, english.has_unpublished_changes) == (
        OLD_ABOUT,
        True,
        True,
    )
    assert english.get_latest_revision_as_object().about == NEW_ABOUT
    assert "Kept as a draft, not published: English (1 untranslated segment)." in response.text


def test_the_sync_address_answers_with_our_view_and_its_permission_check(client, shared_bilingual):
    page, translated = translated_page(shared_bilingual)
    url = sync_url(page)
    assert resolve(url).func.view_class is SyncTranslationsView

    change_intro(page)
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)  # may use the admin, not translate
    with as_committed():
        response = client.post(url, {"publish_translations": "on"})
    assert refused(response)
    assert NEW_INTRO not in public_text(translated.url)


@pytest.mark.parametrize(
    ("language", "help_text"),
    [
        ("nb", "De andre blir ikke publisert: de beholdes som utkast"),
        ("en", "The others are not published: they are kept as drafts"),
    ],
)
def test_the_sync_form_says_what_publish_immediately_does(
    client, shared_bilingual, language, help_text
):
    page, _translated = translated_page(shared_bilingual)
    assert help_text in log_in(client, language).get(sync_url(page)).text


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "nb",
            [
                "Publisere med segmenter uten oversettelse?",
                "1 segment er ikke oversatt til English. Publisert nå går det ut med kildeteksten:",
                "<td>Ingress</td>",
                f"<td>{OLD_INTRO}</td>",
                "Publiser likevel",
                "Tilbake til oversettelsesverktøyet",
            ],
        ),
        (
            "en",
            [
                "Publish with untranslated segments?",
                "1 segment has not been translated into English. Published now, it goes "
                "live with the source text:",
                "<td>Introduction</td>",
                f"<td>{OLD_INTRO}</td>",
                "Publish anyway",
                "Back to the translation editor",
            ],
        ),
    ],
)
def test_publishing_with_untranslated_segments_asks_first_and_names_them(
    client, shared_bilingual, language, texts
):
    _translation, translated = new_translation(log_in(client, language), shared_bilingual)

    response = publish_in_editor(client, translated)

    assert response.status_code == 200
    html = " ".join(response.text.split())
    for text in texts:
        assert text in html
    assert "<td>kurs</td>" not in html  # the slug follows the translated title
    assert f'href="{edit_url(translated)}"' in html
    action, fields = confirmation_form(response.text)
    assert action == edit_url(translated)
    assert {"action": "publish", CONFIRM_FIELD: "1"}.items() <= fields.items()
    assert fields["csrfmiddlewaretoken"]
    translated.refresh_from_db()
    assert not translated.live


def test_publish_anyway_publishes_the_page_as_a_browser_posts_it(shared_bilingual):
    browser = log_in(Client(enforce_csrf_checks=True))
    _translation, translated = new_translation(log_in(Client()), shared_bilingual)
    editor = browser.get(edit_url(translated))
    token = BeautifulSoup(editor.text, "html.parser").find(
        "input", attrs={"name": "csrfmiddlewaretoken"}
    )["value"]
    confirmation = publish_in_editor(
        browser, translated, csrfmiddlewaretoken=token, next=edit_url(translated)
    )
    action, fields = confirmation_form(confirmation.text)

    with as_committed():
        response = browser.post(action, fields)

    assert (response.status_code, response["Location"]) == (302, edit_url(translated))
    translated.refresh_from_db()
    assert translated.live
    live = public_text(translated.url)
    assert "Course" in live
    assert OLD_INTRO in live


def test_a_translation_with_every_segment_translated_is_published_at_once(client, shared_bilingual):
    """The slug is not asked for: it follows the translated title (site_core.slugs)."""
    translation, translated = new_translation(log_in(client), shared_bilingual)
    type_translations(translation, {OLD_INTRO: "Short introduction."})

    response = publish_in_editor(client, translated)

    assert response.status_code == 302
    translated.refresh_from_db()
    assert translated.live
    assert translated.url == "/en/course/"
    assert "Short introduction." in public_text(translated.url)
    # Said so, without wagtail-localize's warning of missing translations (the slug's).
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "Published &#x27;Course&#x27; in English." in said
    assert "missing translations" not in said


def test_publishing_a_footer_with_untranslated_segments_asks_first(client, shared_bilingual):
    with as_committed():
        footers = footer({})
    footers.nb.about = NEW_ABOUT
    footers.nb.save()
    sync(log_in(client), footers.nb)  # brings the new text to the translator, publishes nothing

    response = publish_in_editor(client, footers.en)

    assert response.status_code == 200
    html = " ".join(response.text.split())
    assert f"<td>About text</td> <td>{NEW_ABOUT}</td>" in html
    assert Footer.objects.get(pk=footers.en.pk).about == OLD_ABOUT

    response = publish_in_editor(client, footers.en, **{CONFIRM_FIELD: "1"})

    assert response.status_code == 302
    assert Footer.objects.get(pk=footers.en.pk).about == NEW_ABOUT


def test_a_chosen_tag_not_yet_in_english_is_named_as_untranslated(client, shared_bilingual):
    with as_committed():
        index = publish(NewsIndexPageFactory(parent=shared_bilingual.nb))
        translate(index, {"Nyheter": "News"})
        tag = NewsTagFactory(name="Bærekraft")
        news = publish(NewsPageFactory(parent=index, tag_links=[NewsPageTag(tag=tag)]))
        translated = translate(news, {})  # every string, not the tag

    response = publish_in_editor(log_in(client), translated)

    html = " ".join(response.text.split())
    assert "1 segment has not been translated into English." in html
    assert "<td>Tag</td> <td>Bærekraft</td>" in html


def test_one_who_may_not_publish_is_refused_not_asked(client, shared_bilingual):
    _translation, translated = new_translation(log_in(Client()), shared_bilingual)
    writers = Group.objects.create(name="Writers")
    writers.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=writers,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="change_page"),
    )
    writer = UserFactory()
    writer.groups.add(writers)
    client.force_login(writer)

    response = publish_in_editor(client, translated)

    assert refused(response)  # by wagtail-localize, as before
    translated.refresh_from_db()
    assert not translated.live


def test_a_translation_awaiting_approval_is_not_restarted(client, shared_bilingual):
    """Stopped, edited on its own and submitted, a translation that restarted would have
    the lead approve the submitted revision as a translation, its untranslated segments
    unasked: while the workflow runs, "Start synced translation" is refused."""
    page, translated = translated_page(shared_bilingual)
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=translated.locale
    )
    translation.enabled = False
    translation.save()
    editor = admin_user(EditorFactory, "en")
    client.force_login(editor)
    with as_committed():
        submitted = client.post(edit_url(translated), edited_page_form(translated, "action-submit"))
    assert submitted.status_code == 302
    assert Page.objects.get(pk=translated.pk).workflow_in_progress

    response = client.post(edit_url(translated), {"localize-restart-translation": "1"}, follow=True)

    translation.refresh_from_db()
    assert not translation.enabled
    assert "This translation is waiting for approval." in response.text


def edited_page_form(page, action):
    """Wagtail's edit form of a standard page as it is, with the footer button `action`."""
    data = nested_form_data(
        {"title": page.title, "slug": page.slug, "intro": page.intro, "body": streamfield([])}
    )
    return {**data, action: action.removeprefix("action-")}
