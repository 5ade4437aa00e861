"""The intranet's recurring jobs, run by the worker (settings.SCHEDULE)."""

from django_tasks import task

from intranet.digest import send_all


@task()
def send_member_digest():
    """Queue every member's digest (intranet.digest), daily at 06:15 Oslo time, to those who
    want one today (not "off"; "weekly" once in 7 days); returns {"members": members
    e-mailed, "items": items sent}. Running it twice sends nothing twice."""
    mailed, items = send_all()
    return {"members": mailed, "items": items}
