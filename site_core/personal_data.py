"""Where personal data about an e-mail address lives, and what is done with it.

Apps register each kind of record that holds an e-mail address (a `PersonalDataKind`:
how to find the records about one address, how to export one, which are past their
retention period); site_core names no app above it. From the registry:

- `find`, `export_json`, `export_csv`: everything about one address, for staff answering
  a request for access (GDPR art. 15, the Norwegian *personopplysningsloven*);
- `erase`: delete it all (art. 17), logged as a `PersonalDataErasure` that holds counts
  per kind, who and when, never the address or the data;
- `delete_expired`: the scheduled job's work (site_core.tasks.delete_expired_personal_data)
  that deletes records older than settings.PERSONAL_DATA_RETENTION_MONTHS (art. 5(1)(e),
  storage limitation), logged the same way.

The admin views are in site_core/personal_data_views.py; README "Personal data" lists the
kinds registered and their periods.
"""

import calendar
import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone

from site_core.models import PersonalDataErasure
from site_core.spreadsheets import neutralise


@dataclass(frozen=True)
class PersonalDataKind:
    """One kind of record that holds personal data about an e-mail address.

    - key: a stable name ("newsletter-subscriptions"), used in exports and the log;
    - label: how staff call the records (plural, translatable);
    - find: e-mail address (str, any case) -> QuerySet of the records about it;
    - export: one record -> dict of JSON-serialisable values (dates may be datetimes),
      everything stored about the person in that record;
    - expired: (now, retention cutoff), both aware datetimes -> QuerySet of the records
      to delete now; None for a kind that is kept until erased.
    """

    key: str
    label: str
    find: Callable
    export: Callable
    expired: Callable | None = None


_kinds = {}


def register(kind):
    """Add `kind` (a PersonalDataKind) to the registry; registering a key again replaces it."""
    _kinds[kind.key] = kind


def registered_kinds():
    """Every registered PersonalDataKind, in the order registered."""
    return list(_kinds.values())


def months_before(moment, months):
    """The aware datetime `months` calendar months before `moment`, the day clamped to the
    month's length (31 May minus 3 months is 28 or 29 February)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def retention_cutoff(now=None):
    """Records from before this aware datetime are past PERSONAL_DATA_RETENTION_MONTHS."""
    return months_before(now or timezone.now(), settings.PERSONAL_DATA_RETENTION_MONTHS)


def find(email):
    """[(kind, [record, …])] for every registered kind, for the address `email`."""
    email = email.strip()
    return [(kind, list(kind.find(email))) for kind in registered_kinds()]


def export_data(email):
    """Everything stored about `email`: {"email", "exported_at", "records": {kind key:
    [record dict, …]}} (only kinds with records)."""
    return {
        "email": email.strip(),
        "exported_at": timezone.now(),
        "records": {
            kind.key: [kind.export(record) for record in records]
            for kind, records in find(email)
            if records
        },
    }


def export_json(email):
    """`export_data(email)` as indented JSON text (ISO 8601 dates, UTF-8 kept)."""
    return json.dumps(export_data(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)


def export_csv(email):
    """`export_data(email)` as CSV text, one line per stored value: kind, record number
    (from 1), field, value. Cells a spreadsheet would run as formulas are neutralised
    (site_core.spreadsheets), since the values are what visitors typed."""
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(["kind", "record", "field", "value"])
    for key, records in export_data(email)["records"].items():
        for number, record in enumerate(records, start=1):
            for field, value in record.items():
                if isinstance(value, datetime):
                    value = value.isoformat()
                text = "" if value is None else str(value)
                writer.writerow([key, number, field, neutralise(text)])
    return output.getvalue()


def erase(email, user):
    """Delete every record about `email` and log it (`PersonalDataErasure`, reason
    "request", by `user`) in one transaction; returns {kind key: records deleted}, every
    registered kind included."""
    with transaction.atomic():
        counts = {kind.key: delete(kind.find(email.strip())) for kind in registered_kinds()}
        PersonalDataErasure.objects.create(
            reason=PersonalDataErasure.Reason.REQUEST, erased_by=user, counts=counts
        )
    return counts


def delete_expired(now=None):
    """Delete the records of every kind past their retention period (`kind.expired`) and
    log the counts (`PersonalDataErasure`, reason "retention") when any were deleted;
    returns {kind key: records deleted}."""
    now = now or timezone.now()
    cutoff = retention_cutoff(now)
    with transaction.atomic():
        counts = {
            kind.key: delete(kind.expired(now, cutoff))
            for kind in registered_kinds()
            if kind.expired is not None
        }
        if any(counts.values()):
            PersonalDataErasure.objects.create(
                reason=PersonalDataErasure.Reason.RETENTION, counts=counts
            )
    return counts


def delete(queryset):
    """Delete the rows of `queryset`; returns how many of its own model went (cascaded
    rows of other models are not counted)."""
    _total, per_model = queryset.delete()
    return per_model.get(queryset.model._meta.label, 0)
