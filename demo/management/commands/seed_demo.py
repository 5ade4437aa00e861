"""Load the bilingual demo content and the demo users. Safe to run again."""

import os

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Site

import home.demo
import intranet.demo
from site_core.demo import DEMO_HOST, DEMO_USERS, ensure_locales, ensure_users


class Command(BaseCommand):
    help = (
        "Load the bilingual demo content and demo users (idempotent: a second run changes nothing)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port",
            type=int,
            default=int(os.environ.get("PORT", 8000)),
            help="The port the demo is served on (default: $PORT, else 8000); the default "
            "Site follows it, so canonical links, feeds and e-mails point there.",
        )

    def handle(self, *args, **options):
        port = options["port"]
        with transaction.atomic():
            ensure_locales()
            users = ensure_users()
            home.demo.load()
            intranet.demo.load(users)
            Site.objects.filter(is_default_site=True).update(hostname=DEMO_HOST, port=port)
        self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
        if options["verbosity"] >= 1:
            self.print_guide(f"http://{DEMO_HOST}:{port}")

    def print_guide(self, base):
        lines = [
            "",
            f"  Norwegian site:  {base}/nb/",
            f"  English site:    {base}/en/",
            f"  Admin:           {base}/admin/",
            f"  Intranet:        {base}/nb/intranett/ (log in with the e-mail)",
            "",
            "  Demo logins (username / e-mail / password):",
        ]
        lines += [f"    {u.role:<18} {u.username} / {u.email} / {u.password}" for u in DEMO_USERS]
        self.stdout.write("\n".join(lines) + "\n")
