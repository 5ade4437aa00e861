"""Norwegian for the admin strings of other packages whose own bokmål catalogues lack them.

wagtail-localize 1.14 ships a handful of bokmål strings and Wagtail 8.0 none for much of its
workflow, so a Norwegian editor met English on *Translate*, *Sync translated pages*, the
translation editor and the lead's *Request changes*. Their Norwegian is kept in
`locale_upstream/nb/LC_MESSAGES/`: `django.po`, and `djangojs.po` for wagtail-localize's
translation editor (a React app that reads the JavaScript catalogue), the second entry of
LOCALE_PATHS. PO files rather than strings in our code for makemessages to find, because:

- the msgids are the packages' own: a PO file holds them as they are, plurals and the
  JavaScript domain included, where extraction would need each copied into a Python or
  JavaScript call of ours;
- makemessages (`make messages`) writes only into the first LOCALE_PATHS entry, `locale/`,
  so it never rewrites them; `make catalogues` compiles every entry.

Django lays the LOCALE_PATHS catalogues over the apps' own, in the django domain and in
each JavaScript catalogue (Wagtail's /admin/jsi18n/ and wagtail-localize's
/admin/localize/jsi18n/, both served in the user's admin language), the first entry over
the second: where our own code uses the same English text, its translation in
`locale/nb` is the one shown, so it counts as shipped and is not added here.

`missing()` is what still needs a translator; `manage.py update_upstream_catalogues` (run by
`make messages`) adds it to the PO files; tests/site_core/test_admin_bokmal.py fails while
anything is missing, e.g. after an upgrade that adds strings.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import polib
from django.conf import settings

LANGUAGE = "nb"
DIRECTORY = Path(settings.BASE_DIR) / "locale_upstream"
TITLE = (
    "Norwegian (bokmål) for Wagtail's and wagtail-localize's strings that their own catalogues\n"
    "lack: see site_core/upstream_catalogues.py. `make messages` adds new ones here."
)
HEADER = {
    "Language": LANGUAGE,
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": "nplurals=2; plural=(n != 1);",
}

# Wagtail's workflow texts: those of its workflow modules and templates and of the history
# views that list workflow steps ("workflow" or "history" in the source path), and those
# elsewhere that speak of workflows, moderation, tasks, approval or rejection (the log
# entries of each step, the edit lock on a page in moderation, the status line, ...).
WORKFLOW_PATH = re.compile(r"workflow|history")
WORKFLOW_WORDS = re.compile(r"workflow|moderat|task|approv|reject|changes requested", re.I)
# Left in English: Wagtail also translates it once, at import (ChooserViewSet's class
# attribute, an eager gettext), so a translation would be every user's whichever language
# was active then. ("Comment", translated the same way, is made lazy by
# site_core.task_comment_form.)
TRANSLATED_AT_IMPORT = {"Create"}


# Wagtail's texts of the other screens an editor and the lead use here, by source path: the
# explorer's bulk actions (their confirm pages and messages), the page confirm pages (move,
# delete, unpublish, convert an alias) and the views behind them and behind page create and
# edit, the usage count and listing of a delete confirmation, the generic model views
# the snippets use (create, edit, publish, revisions, delete, lock) with their lock texts,
# and the page editor itself: the page model's fields and messages (the promote tab's
# "title tag" and "meta description") and its side panels (status, comments, preview,
# content checks).
FLOW_PATH = re.compile(
    r"bulk_actions/"
    r"|^models/pages\.py|shared/side_panels"
    r"|templates/wagtailadmin/pages/confirm_"
    r"|views/pages/(create|edit|move|copy|delete|unpublish)\.py"
    r"|shared/usage_summary\.html|views/generic/usage\.py|models/reference_index\.py"
    r"|shared/dialog/confirm_site_name\.html"
    r"|views/generic/(mixins|models|lock)\.py|^locks\.py|status/locked\.html"
    r"|pages/listing/_locked_indicator\.html|views/snippets\.py|action_menu/"
)


def is_workflow_text(entry):
    """Whether a POEntry of Wagtail's English catalogue is one of its workflow texts."""
    if entry.msgid in TRANSLATED_AT_IMPORT:
        return False
    return bool(
        WORKFLOW_WORDS.search(entry.msgid)
        or any(WORKFLOW_PATH.search(path) for path, _line in entry.occurrences)
    )


def is_editorial_text(entry):
    """Whether a POEntry of Wagtail's English catalogue (a path relative to its package, as
    the catalogue lists it) is shown on the screens of this project's editorial flows: a
    workflow text, or one of FLOW_PATH's screens."""
    if entry.msgid in TRANSLATED_AT_IMPORT:
        return False
    return is_workflow_text(entry) or any(
        FLOW_PATH.search(path) for path, _line in entry.occurrences
    )


@dataclass(frozen=True)
class Source:
    """One upstream catalogue: the strings of the app `package` (an importable name) in
    `domain`, as its English catalogue lists them. With `selects` (a predicate on a POEntry)
    only the strings it picks that the package's own Norwegian catalogue leaves
    untranslated are wanted; without it every string is, whatever that catalogue says."""

    package: str
    domain: str
    selects: Callable[[polib.POEntry], bool] | None = None

    def path(self, language):
        """The package's catalogue for `language` (it may not exist)."""
        package_dir = Path(import_module(self.package).__file__).parent
        return package_dir / "locale" / language / "LC_MESSAGES" / f"{self.domain}.po"

    def wanted(self):
        """The wanted POEntries of this catalogue (msgstr empty), their references prefixed
        with the package's folder."""
        english = polib.pofile(str(self.path("en")))
        if self.selects:
            own = self.path(LANGUAGE)
            translated = keys(polib.pofile(str(own))) if own.exists() else set()
            chosen = [e for e in english if self.selects(e) and key(e) not in translated]
        else:
            chosen = list(english)
        prefix = self.package.replace(".", "/")
        return [
            polib.POEntry(
                msgctxt=entry.msgctxt,
                msgid=entry.msgid,
                msgid_plural=entry.msgid_plural,
                msgstr="",
                msgstr_plural={0: "", 1: ""} if entry.msgid_plural else {},
                flags=[flag for flag in entry.flags if flag != "fuzzy"],
                occurrences=[(f"{prefix}/{path}", line) for path, line in entry.occurrences],
            )
            for entry in chosen
            if not entry.obsolete
        ]


def is_password_rule(entry):
    """Whether a POEntry of django.contrib.auth's English catalogue is a password
    validator's message: Django 5.2 renamed one ("at least %d characters") and its bokmål
    catalogue still has the old one, so a member changing a password met English."""
    return any(path.endswith("password_validation.py") for path, _line in entry.occurrences)


SOURCES = (
    Source("wagtail_localize", "django"),
    Source("wagtail_localize", "djangojs"),
    Source("wagtail_localize.locales", "django"),
    Source("wagtail", "django", is_editorial_text),
    Source("wagtail.admin", "django", is_editorial_text),
    Source("wagtail.snippets", "django", is_editorial_text),
    Source("django.contrib.auth", "django", is_password_rule),
)
DOMAINS = ("django", "djangojs")


def key(entry):
    """A POEntry's identity in a catalogue: (msgctxt, msgid)."""
    return (entry.msgctxt, entry.msgid)


def is_translated(entry):
    """Whether a POEntry would be compiled: translated, not fuzzy, not obsolete."""
    return entry.translated() and not entry.obsolete


def keys(po):
    """The (msgctxt, msgid) of the translated entries of a POFile."""
    return {key(entry) for entry in po if is_translated(entry)}


def required(domain):
    """{(msgctxt, msgid): POEntry} of every upstream string of `domain` that needs our
    Norwegian, in the order of SOURCES (a string wanted by two sources appears once)."""
    entries = {}
    for source in SOURCES:
        if source.domain == domain:
            for entry in source.wanted():
                entries.setdefault(key(entry), entry)
    return entries


def catalogue_path(domain, directory=None):
    """Our `domain`.po for Norwegian in `directory` (default: locale_upstream)."""
    return Path(directory or DIRECTORY) / LANGUAGE / "LC_MESSAGES" / f"{domain}.po"


def load(domain, directory=None):
    """Our Norwegian POFile of `domain` in `directory` (default: locale_upstream); an empty
    one with our header when there is none yet."""
    path = catalogue_path(domain, directory)
    if path.exists():
        return polib.pofile(str(path), wrapwidth=100)
    po = polib.POFile(wrapwidth=100)
    po.header = TITLE
    po.metadata = dict(HEADER)
    return po


def shipped(domain):
    """The (msgctxt, msgid) that our catalogues (every LOCALE_PATHS entry) translate into
    Norwegian in `domain`."""
    translated = set()
    for directory in settings.LOCALE_PATHS:
        if catalogue_path(domain, directory).exists():
            translated |= keys(load(domain, directory))
    return translated


def missing(domain):
    """The required POEntries of `domain` that none of our catalogues translates."""
    have = shipped(domain)
    return [entry for entry_key, entry in required(domain).items() if entry_key not in have]
