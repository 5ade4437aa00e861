"""Daily: e-mail each member what is new for them in the intranet (see README, Member digest)."""

from django.core.management.base import BaseCommand

from intranet.digest import send_all


class Command(BaseCommand):
    help = (
        "E-mail every member one digest of the news, documents and project updates they may "
        "open that are new since their last digest. Safe to run again: nothing is sent twice."
    )

    def handle(self, *args, **options):
        mailed, items = send_all()
        self.stdout.write(f"Sent {items} new items to {mailed} members.")
