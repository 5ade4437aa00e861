"""Finished jobs hold whole e-mails: they are deleted after a few days, waiting ones never
(site_core.tasks.prune_job_results)."""

import datetime

import pytest
from django.core.mail import send_mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from site_core.tasks import KEEP_FAILED_DAYS, KEEP_SUCCEEDED_DAYS, prune_job_results

pytestmark = pytest.mark.django_db


def mail_job(status, days_ago):
    send_mail("Hei", "Tekst", None, ["kari@example.no"])
    job = DBTaskResult.objects.latest("enqueued_at")
    job.status = status
    job.finished_at = timezone.now() - datetime.timedelta(days=days_ago, minutes=1)
    job.save()
    return job.pk


def test_old_finished_jobs_go_and_the_rest_stay(job_queue):
    gone = [
        mail_job(TaskResultStatus.SUCCESSFUL, KEEP_SUCCEEDED_DAYS),
        mail_job(TaskResultStatus.FAILED, KEEP_FAILED_DAYS),
    ]
    kept = [
        mail_job(TaskResultStatus.SUCCESSFUL, KEEP_SUCCEEDED_DAYS - 1),
        mail_job(TaskResultStatus.FAILED, KEEP_SUCCEEDED_DAYS),
        mail_job(TaskResultStatus.READY, KEEP_FAILED_DAYS),
    ]
    prune_job_results.call()
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == set(kept)
    assert not DBTaskResult.objects.filter(pk__in=gone).exists()
