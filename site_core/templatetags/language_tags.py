"""Marking text whose language differs from the page's (site_core.content_language)."""

from django import template
from django.utils import translation
from django.utils.html import format_html

from site_core.content_language import content_language

register = template.Library()


@register.simple_tag
def lang_attr(source):
    """' lang="nb"' (with its leading space, for inside a tag) when the text of `source`
    (an object, or a language code) is in another language than the active one, else "".

    ``<a href="…"{% lang_attr document %}>{{ document.title }}</a>``
    """
    language = content_language(source)
    if language == translation.get_language():
        return ""
    return format_html(' lang="{}"', language)
