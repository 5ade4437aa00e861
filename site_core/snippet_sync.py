"""Synchronised fields of a translatable snippet follow their source when it is saved.

wagtail-localize copies a snippet's synchronised fields (an e-mail address, a phone number:
the same in every language) into its translations only when an editor finds "Sync
translated snippets" and then publishes each translation; until then the English footer
kept the old phone number. Here, saving the source (the instance that wagtail-localize
translates from) copies each changed synchronised field into every translation that still
had the source's previous value. A translation whose value a translator changed (an
English-only number) keeps it. Translated text is left to wagtail-localize's editor.

With draft state (site_core.snippet_drafts) the source's row holds its published version:
publishing (or any save of the row's fields) copies, saving a draft (a revision, the row's
fields untouched: a save with `update_fields` that names none of them) does not.
"""

from django.db.models.signals import post_save, pre_save
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.fields import SynchronizedField, get_translatable_fields

BEFORE = "_synchronised_values_before_save"


def synchronised_fields(model):
    """Names of `model`'s synchronised fields stored in its own table (no relations)."""
    names = []
    for field in get_translatable_fields(model):
        if not isinstance(field, SynchronizedField):
            continue
        model_field = model._meta.get_field(field.field_name)
        if model_field.concrete and not model_field.is_relation:
            names.append(field.field_name)
    return names


def is_translatable_snippet(model):
    # Checked at save time: snippets register after this app is ready.
    return issubclass(model, TranslatableMixin) and model in get_snippet_models()


def is_translation_source(instance):
    """Whether wagtail-localize translates other instances from this one."""
    from wagtail_localize.models import TranslationSource

    return TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    ).exists()


def remember_synchronised_values(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: keep the stored values of the synchronised fields of a source snippet
    that this save writes (all, or those among `update_fields`)."""
    if raw or instance.pk is None or not is_translatable_snippet(sender):
        return
    names = synchronised_fields(sender)
    if update_fields is not None:
        names = [name for name in names if name in update_fields]
    if names and is_translation_source(instance):
        setattr(instance, BEFORE, sender.objects.filter(pk=instance.pk).values(*names).first())


def copy_synchronised_values(sender, instance, raw=False, **kwargs):
    """post_save: copy each changed synchronised field into the translations that had the
    source's previous value (one UPDATE-and-save per translation, with its signals)."""
    before = instance.__dict__.pop(BEFORE, None)
    if raw or not before:
        return
    changed = {
        name: getattr(instance, name)
        for name, old in before.items()
        if getattr(instance, name) != old
    }
    if not changed:
        return
    translations = sender.objects.filter(translation_key=instance.translation_key).exclude(
        pk=instance.pk
    )
    for translation in translations:
        fields = [name for name in changed if getattr(translation, name) == before[name]]
        for name in fields:
            setattr(translation, name, changed[name])
        if fields:
            translation.save(update_fields=fields)


def connect():
    """Connect the handlers (from site_core's AppConfig.ready)."""
    pre_save.connect(remember_synchronised_values, dispatch_uid="snippet_sync.before")
    post_save.connect(copy_synchronised_values, dispatch_uid="snippet_sync.after")
