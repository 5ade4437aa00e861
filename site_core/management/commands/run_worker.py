"""The worker process (the Procfile's `worker`): runs queued jobs and the schedule."""

import logging
import os
import time

from django.db import InterfaceError, OperationalError, connections
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from site_core import scheduler

logger = logging.getLogger("site_core")

# While the database is away (a restart, a failover), how long to wait between attempts.
RECONNECT_SECONDS = 2


class Command(db_worker.Command):
    help = (
        "Run queued jobs (e-mail, the digest, Wagtail's index updates) as django-tasks-db's "
        "db_worker does, with the same options, and enqueue the recurring jobs of "
        "settings.SCHEDULE when they are due. Any number may run: each job runs once. "
        "Outlives a database restart: it waits and carries on."
    )

    def handle(self, *args, **options):
        # With --reload the first process only watches files and restarts a second one
        # that does the work; only that one schedules. --batch runs what is queued and
        # stops: no schedule.
        watcher = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not (options["batch"] or watcher):
            scheduler.run_in_background()
        while True:
            try:
                return super().handle(*args, **options)
            except (OperationalError, InterfaceError) as error:
                # django-tasks-db's loop ends on a lost connection; the jobs are safe in the
                # database, so wait for it rather than leave them to a process supervisor.
                logger.warning(
                    "Worker lost the database (%s); trying again in %s s", error, RECONNECT_SECONDS
                )
                connections.close_all()
                time.sleep(RECONNECT_SECONDS)
