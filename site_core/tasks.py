"""Recurring jobs of the site as a whole, run by the worker (settings.SCHEDULE)."""

from django.core.management import call_command
from django_tasks import task

# Finished jobs hold whole e-mails (addresses, names, password links), so they are kept no
# longer than needed to answer "did my e-mail go out?" over a weekend; failed ones a month,
# to find out why.
KEEP_SUCCEEDED_DAYS = 3
KEEP_FAILED_DAYS = 30


@task()
def publish_scheduled_pages():
    """Publish what editors scheduled (go-live time passed) and unpublish what expired:
    Wagtail's `publish_scheduled` command, every minute."""
    call_command("publish_scheduled", verbosity=0)


@task()
def prune_job_results():
    """Delete finished jobs older than KEEP_SUCCEEDED_DAYS (failed: KEEP_FAILED_DAYS), with
    django-tasks-db's `prune_db_task_results`; jobs not yet run are never touched."""
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=KEEP_SUCCEEDED_DAYS,
        failed_min_age_days=KEEP_FAILED_DAYS,
        verbosity=0,
    )
