"""When a member's visits start: the dashboard's "since your last visit" counts from the
start of the previous visit.

A visit is a run of dashboard views with no gap longer than VISIT_GAP. Remembering the
start of the previous visit (rather than the last page view) keeps what arrived during
that visit on the dashboard for the next one, and the mark does not move while the member
is still looking around.
"""

from datetime import timedelta

from django.utils import timezone

VISIT_GAP = timedelta(hours=1)
# The last-seen time is written at most this often, so a busy member costs few writes.
SEEN_RESOLUTION = timedelta(minutes=5)


def record_visit(profile, now=None):
    """Note a dashboard view by `profile`'s member at `now` (an aware datetime, default
    the current time); returns the aware datetime from which things count as new: the
    start of the previous visit, or None when the member has had no earlier visit.

    Writes the profile (one UPDATE) only when a visit starts or the last-seen time is more
    than SEEN_RESOLUTION old.
    """
    now = now or timezone.now()
    changed = []
    if profile.last_seen_at is None or now - profile.last_seen_at > VISIT_GAP:
        profile.previous_visit_at = profile.visit_started_at
        profile.visit_started_at = now
        changed += ["previous_visit_at", "visit_started_at"]
    if profile.last_seen_at is None or now - profile.last_seen_at > SEEN_RESOLUTION:
        profile.last_seen_at = now
        changed.append("last_seen_at")
    if changed:
        # One UPDATE of the changed fields, without save()'s signals: this runs on every
        # dashboard view.
        type(profile).objects.filter(pk=profile.pk).update(
            **{field: getattr(profile, field) for field in changed}
        )
    return profile.previous_visit_at
