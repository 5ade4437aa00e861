"""Load the bilingual demo content and the demo users. Safe to run again."""

from django.core.management.base import BaseCommand
from django.db import transaction

import home.demo
import intranet.demo
from site_core.demo import DEMO_USERS, ensure_locales, ensure_users


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo users (idempotent: a second run changes nothing)."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            ensure_locales()
            users = ensure_users()
            home.demo.load()
            intranet.demo.load(users)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if options["verbosity"] >= 1:
            self.print_guide()

    def print_guide(self):
        lines = [
            "",
            "  Norwegian site:  http://127.0.0.1:8000/nb/",
            "  English site:    http://127.0.0.1:8000/en/",
            "  Admin:           http://127.0.0.1:8000/admin/",
            "  Intranet:        http://127.0.0.1:8000/nb/intranett/ (log in with the e-mail)",
            "",
            "  Demo logins (username / e-mail / password):",
        ]
        lines += [f"    {u.role:<18} {u.username} / {u.email} / {u.password}" for u in DEMO_USERS]
        self.stdout.write("\n".join(lines) + "\n")
