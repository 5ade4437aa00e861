"""Recurring jobs: the worker's scheduler enqueues each due run of settings.SCHEDULE once.

Every worker process runs the scheduler (`run_in_background`), which ticks every
TICK_SECONDS. A tick computes, per schedule, the latest time it was due (`Schedule.latest_due`)
and enqueues its task if no worker has enqueued that run yet. "Yet" is a row per schedule
(`ScheduleState.last_due_at`): a worker enqueues only if its own conditional UPDATE moved that
time forward, in the same transaction as the job row. Two workers ticking at the same moment
both try; the database lets one UPDATE through and the other finds nothing left to move
(PostgreSQL re-reads the row once the first commits; SQLite writes one at a time), so each due
run is enqueued exactly once. Which worker then runs the job is the queue's business: it hands
each job to one worker.

Runs missed while no worker ran collapse into one: the latest due time is enqueued when a
worker is back, earlier ones are not.
"""

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from datetime import time as time_of_day

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, close_old_connections, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from site_core.models import ScheduleState

logger = logging.getLogger(__name__)

# A job due at 06:15:00 is enqueued by 06:15:10 at the latest.
TICK_SECONDS = 10


@dataclass(frozen=True)
class Schedule:
    name: str
    task_path: str  # dotted path of a django-tasks Task
    latest_due: Callable[[datetime], datetime]  # now (aware) -> latest due time <= now


def every_minutes(minutes):
    """latest_due for "every `minutes` minutes", on the minute (counted from the epoch)."""
    step = minutes * 60

    def latest_due(now):
        seconds = now.timestamp()
        return datetime.fromtimestamp(seconds - seconds % step, tz=UTC)

    return latest_due


def daily_at(clock):
    """latest_due for "every day at `clock`" ("HH:MM") in TIME_ZONE, summer time included."""
    at = time_of_day.fromisoformat(clock)

    def latest_due(now):
        zone = timezone.get_default_timezone()
        today = timezone.localtime(now, zone).date()
        due = datetime.combine(today, at, tzinfo=zone)
        if due > now:
            due = datetime.combine(today - timedelta(days=1), at, tzinfo=zone)
        return due

    return latest_due


def or_when_due(latest_due, due_from_data):
    """latest_due for `latest_due`'s times and also each time `due_from_data(now)` (an aware
    datetime at or before `now`, or None) gives: the moment something in the database came
    due, such as a page's go-live time, which is then run within a tick of it."""

    def latest_due_or_data(now):
        from_data = due_from_data(now)
        regular = latest_due(now)
        return regular if from_data is None else max(regular, from_data)

    return latest_due_or_data


def configured_schedules():
    """settings.SCHEDULE as a list of Schedule; raises ImproperlyConfigured, naming the
    schedule, for an entry with neither or both of "every_minutes" and "daily_at".

    An entry's optional "also_due" is the dotted path of a function (now -> aware datetime
    at or before now, or None) whose times are due runs too (`or_when_due`)."""
    schedules = []
    for name, entry in settings.SCHEDULE.items():
        if ("every_minutes" in entry) == ("daily_at" in entry):
            raise ImproperlyConfigured(
                f'SCHEDULE[{name!r}] needs either "every_minutes" or "daily_at".'
            )
        if "every_minutes" in entry:
            latest_due = every_minutes(entry["every_minutes"])
        else:
            latest_due = daily_at(entry["daily_at"])
        if "also_due" in entry:
            latest_due = or_when_due(latest_due, import_string(entry["also_due"]))
        schedules.append(Schedule(name, entry["task"], latest_due))
    return schedules


def claim(name, due):
    """True if this caller moved schedule `name` forward to `due` (aware datetime), so that
    the run due then is its to enqueue; False if it was already claimed. Call inside the
    transaction that enqueues the job."""
    _state, created = ScheduleState.objects.get_or_create(name=name, defaults={"last_due_at": due})
    if created:
        return True
    return ScheduleState.objects.filter(name=name, last_due_at__lt=due).update(last_due_at=due) == 1


def tick(now=None):
    """Enqueue every schedule's latest due run (at or before `now`, default: the current
    time) that no worker has enqueued yet. Returns the names of the schedules this call
    enqueued. A failure in one schedule is logged and leaves the others unharmed; that run
    is tried again at the next tick."""
    now = now or timezone.now()
    enqueued = []
    for schedule in configured_schedules():
        try:
            # Inside: latest_due may read the database ("also_due").
            due = schedule.latest_due(now)
            with transaction.atomic():
                claimed = claim(schedule.name, due)
                if claimed:
                    import_string(schedule.task_path).enqueue()
        except (DatabaseError, ImportError) as error:
            # e.g. SQLite's "database is locked" while another worker writes
            logger.warning("Schedule %s not enqueued at %s: %r", schedule.name, now, error)
            continue
        if claimed:
            logger.info("Schedule %s enqueued for %s", schedule.name, due)
            enqueued.append(schedule.name)
    return enqueued


def run_forever():
    """Tick every TICK_SECONDS until the process ends; never raises."""
    while True:
        # Like a request: a fresh connection if the last one broke or grew too old.
        close_old_connections()
        try:
            tick()
        except Exception:  # a bad SCHEDULE setting, or a bug: keep the worker's jobs running
            logger.exception("Scheduler tick failed")
        close_old_connections()
        time.sleep(TICK_SECONDS)


def run_in_background():
    """Start the scheduler in a daemon thread of this process (it ends with the process)."""
    thread = threading.Thread(target=run_forever, name="scheduler", daemon=True)
    thread.start()
    return thread
