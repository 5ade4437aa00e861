"""The worker's scheduler: scheduled publishing every minute, the digest daily at 06:15 Oslo
time, each due run enqueued exactly once however many workers tick (site_core.scheduler)."""

import datetime
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from unittest import mock
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import OperationalError, connection
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from site_core.management.commands import run_worker
from site_core.queued_mail import deliver_email
from site_core.scheduler import configured_schedules, daily_at, every_minutes, tick
from site_core.settings import base
from site_core.tasks import publish_scheduled_pages
from tests.committed_demo import database_url
from tests.factories import DocumentFactory, StandardPageFactory, bilingual_site
from tests.intranet.factories import MemberFactory
from tests.jobs import jobs, run_jobs

BASE_DIR = Path(__file__).resolve().parents[2]
OSLO = ZoneInfo("Europe/Oslo")
SCHEDULES = [
    "delete-expired-personal-data",
    "member-digest",
    "prune-job-results",
    "publish-scheduled-pages",
]


def oslo(*args):
    return datetime.datetime(*args, tzinfo=OSLO)


def scheduled_a_minute_ahead(parent):
    """A page its editor scheduled to go live in a minute (not live yet)."""
    page = StandardPageFactory(
        parent=parent, live=False, go_live_at=timezone.now() + datetime.timedelta(minutes=1)
    )
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def a_minute_later():
    """The clock, as seen by Django and Wagtail, a minute and a bit from now."""
    later = timezone.now() + datetime.timedelta(minutes=1, seconds=5)
    return mock.patch("django.utils.timezone.now", return_value=later)


# --- When runs are due ---------------------------------------------------------------


def test_every_minute_is_due_on_the_minute():
    latest_due = every_minutes(1)
    assert latest_due(oslo(2026, 5, 4, 12, 34, 56, 789)) == oslo(2026, 5, 4, 12, 34)
    assert latest_due(oslo(2026, 5, 4, 12, 34)) == oslo(2026, 5, 4, 12, 34)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        # Winter (UTC+1) and summer (UTC+2): 06:15 on the clocks in Oslo either way.
        (oslo(2026, 1, 15, 6, 15), oslo(2026, 1, 15, 6, 15)),
        (oslo(2026, 7, 1, 14, 0), oslo(2026, 7, 1, 6, 15)),
        # Before 06:15 the latest run was yesterday's.
        (oslo(2026, 7, 1, 6, 14, 59), oslo(2026, 6, 30, 6, 15)),
        # The night the clocks go forward (29 March 2026) and back (25 October 2026).
        (oslo(2026, 3, 29, 7, 0), oslo(2026, 3, 29, 6, 15)),
        (oslo(2026, 10, 25, 7, 0), oslo(2026, 10, 25, 6, 15)),
    ],
)
def test_the_digest_is_due_at_06_15_oslo_time(now, due):
    assert daily_at("06:15")(now) == due
    assert daily_at("06:15")(now.astimezone(datetime.UTC)) == due


@pytest.mark.django_db  # scheduled publishing is also due at the go-live times stored
def test_the_digest_and_scheduled_publishing_are_in_the_schedule():
    schedules = {schedule.name: schedule for schedule in configured_schedules()}
    assert schedules["member-digest"].task_path == "intranet.tasks.send_member_digest"
    assert schedules["member-digest"].latest_due(oslo(2026, 7, 1, 9, 0)) == oslo(2026, 7, 1, 6, 15)
    publishing = schedules["publish-scheduled-pages"]
    assert publishing.task_path == publish_scheduled_pages.module_path
    assert publishing.latest_due(oslo(2026, 7, 1, 9, 0, 30)) == oslo(2026, 7, 1, 9, 0)


@pytest.mark.parametrize("entry", [{}, {"every_minutes": 1, "daily_at": "06:15"}])
def test_a_schedule_without_exactly_one_time_is_refused(settings, entry):
    settings.SCHEDULE = {"broken": {"task": "site_core.tasks.prune_job_results", **entry}}
    with pytest.raises(ImproperlyConfigured, match="broken"):
        configured_schedules()


# --- Enqueueing each due run once ----------------------------------------------------


@pytest.mark.django_db
def test_each_due_run_is_enqueued_once(job_queue):
    now = oslo(2026, 7, 1, 9, 0, 30)
    assert sorted(tick(now)) == SCHEDULES  # the first tick ever: every latest run
    assert tick(now) == []
    assert tick(now + datetime.timedelta(seconds=20)) == []
    assert tick(oslo(2026, 7, 1, 9, 1)) == ["publish-scheduled-pages"]
    assert sorted(tick(oslo(2026, 7, 2, 6, 15, 3))) == SCHEDULES
    assert len(jobs(publish_scheduled_pages)) == 3


@pytest.mark.django_db
def test_runs_missed_while_no_worker_ran_happen_once(job_queue):
    tick(oslo(2026, 7, 1, 9, 0))
    # The workers were down for three days.
    assert sorted(tick(oslo(2026, 7, 4, 9, 0))) == SCHEDULES
    assert len(jobs(publish_scheduled_pages)) == 2


@pytest.mark.django_db
def test_a_broken_schedule_leaves_the_others_running(job_queue, settings):
    settings.SCHEDULE = {
        "gone": {"task": "site_core.tasks.no_such_task", "every_minutes": 1},
        **base.SCHEDULE,
    }
    assert sorted(tick()) == SCHEDULES


def database_gone(now):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
def test_a_schedule_whose_times_cannot_be_read_leaves_the_others_running(
    job_queue, settings, caplog
):
    settings.SCHEDULE = {
        "unreadable": {
            "task": "site_core.tasks.prune_job_results",
            "every_minutes": 1,
            "also_due": f"{__name__}.database_gone",
        },
        **base.SCHEDULE,
    }
    assert sorted(tick()) == SCHEDULES
    assert "Schedule unreadable not enqueued" in caplog.text


@pytest.mark.django_db
def test_a_page_scheduled_a_minute_ahead_goes_live_without_anyone_touching_it(bilingual, job_queue):
    page = scheduled_a_minute_ahead(bilingual.nb)
    tick()
    run_jobs()
    page.refresh_from_db()
    assert not page.live

    with a_minute_later():
        tick()
        run_jobs()
    page.refresh_from_db()
    assert page.live
    assert page.url.startswith("/nb/")


def schedule_runs(now):
    """The names of the schedules a tick at `now` enqueues, with the job queue run after."""
    with mock.patch("django.utils.timezone.now", return_value=now):
        enqueued = tick(now)
        run_jobs()
    return enqueued


@pytest.mark.django_db
def test_a_page_goes_live_within_a_tick_of_its_time_not_on_the_next_minute(bilingual, job_queue):
    minute = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=5)
    schedule_runs(minute)
    page = StandardPageFactory(
        parent=bilingual.nb, live=False, go_live_at=minute + datetime.timedelta(seconds=25)
    )
    page.save_revision().publish()

    assert "publish-scheduled-pages" not in schedule_runs(minute + datetime.timedelta(seconds=20))
    page.refresh_from_db()
    assert not page.live
    # The next tick after its time, 35 s before the minute's run.
    assert "publish-scheduled-pages" in schedule_runs(minute + datetime.timedelta(seconds=30))
    page.refresh_from_db()
    assert page.live
    # Done: the ticks after it enqueue nothing until the next minute.
    assert "publish-scheduled-pages" not in schedule_runs(minute + datetime.timedelta(seconds=40))
    assert "publish-scheduled-pages" in schedule_runs(minute + datetime.timedelta(seconds=60))


@pytest.mark.django_db
def test_a_page_goes_offline_within_a_tick_of_its_expiry(bilingual, job_queue):
    minute = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(minutes=5)
    schedule_runs(minute)
    page = StandardPageFactory(
        parent=bilingual.nb, expire_at=minute + datetime.timedelta(seconds=5)
    )
    assert page.live

    assert "publish-scheduled-pages" in schedule_runs(minute + datetime.timedelta(seconds=10))
    page.refresh_from_db()
    assert not page.live and page.expired
    assert "publish-scheduled-pages" not in schedule_runs(minute + datetime.timedelta(seconds=20))


# --- Two workers at once (committed data, a connection per worker) ---------------------

ON_POSTGRES = pytest.mark.skipif(
    not base.USING_POSTGRES,
    reason="PostgreSQL only: production's database. Threads share SQLite's in-memory test "
    "database through one cache, where a writer makes the other fail at once instead of "
    "waiting, as processes on a database file do.",
)


@ON_POSTGRES
def test_two_workers_run_scheduled_publishing_and_the_digest_exactly_once(
    committed_database, settings
):
    settings.TASKS = base.TASKS
    site = bilingual_site()
    page = scheduled_a_minute_ahead(site.nb)
    MemberFactory(email="kari@example.no")
    MemberFactory(email="john@example.com", first_name="John", profile__preferred_language="en")
    DocumentFactory(title="Referat fra styremøtet")

    both_ready = threading.Barrier(2, timeout=30)
    enqueued, errors = [], []

    def worker(name):
        try:
            both_ready.wait()
            for _ in range(3):  # all at the same moment, as after a deploy
                enqueued.extend(tick())
            both_ready.wait()
            run_jobs(worker_id=name)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    with a_minute_later():
        workers = [threading.Thread(target=worker, args=(name,)) for name in ("a", "b")]
        for thread in workers:
            thread.start()
        for thread in workers:
            thread.join(timeout=120)
    assert errors == []
    assert sorted(enqueued) == SCHEDULES

    for path in (
        "site_core.tasks.publish_scheduled_pages",
        "intranet.tasks.send_member_digest",
        "site_core.tasks.prune_job_results",
    ):
        (job,) = DBTaskResult.objects.filter(task_path=path)
        assert job.status == TaskResultStatus.SUCCESSFUL, job.traceback
        assert len(job.worker_ids) == 1
    page.refresh_from_db()
    assert page.live
    assert Counter(message.to[0] for message in mail.outbox) == {
        "kari@example.no": 1,
        "john@example.com": 1,
    }


@pytest.mark.skipif(
    not base.USING_POSTGRES, reason="another process cannot reach SQLite's in-memory test database"
)
def test_the_worker_process_publishes_and_sends_the_digest(committed_database):
    """`manage.py run_worker`, the Procfile's worker, as a process of its own."""
    site = bilingual_site()
    go_live_at = timezone.now() + datetime.timedelta(seconds=2)
    page = StandardPageFactory(parent=site.nb, live=False, go_live_at=go_live_at)
    page.save_revision().publish()
    MemberFactory(email="kari@example.no")
    DocumentFactory(title="Referat fra styremøtet")
    # The worker's first tick enqueues scheduled publishing for the current minute: start
    # it once the page is due, so the test need not wait for the next minute.
    time.sleep(max(0, (go_live_at - timezone.now()).total_seconds()) + 0.1)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "site_core.settings.dev",
        "DATABASE_URL": database_url(connection.settings_dict),
    }
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-reload", "--interval", "0.2"],
        cwd=BASE_DIR,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )

    def done():
        delivered = DBTaskResult.objects.filter(
            task_path=deliver_email.module_path, status=TaskResultStatus.SUCCESSFUL
        )
        return type(page).objects.get(pk=page.pk).live and delivered.exists()

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not done():
            time.sleep(0.5)
    finally:
        worker.send_signal(signal.SIGTERM)
        output, _ = worker.communicate(timeout=30)
    assert type(page).objects.get(pk=page.pk).live, output
    assert worker.returncode == 0, output
    # The development settings deliver to the console: the digest went out once.
    assert output.count("Subject: =?utf-8?q?Nytt_p=C3=A5_intranettet") == 1, output


def test_the_worker_outlives_a_database_restart(job_queue, caplog):
    """The database going away ends django-tasks-db's loop; the worker waits and goes on."""

    outcomes = iter([OperationalError("the database system is shutting down"), None])

    def handle(self, *args, **options):
        outcome = next(outcomes)
        if outcome:
            raise outcome

    with (
        mock.patch.object(db_worker.Command, "handle", handle),
        mock.patch.object(run_worker.time, "sleep") as sleep,
        mock.patch.object(run_worker, "connections") as connections,
        mock.patch.object(run_worker.scheduler, "run_in_background") as scheduler_started,
    ):
        call_command("run_worker", "--no-reload")
    sleep.assert_called_once_with(run_worker.RECONNECT_SECONDS)
    connections.close_all.assert_called_once()  # a fresh connection for the next attempt
    scheduler_started.assert_called_once()
    assert "Worker lost the database" in caplog.text
