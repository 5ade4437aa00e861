"""Load the bilingual demo content and the demo users. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

import home.demo
from site_core.demo import DEMO_USERS, ensure_locales, ensure_users


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo users (idempotent: a second run changes nothing)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            ensure_locales()
            ensure_users()
            home.demo.load()
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if options["verbosity"] >= 1:
            self.print_guide()

    def print_guide(self):
        lines = [
            "",
            "  Norwegian site:  http://127.0.0.1:8000/nb/",
            "  English site:    http://127.0.0.1:8000/en/",
            "  Admin:           http://127.0.0.1:8000/admin/",
            "",
            "  Demo logins (username / password):",
        ]
        lines += [f"    {u.role:<15} {u.username} / {u.password}" for u in DEMO_USERS]
        self.stdout.write("\n".join(lines) + "\n")
