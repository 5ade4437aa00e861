"""Small helpers shared by the site_core tests."""

import json
import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth.models import Group
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page, PageViewRestriction
from wagtail.signal_handlers import disable_reference_index_auto_update
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, as_committed, publish, translate


def add_nb_page(title, slug, intro="", parent=None):
    """A live Norwegian page under the Norwegian home page (HomePage type renders anywhere)."""
    parent = parent or HomePage.objects.get(locale__language_code="nb", depth=2)
    page = parent.add_child(
        instance=HomePage(title=title, slug=slug, hero_heading=title, hero_intro=intro)
    )
    page.save_revision().publish()
    return page


def restrict_to(page, group_name="Members"):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return restriction


def english():
    return Locale.objects.get(language_code="en")


def admin_user(factory, language):
    """A user made by `factory` (an EditorFactory, say) whose admin speaks `language`
    (their Wagtail profile's preference)."""
    user = factory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def submit(client, instance, locale):
    """Translate `instance` as an editor does (wagtail-localize's submit view): a draft
    page, or a snippet with the source text, in `locale`; returns the Translation."""
    if isinstance(instance, Page):
        url = reverse("wagtail_localize:submit_page_translation", args=[instance.pk])
    else:
        meta = instance._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=[meta.app_label, meta.model_name, quote(instance.pk)],
        )
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    return Translation.objects.get(source__object_id=instance.translation_key, target_locale=locale)


def machine_translate_draft(client, instance, locale):
    """Submit `instance` and press "Machine translate" (the offline glossary translator) as
    `client`; returns the Translation, its target a draft."""
    translation = submit(client, instance, locale)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), {"next": "/admin/"}
    )
    assert response.status_code == 302
    return translation


def machine_translate(client, instance, locale):
    """`machine_translate_draft`, then publish."""
    translation = machine_translate_draft(client, instance, locale)
    translation.save_target(publish=True)
    return translation


def translation_editor(client, translation):
    """wagtail-localize's editor of `translation`'s target page as `client` sees it:
    (the page as BeautifulSoup, {the note under each translated segment})."""
    url = reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    props = json.loads(soup.select_one(".js-translation-editor")["data-props"])
    return soup, {entry["comment"] for entry in props["initialStringTranslations"]}


def add_plain_pages(parent, count):
    """`count` more pages under `parent` (a Norwegian page with an English translation),
    made the cheap way for query-count tests: live Norwegian pages without revisions, a
    third of them with an English draft and a third with a live English page of the same
    `translation_key` (statuses missing, draft and up to date). Search and reference
    indexing, which a query count does not read and which cost most of a page's creation,
    are off meanwhile. Five hundred take seconds where `add_pages` takes minutes."""
    english_parent = parent.get_translation(english())
    now = timezone.now()
    backends = {
        name: {**backend, "AUTO_UPDATE": False}
        for name, backend in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    with (
        override_settings(WAGTAILSEARCH_BACKENDS=backends),
        disable_reference_index_auto_update(),
        as_committed(),
    ):
        for number in range(count):
            page = parent.add_child(
                instance=StandardPage(
                    title=f"Masseside {number}",
                    slug=f"masseside-{number}",
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
            if number % 3:
                english_parent.add_child(
                    instance=StandardPage(
                        title=f"Bulk page {number}",
                        slug=f"bulk-page-{number}",
                        locale=english_parent.locale,
                        translation_key=page.translation_key,
                        live=number % 3 == 2,
                    )
                )


def add_pages(parent, count):
    """`count` pages cycling through missing, up to date, outdated and machine-translated."""
    with as_committed():
        for number in range(count):
            page = publish(StandardPageFactory(parent=parent))
            if number % 4 == 0:
                continue
            translate(page, {})
            if number % 4 == 2:
                page.intro = "Endret ingress."
                publish(page)
            elif number % 4 == 3:
                StringTranslation.objects.filter(context__object_id=page.translation_key).update(
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE
                )


def type_translations(translation, strings):
    """What typing each of `strings` ({source text: translation}) in wagtail-localize's
    translation editor saves (the editor saves each segment as it is typed)."""
    for text, value in strings.items():
        segment = StringSegment.objects.get(source=translation.source, string__data=text)
        StringTranslation.objects.create(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
            data=value,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )


def make_messages_in_scratch(tmp_path, settings, monkeypatch):
    """Run makemessages as `make messages` does, on copies of the LOCALE_PATHS catalogues in
    `tmp_path`, so the shipped ones stay as they are; returns the copies' folders, in
    LOCALE_PATHS order. makemessages writes next to the sources it walks, so it runs in
    that scratch folder, which links to our apps. `settings` and `monkeypatch` are
    pytest-django's and pytest's fixtures (LOCALE_PATHS and the working folder are restored
    after the test)."""
    from django.core.management import call_command

    from site_core.management.commands.update_catalogues import IGNORE

    copies = [tmp_path / Path(directory).name for directory in settings.LOCALE_PATHS]
    for directory, copy in zip(settings.LOCALE_PATHS, copies, strict=True):
        shutil.copytree(directory, copy)
    for app in ["site_core", "home", "intranet"]:
        (tmp_path / app).symlink_to(settings.BASE_DIR / app)
    settings.LOCALE_PATHS = copies
    monkeypatch.chdir(tmp_path)
    call_command(
        "makemessages",
        locale=["nb", "en"],
        ignore_patterns=IGNORE,
        no_obsolete=True,
        symlinks=True,
        verbosity=0,
    )
    return copies
