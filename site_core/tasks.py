"""Recurring jobs of the site as a whole, run by the worker (settings.SCHEDULE)."""

import logging

from django.core.management import call_command
from django.db.models import Max
from django_tasks import task
from wagtail.models import Page, Revision

from site_core import personal_data

logger = logging.getLogger(__name__)

# Finished jobs hold whole e-mails (addresses, names, password links), so they are kept no
# longer than needed to answer "did my e-mail go out?" over a weekend; failed ones a month,
# to find out why.
KEEP_SUCCEEDED_DAYS = 3
KEEP_FAILED_DAYS = 30


@task()
def publish_scheduled_pages():
    """Publish what editors scheduled (go-live time passed) and unpublish what expired:
    Wagtail's `publish_scheduled` command, every minute and when a go-live or expiry time
    comes (`latest_go_live_or_expiry`)."""
    call_command("publish_scheduled", verbosity=0)


def latest_go_live_or_expiry(now):
    """The latest go-live time of a scheduled revision or expiry time of a live page that
    has come (aware datetime, at or before `now`) and that `publish_scheduled` has not
    acted on yet, or None. Two queries, with the same conditions as `publish_scheduled`.

    Wagtail clears a revision's `approved_go_live_at` when it publishes it and takes an
    expired page offline, so once the job has run nothing is due here until the next time
    comes: the scheduler runs the job once per such time."""
    go_live = Revision.objects.filter(approved_go_live_at__lte=now).aggregate(
        latest=Max("approved_go_live_at")
    )["latest"]
    expiry = Page.objects.filter(live=True, expire_at__lte=now).aggregate(latest=Max("expire_at"))[
        "latest"
    ]
    return max((time for time in (go_live, expiry) if time is not None), default=None)


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


@task()
def delete_expired_personal_data():
    """Delete what is past its retention period (site_core.personal_data.delete_expired:
    membership applications and ended newsletter sign-ups older than
    PERSONAL_DATA_RETENTION_MONTHS, unconfirmed sign-ups whose link expired); returns
    {kind: records deleted}."""
    counts = personal_data.delete_expired()
    if any(counts.values()):
        logger.info("Deleted personal data past its retention period: %s", counts)
    return counts
