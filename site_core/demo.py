"""Building blocks for the demo content: locales, groups, users and translations.

The per-area loaders (`home.demo`, `intranet.demo`) use these, and the
`seed_demo` command runs them in order. Every function is idempotent.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from site_core.editorial import COMMUNICATIONS_LEAD_GROUP, EDITORS_GROUP

# Where `make run` serves the demo (the port comes from $PORT, see seed_demo).
DEMO_HOST = "127.0.0.1"


@dataclass(frozen=True)
class DemoUser:
    username: str
    email: str
    password: str
    first_name: str
    last_name: str
    role: str
    groups: tuple = ()
    is_superuser: bool = False


DEMO_USERS = [
    DemoUser(
        "admin", "admin@example.no", "demo-admin-passord", "Ada", "Administrator",
        "administrator", is_superuser=True,
    ),
    DemoUser(
        "redaktor", "redaktor@example.no", "demo-redaktor-passord", "Erik", "Redaktør",
        "editor", groups=(EDITORS_GROUP,),
    ),
    DemoUser(
        "leder", "leder@example.no", "demo-leder-passord", "Kari", "Kommunikasjonsleder",
        "communications lead", groups=(EDITORS_GROUP, COMMUNICATIONS_LEAD_GROUP),
    ),
    DemoUser(
        "medlem", "medlem@example.no", "demo-medlem-passord", "Mona", "Medlem",
        "member", groups=("Members",),
    ),
    DemoUser(
        "sirkel", "sirkel@example.no", "demo-sirkel-passord", "Sigrid", "Sirkelsen",
        "member, project A", groups=("Members", "Project: Sirkulære materialer"),
    ),
    DemoUser(
        "eksport", "eksport@example.com", "demo-eksport-passord", "Oliver", "Exporter",
        "member, project B", groups=("Members", "Project: Eksport til Storbritannia"),
    ),
    DemoUser(
        "prosjektleder", "prosjektleder@example.no", "demo-prosjektleder-passord", "Per",
        "Prosjektleder", "project lead, project A",
        groups=("Members", "Project: Sirkulære materialer", "Project leads: Sirkulære materialer"),
    ),
]  # fmt: skip


def ensure_locales():
    """Both content languages as Wagtail locales, Norwegian first."""
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES
    }


def ensure_user(spec):
    """Create the demo user once; a second run leaves it (and its password) alone."""
    user, created = get_user_model().objects.get_or_create(
        username=spec.username,
        defaults={
            "email": spec.email,
            "first_name": spec.first_name,
            "last_name": spec.last_name,
            "is_superuser": spec.is_superuser,
            "is_staff": spec.is_superuser,
        },
    )
    if created:
        user.set_password(spec.password)
        user.save()
    for name in spec.groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


def ensure_users(specs=DEMO_USERS):
    ensure_editor_permissions()
    return {spec.username: ensure_user(spec) for spec in specs}


def ensure_editor_permissions():
    """Communications staff (group Editors) manage every snippet and translate pages, besides
    the page, image and document permissions Wagtail gives the group when it is created.

    They publish neither pages nor snippets: they submit them to the Communications lead
    approval workflow (site_core.editorial), and the lead publishes (its publish
    permissions come from the migrations, site_core 0008 and home 0006). Nor do they delete
    a snippet with draft state, which takes it off the site (home 0007: the lead's)."""
    editors = Group.objects.get_or_create(name=EDITORS_GROUP)[0]
    snippets = get_snippet_models()
    content_types = ContentType.objects.get_for_models(*snippets).values()
    published = ContentType.objects.get_for_models(
        *(model for model in snippets if issubclass(model, DraftStateMixin))
    ).values()
    editors.permissions.add(
        *Permission.objects.filter(content_type__in=content_types)
        .exclude(codename__startswith="publish_")
        .exclude(codename__startswith="delete_", content_type__in=published)
    )
    # Translating and syncing pages through wagtail-localize is their job too.
    editors.permissions.add(
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        )
    )


def ensure_child_page(parent, model, **fields):
    """The live child page of `parent` with this slug, created and published on the first run."""
    page = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if page is None:
        page = parent.add_child(instance=model(**fields))
        page.save_revision().publish()
    return page


class MissingDemoTranslation(Exception):
    """A demo source string has no English text in the loader's dictionary."""


def publish_translation(instance, language_code, strings):
    """Translate `instance` through wagtail-localize and publish the result.

    `strings` maps each source segment's text to its translation. Going
    through TranslationSource/Translation (rather than copying the page) keeps
    the English page linked to its Norwegian source, so editors can later
    sync and re-translate it in the admin like any other translation.
    Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translations().filter(locale=locale).first()
    if existing is not None:
        return existing
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = [seg.string.data for seg in segments if seg.string.data not in strings]
    if missing:
        raise MissingDemoTranslation(f"No {language_code} text for: {missing}")
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": strings[segment.string.data]},
        )
    translation.save_target(publish=True)
    translated = instance.get_translation(locale)
    if isinstance(translated, Page):
        # wagtail-localize publishes on commit, saving the page object as it is now; when the
        # loader adds children before the commit, that save resets numchild to 0 and hides them.
        transaction.on_commit(lambda: recount_children(translated))
    return translated


def recount_children(page):
    """Set a page's numchild from the tree, after a stale save."""
    children = Page.objects.filter(path__startswith=page.path, depth=page.depth + 1).count()
    Page.objects.filter(pk=page.pk).update(numchild=children)
