"""Varnish (deploy/varnish/default.vcl) in front of two production app servers.

A second anonymous request is served from the cache; an editor's publish or privacy
change reaches visitors through the cache within a second (site_core.cache_purge sends
the purges); nothing restricted or personal is ever served from it to someone else.

Needs `varnishd` (Debian package varnish; .ci/run installs it): skipped with the reason
without it, failed under CI=true or REQUIRE_BROWSER=1.
"""

import datetime
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests
from django.utils import timezone
from wagtail.models import Page, Site
from wagtail_localize.models import StringSegment, StringTranslation

from home.models import NewsPage
from tests.deploy.conftest import (
    BASE_DIR,
    DEMO_PASSWORDS,
    START_TIMEOUT,
    Visitor,
    app_servers,
    free_port,
    log_in_admin,
    log_in_member,
    orm,
    server_env,
    skip_or_fail,
)

pytestmark = [pytest.mark.deploy, pytest.mark.usefixtures("clean_slate")]

VCL = os.path.join(os.path.dirname(__file__), "..", "..", "deploy", "varnish", "default.vcl")
PURGE_DEADLINE = 1.0  # seconds from the editor's answer to the visitor seeing the change
# Scheduled publishing runs at the first of the worker's 10-second ticks after the go-live
# time (settings.SCHEDULE, "also_due"); then the purge job and Varnish.
SCHEDULE_DEADLINE = 25
INTRANET = "/nb/intranett/"
MEMBER = ("medlem@example.no", DEMO_PASSWORDS["medlem"])


@pytest.fixture(scope="module")
def varnishd_available():
    if shutil.which("varnishd") is None:
        skip_or_fail("varnishd not found (apt-get install varnish)")


class Varnish:
    """varnishd in the foreground on 127.0.0.1:`port`, in front of `servers`, stopped by
    `stop()`. Looks like an AppServer to a Visitor (`url`, `origin`)."""

    def __init__(self, port, servers, workdir):
        self.port = port
        self.url = f"http://127.0.0.1:{self.port}"
        self.origin = f"https://127.0.0.1:{self.port}"
        # The shipped backends file, with these app servers' ports.
        shipped = (BASE_DIR / "deploy" / "varnish" / "backends.vcl").read_text()
        a, b = (server.port for server in servers)
        backends = shipped.replace('"8001"', f'"{a}"').replace('"8002"', f'"{b}"')
        (workdir / "backends.vcl").write_text(backends)
        self.log = open(workdir / "varnishd.log", "w")  # noqa: SIM115 - closed in stop()
        options = {
            "-j": "none",  # no jail: runs as the test's user
            "-a": f"127.0.0.1:{self.port}",
            "-T": "none",  # no management port
            "-n": str(workdir / "state"),
            "-f": os.path.abspath(VCL),
            "-p": f"vcl_path={workdir}",
            "-s": "malloc,64m",
        }
        self.process = subprocess.Popen(
            # -F: in the foreground, so that this process is varnishd and stops with a signal.
            ["varnishd", "-F", *[part for option in options.items() for part in option]],
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.wait_until_serving()

    def __str__(self):
        return f"varnishd on {self.url}"

    def wait_until_serving(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.flush()
                pytest.fail(f"{self} exited: {Path(self.log.name).read_text()}", pytrace=False)
            try:
                if requests.get(self.url + "/robots.txt", timeout=2).status_code == 200:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        pytest.fail(f"{self} did not serve within {START_TIMEOUT} s", pytrace=False)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=10)
        self.log.close()


@pytest.fixture(scope="module")
def cached_site(
    request,
    varnishd_available,
    static_manifest,
    committed_demo,
    tmp_path_factory,
    django_db_blocker,
):
    """Varnish in front of two production app servers that purge it: SimpleNamespace(
    varnish=Varnish, servers={"A": AppServer, "B": AppServer})."""
    from site_core.settings import test as test_settings

    workdir = tmp_path_factory.mktemp("varnish")
    port = free_port()
    with orm(django_db_blocker):
        # Visitors and purges name the site by Varnish's address.
        Site.objects.update(hostname="127.0.0.1", port=port)
    env = server_env(
        committed_demo,
        MEDIA_ROOT=test_settings.MEDIA_ROOT,
        PRIVATE_MEDIA_ROOT=test_settings.PRIVATE_MEDIA_ROOT,
        FRONTEND_CACHE_URL=f"http://127.0.0.1:{port}",
    )
    with app_servers(request, ["A", "B"], env, workdir) as servers:
        varnish = Varnish(port, servers.values(), workdir)
        # The Procfile's worker: purges, like every job, are sent from there.
        worker = Worker(env, workdir)
        try:
            yield SimpleNamespace(varnish=varnish, servers=servers, worker=worker)
        finally:
            worker.stop()
            varnish.stop()


class Worker:
    """The Procfile's `worker` process (jobs and the schedule) with the app servers' env,
    started and taking jobs once the constructor returns: a test that publishes and
    expects the purge within PURGE_DEADLINE must not count the worker's start-up (over a
    second on a loaded machine). Raises RuntimeError with the worker's log if it exits or
    has not started within READY_TIMEOUT seconds."""

    READY_TIMEOUT = 60
    # django-tasks' db_worker logs this just before its first look at the queue.
    READY_LINE = "Starting worker"

    def __init__(self, env, workdir):
        command = next(
            line.split(":", 1)[1].split()
            for line in (BASE_DIR / "Procfile").read_text().splitlines()
            if line.startswith("worker:")
        )
        command[0] = sys.executable  # "python", from this virtualenv
        self.log_path = workdir / "worker.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            command,
            cwd=BASE_DIR,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + self.READY_TIMEOUT
        while self.READY_LINE not in self.log_path.read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the worker did not start:\n{self.log_path.read_text()}")
            time.sleep(0.05)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
        self.log.close()


def cache_state(response):
    return response.headers.get("X-Cache")


def anonymous_get(varnish, path):
    return Visitor().get(varnish, path)


def until(deadline, check):
    """Call `check()` until it returns a true value or `deadline` (monotonic) passes;
    returns the last value."""
    while True:
        value = check()
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(0.05)


def test_second_anonymous_request_is_a_hit(cached_site):
    varnish = cached_site.varnish
    for path in ("/nb/", "/en/", "/nb/nyheter/rss/", "/sitemap.xml"):
        first = anonymous_get(varnish, path)
        assert first.status_code == 200, path
        assert "public" in first.headers["Cache-Control"], path
        second = anonymous_get(varnish, path)
        assert cache_state(second) == "HIT", path
        assert int(second.headers["Age"]) >= 0, path


def latest_news_in_both_languages():
    """The newest Norwegian demo news item (on the home page) and its English translation."""
    item = NewsPage.objects.live().filter(locale__language_code="nb").order_by("-date").first()
    return item, item.get_translations().get().specific


def save_draft(page, title):
    page.title = title
    return page.save_revision()


def retranslate_title(page, title):
    """What a translator's new title for `page` (an English translation kept in step by
    wagtail-localize) in its translation editor saves: the string, no revision. Publishing
    the page publishes its translations as they are then (site_core.translation_bulk_publish)."""
    segment = StringSegment.objects.get(
        source__object_id=page.translation_key, context__path="title"
    )
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=page.locale,
        context=segment.context,
        defaults={"data": title},
    )


def test_an_editors_publish_is_seen_through_the_cache_within_a_second(
    cached_site, django_db_blocker
):
    varnish, server = cached_site.varnish, cached_site.servers["A"]
    with orm(django_db_blocker):
        item, english = latest_news_in_both_languages()
        listing, english_listing = item.get_parent(), english.get_parent()
        paths = {
            "nb": [item.url, listing.url, "/nb/", listing.url + "rss/"],
            "en": [english.url, english_listing.url, "/en/", english_listing.url + "rss/"],
        }
        titles = {"nb": "Klyngen åpner nytt showroom", "en": "The cluster opens a new showroom"}
        save_draft(item, titles["nb"])
        retranslate_title(english, titles["en"])
        ids = [item.pk, english.pk]
    for language, language_paths in paths.items():
        for path in language_paths:
            anonymous_get(varnish, path)
            cached = anonymous_get(varnish, path)
            assert cache_state(cached) == "HIT", path
            assert titles[language] not in cached.text, path

    editor = Visitor()
    log_in_admin(editor, server)
    action = "/admin/bulk/wagtailcore/page/publish/?" + "&".join(f"id={pk}" for pk in ids)
    answer = editor.submit(server, action, {})
    assert answer.status_code == 302, answer.text[:500]

    deadline = time.monotonic() + PURGE_DEADLINE
    for language, language_paths in paths.items():
        for path in language_paths:
            seen = until(
                deadline,
                lambda path=path, title=titles[language]: (
                    title in anonymous_get(varnish, path).text
                ),
            )
            assert seen, f"{path} still shows the old version {PURGE_DEADLINE} s after publishing"


def test_restricting_a_cached_page_takes_it_off_the_cache_within_a_second(
    cached_site, django_db_blocker
):
    varnish, server = cached_site.varnish, cached_site.servers["B"]
    with orm(django_db_blocker):
        page = Page.objects.get(locale__language_code="nb", depth=3, slug="om-klyngen")
        path, page_id = page.url, page.pk
    anonymous_get(varnish, path)
    assert cache_state(anonymous_get(varnish, path)) == "HIT"

    editor = Visitor()
    log_in_admin(editor, server)
    privacy = f"/admin/pages/{page_id}/privacy/"
    # The privacy form is a modal that comes as JSON; the CSRF cookie's value is a valid token.
    token = next(value for name, value in editor.cookies.items() if name.endswith("csrftoken"))
    answer = editor.post(
        server,
        privacy,
        {"csrfmiddlewaretoken": token, "restriction_type": "login"},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert answer.status_code == 200, answer.text[:500]

    deadline = time.monotonic() + PURGE_DEADLINE
    answer = until(deadline, lambda: (r := anonymous_get(varnish, path)).status_code == 302 and r)
    assert answer, f"{path} still served from the cache after it was made private"
    assert "private" in answer.headers["Cache-Control"]


def test_logged_in_and_restricted_responses_are_never_shared(cached_site):
    varnish = cached_site.varnish
    member = Visitor()
    assert log_in_member(member, varnish, *MEMBER).status_code == 302

    for path in ("/nb/", INTRANET):
        personal = member.get(varnish, path)
        assert personal.status_code == 200, path
        assert cache_state(personal) == "MISS", path
        assert "private" in personal.headers["Cache-Control"], path
        again = member.get(varnish, path)
        assert cache_state(again) == "MISS", path

    home = anonymous_get(varnish, "/nb/")
    assert "logg-ut" not in home.text and "Logg ut" not in home.text
    for _ in range(2):
        stranger = anonymous_get(varnish, INTRANET)
        assert stranger.status_code == 302
        assert cache_state(stranger) == "MISS"


def test_a_scheduled_page_goes_live_and_through_the_cache_by_itself(cached_site, django_db_blocker):
    """Nobody touches anything after scheduling: the worker's scheduler publishes the
    revision when it is due, and the purge it causes makes it visible through Varnish."""
    varnish = cached_site.varnish
    title = "Planlagt: nytt showroom åpner"
    with orm(django_db_blocker):
        item, _english = latest_news_in_both_languages()
        path, listing = item.url, item.get_parent().url
        item.title = title
        item.go_live_at = timezone.now() + datetime.timedelta(seconds=2)
        item.save_revision().publish()  # in the future: scheduled, not published
    for url in (path, listing):
        anonymous_get(varnish, url)
        cached = anonymous_get(varnish, url)
        assert cache_state(cached) == "HIT" and title not in cached.text, url

    deadline = time.monotonic() + SCHEDULE_DEADLINE
    for url in (path, listing):
        seen = until(deadline, lambda url=url: title in anonymous_get(varnish, url).text)
        assert seen, f"{url}: the scheduled revision not seen within {SCHEDULE_DEADLINE} s"
