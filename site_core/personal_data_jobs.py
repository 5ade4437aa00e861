"""The job queue's personal data: queued and recently finished jobs whose arguments name an
e-mail address (every e-mail, with its recipients and text, until the worker has sent it
and `prune_job_results` deleted it: site_core.queued_mail, site_core.tasks). Registered
with site_core.personal_data, so a request for access shows them and an erasure deletes
them too (a mail not yet sent is then not sent). No retention rule of its own: the prune
job already keeps them 3 days (30 if failed)."""

from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from site_core.personal_data import PersonalDataKind, register


def mentions(value, email):
    """True when `value` (decoded JSON) holds the string `email` (lower case) or a
    "Name <email>" address, at any depth."""
    if isinstance(value, str):
        text = value.strip().lower()
        return text == email or text.endswith(f"<{email}>")
    if isinstance(value, dict):
        return any(mentions(item, email) for item in value.values())
    if isinstance(value, list):
        return any(mentions(item, email) for item in value)
    return False


def find_jobs(email):
    """Jobs naming `email` as an argument or a recipient: narrowed by the database
    (text search), then checked exactly, so a@example.no does not find aa@example.no."""
    email = email.lower()
    candidates = DBTaskResult.objects.filter(args_kwargs__icontains=email)
    ids = [job.pk for job in candidates if mentions(job.args_kwargs, email)]
    return DBTaskResult.objects.filter(pk__in=ids)


def export_job(job):
    """One queued job naming the address, as a dict: the task, its state, dates and arguments."""
    return {
        "task": job.task_path,
        "status": job.status,
        "enqueued": job.enqueued_at,
        "finished": job.finished_at,
        "arguments": job.args_kwargs,
    }


def register_kind():
    """Called from SiteCoreConfig.ready."""
    register(
        PersonalDataKind(
            key="queued-jobs",
            label=_("Queued e-mails and jobs"),
            find=find_jobs,
            export=export_job,
        )
    )
