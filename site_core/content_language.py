"""The language of text the site shows from its models, for ``lang`` attributes.

WCAG 2.1 success criterion 3.1.2 (Language of Parts): text in another language than the
page's must say so, or screen readers read a Norwegian document title on an English page
with English pronunciation.
"""

from django.conf import settings


def content_language(source):
    """The language code of the text of `source`.

    - A language code (a str, such as the footer's cached ``language``) is its own.
    - An object with a `locale` (pages, translatable snippets) is in its locale's language.
      Which object is shown is decided elsewhere: the active language's translation where
      one exists, else the source, and that object's locale says which it was.
    - Anything else is in the site's default language, ``settings.LANGUAGE_CODE`` (nb).
      Documents and collections have no locale and are never translated (Wagtail gives
      them none, and this site adds none): editors name them once, in the source language
      the whole site is written in first, so their titles and names are Norwegian
      on the English pages too.
    """
    if isinstance(source, str):
        return source
    locale = getattr(source, "locale", None)
    return locale.language_code if locale is not None else settings.LANGUAGE_CODE
