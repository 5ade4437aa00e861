"""The worker process (the Procfile's `worker`): runs queued jobs and the schedule."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV
from django_tasks_db.management.commands import db_worker

from site_core import scheduler


class Command(db_worker.Command):
    help = (
        "Run queued jobs (e-mail, the digest, Wagtail's index updates) as django-tasks-db's "
        "db_worker does, with the same options, and enqueue the recurring jobs of "
        "settings.SCHEDULE when they are due. Any number may run: each job runs once."
    )

    def handle(self, *args, **options):
        # With --reload the first process only watches files and restarts a second one
        # that does the work; only that one schedules. --batch runs what is queued and
        # stops: no schedule.
        watcher = options["reload"] and os.environ.get(DJANGO_AUTORELOAD_ENV) != "true"
        if not (options["batch"] or watcher):
            scheduler.run_in_background()
        super().handle(*args, **options)
