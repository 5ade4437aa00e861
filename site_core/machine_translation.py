"""An offline machine translator for development, tests and the demo.

It gives translators a first draft without any network call: known Norwegian
words and phrases are replaced with English ones from a small glossary, the
rest is kept as written, and HTML markup is left untouched. Production uses
DeepL instead when DEEPL_AUTH_KEY is set (see settings.base).
"""

import re

from bs4 import BeautifulSoup, NavigableString
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import deepl
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

# Longest phrases first, so "strategiske mål" wins over "mål".
GLOSSARY_NB_EN = {
    "bli medlem": "become a member",
    "strategiske mål": "strategic goals",
    "norske innovasjonsklynger": "Norwegian Innovation Clusters",
    "nyheter": "news",
    "nyhet": "news item",
    "arrangementer": "events",
    "arrangement": "event",
    "medlemmer": "members",
    "medlem": "member",
    "klyngen": "the cluster",
    "klynger": "clusters",
    "klynge": "cluster",
    "prosjekter": "projects",
    "prosjekt": "project",
    "dokumenter": "documents",
    "velkommen": "welcome",
    "om oss": "about us",
    "kontakt": "contact",
    "og": "and",
    "i": "in",
    "til": "to",
    "for": "for",
    "med": "with",
    "er": "is",
    "en": "a",
    "et": "a",
    "vi": "we",
    "oppdatert": "updated",
    "ny": "new",
    "nye": "new",
}
_PATTERN = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in sorted(GLOSSARY_NB_EN, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)


def translate_text(text):
    """Replace glossary words in plain text, keeping an initial capital."""

    def replace(match):
        found = match.group(0)
        english = GLOSSARY_NB_EN[found.lower()]
        return english[0].upper() + english[1:] if found[0].isupper() else english

    return _PATTERN.sub(replace, text)


def translate_html(html):
    soup = BeautifulSoup(html, "html.parser")
    for node in list(soup.find_all(string=True)):
        if isinstance(node, NavigableString):
            node.replace_with(translate_text(str(node)))
    return str(soup)


class OfflineTranslator(BaseMachineTranslator):
    """Glossary-based Norwegian → English draft translation, no network: a development
    tool (production offers DeepL only, settings/production.py), named so in the admin."""

    display_name = _("Offline glossary translator (development only, mixed-language draft)")

    def translate(self, source_locale, target_locale, strings):
        return {string: StringValue(translate_html(string.data)) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return (
            source_locale.language_code.split("-")[0] == "nb"
            and target_locale.language_code.split("-")[0] == "en"
        )


class DeepLTranslator(deepl.DeepLTranslator):
    """DeepL, asking for British English (DeepL rejects a bare "EN" as a target)."""

    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        if parameters["target_lang"] == "EN":
            parameters["target_lang"] = "EN-GB"
        return parameters
