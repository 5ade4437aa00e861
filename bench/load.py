"""Load, and faults under load: visitors, members and applicants on the production stack.

    .venv/bin/python bench/load.py                      # 10 minutes
    .venv/bin/python bench/load.py --minutes 3 --fault  # restart PostgreSQL, then Redis

Starts the production stack on loopback (bench/stack.py: PostgreSQL, Redis, two gunicorn
app servers with 2 workers each, the worker process, Varnish in front) and, for the
given time, at once:

- 50 anonymous visitors (wrk, 2 threads, 50 connections) over every live public page in
  both languages that the front cache may keep, through Varnish (the form pages, which
  carry a CSRF token and are never cached, are opened by the applicant);
- 5 members, logged in, over the intranet pages (never cached: they reach the app);
- one applicant sending a membership application every 2 s, each with its own company
  name and e-mail address.

With `--fault`, PostgreSQL is restarted at a third of the time and Redis at two thirds
(both are this machine's services: run it when nothing else uses them).

Reports: requests per second, p50/p95/p99 and errors for the visitors (wrk) and the
members; per application sent, whether the visitor saw the thank-you page, a 503 page
that kept what was typed, or anything else; how many applications are stored; and, once
the worker has drained the queue, how many e-mails arrived (two per stored
application: the notification and the confirmation). After each restart: how long until
the members' requests succeeded again.
"""

import argparse
import itertools
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

from stack import ROOT, Browser, Stack

CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MEMBERS = [("medlem@example.no", "medlem"), ("sirkel@example.no", "sirkel")]
APPLICATION = {
    "organisation_number": "123 456 785",
    "contact_person": "Kari Nordmann",
    "phone": "+47 912 34 567",
    "sector": "furniture",
    "message": "Vi vil gjerne være med.",
    "consent": "on",
}
WRK_SCRIPT = """
paths = {{{paths}}}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
"""


def public_paths(stack):
    """(cached, uncached): the paths of every live public page in both languages, from the
    sitemap, split by whether the app lets the front cache keep them (form pages do not:
    they carry a CSRF token)."""
    sitemap = requests.get(stack.url + "/sitemap.xml", timeout=30).text
    cached, uncached = [], []
    for path in sorted(set(re.findall(r"<loc>https?://[^/]+(/[^<]*)</loc>", sitemap))):
        control = requests.get(stack.url + path, timeout=30).headers.get("Cache-Control", "")
        (cached if "public" in control else uncached).append(path)
    return cached, uncached


def demo_password(username):
    """The demo user's password: the loader's rule (site_core.demo), "demo-<name>-passord"."""
    return f"demo-{username}-passord"


class Recorder:
    """Thread-safe tallies: statuses, latencies (ms) and the last error time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = Counter()
        self.latencies = []
        self.failures = []  # monotonic times of failed requests

    def record(self, status, milliseconds):
        with self.lock:
            self.statuses[status] += 1
            self.latencies.append(milliseconds)
            if status == "error" or int(status) >= 500:
                self.failures.append(time.monotonic())

    def summary(self, seconds):
        latencies = sorted(self.latencies) or [0]
        pick = lambda q: latencies[min(len(latencies) - 1, int(len(latencies) * q))]  # noqa: E731
        errors = sum(n for s, n in self.statuses.items() if s == "error" or int(s) >= 500)
        return (
            f"{len(self.latencies) / seconds:.1f} req/s, p50 {statistics.median(latencies):.0f} ms,"
            f" p95 {pick(0.95):.0f} ms, p99 {pick(0.99):.0f} ms, errors {errors},"
            f" statuses {dict(self.statuses)}"
        )


def submit(browser, path, data):
    """Open the form on `path` and post `data` with its CSRF token."""
    token = CSRF_INPUT.search(browser.get(path).text).group(1)
    return browser.post(path, {**data, "csrfmiddlewaretoken": token})


def log_in(browser, email, password):
    try:
        answer = submit(browser, "/nb/logg-inn/", {"username": email, "password": password})
    except (requests.RequestException, AttributeError):
        return False
    return answer.status_code == 302


def member(stack, email, password, stop, recorder):
    browser = Browser(stack.url)
    while not stop.is_set() and not log_in(browser, email, password):
        time.sleep(1)
    paths = itertools.cycle(["/nb/intranett/", "/en/intranet/"])
    while not stop.is_set():
        started = time.monotonic()
        try:
            status = browser.get(next(paths)).status_code
        except requests.RequestException:
            status = "error"
        recorder.record(status, (time.monotonic() - started) * 1000)
        time.sleep(0.2)


def applicant(stack, stop, outcomes, sent):
    """One application every 2 s; outcomes counts "thanks", "kept" (503 that kept the
    typed values), "lost" (anything else)."""
    for number in itertools.count(1):
        if stop.is_set():
            return
        company = f"Lastprøve {number:04d} AS"
        data = {**APPLICATION, "company_name": company, "email": f"soker{number}@example.no"}
        try:
            # Each applicant from an address of their own, as on the internet.
            address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}"
            answer = submit(Browser(stack.url, address), "/nb/bli-medlem/", data)
        except (requests.RequestException, AttributeError):
            outcomes["no form (could not open the page)"] += 1
            time.sleep(2)
            continue
        sent.append(company)
        if answer.status_code == 200 and "Takk" in answer.text:
            outcomes["thanks"] += 1
        elif answer.status_code == 503 and company in answer.text:
            outcomes["503, typed values kept"] += 1
        else:
            outcomes[f"lost ({answer.status_code})"] += 1
        time.sleep(2)


def restart_postgresql():
    cluster = next(Path("/etc/postgresql").iterdir()).name
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart"], check=True
    )
    return time.monotonic()


def restart_redis():
    subprocess.run(["redis-cli", "shutdown", "nosave"], check=False, capture_output=True)
    subprocess.run(
        ["redis-server", "--daemonize", "yes", "--bind", "127.0.0.1", "-::1", "--port", "6379",
         "--save", "", "--appendonly", "no"],
        check=True,
    )  # fmt: skip
    return time.monotonic()


def recovery(recorder, back_at):
    """Seconds from a service being back to the last failed member request after it."""
    later = [t for t in recorder.failures if t >= back_at - 30]
    return max(0.0, max(later) - back_at) if later else 0.0


def stored_applications(stack, companies):
    script = (
        "from wagtail.contrib.forms.models import FormSubmission; import json, sys; "
        "names = set(json.loads(sys.stdin.read())); "
        "print(sum(1 for s in FormSubmission.objects.all() "
        "if s.form_data.get('company_name') in names))"
    )
    import json

    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=stack.env,
        input=json.dumps(companies),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--fault", action="store_true", help="restart PostgreSQL, then Redis")
    args = parser.parse_args()
    seconds = int(args.minutes * 60)
    with Stack() as stack:
        # The classifying visit fills the cache, as real visitors would.
        paths, form_pages = public_paths(stack)
        script = Path(stack.workdir) / "paths.lua"
        script.write_text(WRK_SCRIPT.format(paths=", ".join(f'"{p}"' for p in paths)))
        print(
            f"{len(paths)} cacheable public paths for the visitors; not cacheable (the applicant"
            f" opens them): {form_pages}; worker: {stack.has_worker}; {seconds} s of load"
        )

        stop, members, outcomes, sent = threading.Event(), Recorder(), Counter(), []
        threads = [
            threading.Thread(target=member, args=(stack, email, demo_password(name), stop, members))
            for (email, name) in MEMBERS
            for _ in range(3 if email.startswith("medlem") else 2)
        ]
        threads.append(threading.Thread(target=applicant, args=(stack, stop, outcomes, sent)))
        wrk = subprocess.Popen(
            [
                "wrk",
                "-t2",
                "-c50",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                str(script),
                stack.url,
            ],
            stdout=subprocess.PIPE,
            text=True,
        )
        for thread in threads:
            thread.start()
        restarts = {}
        if args.fault:
            time.sleep(seconds / 3)
            restarts["PostgreSQL"] = restart_postgresql()
            time.sleep(seconds / 3 - 1)
            restarts["Redis"] = restart_redis()
        visitors = wrk.communicate()[0]
        stop.set()
        for thread in threads:
            thread.join(timeout=60)

        print("\n== anonymous visitors (wrk, through Varnish)")
        print(visitors)
        print("== members (intranet, uncached):", members.summary(seconds))
        for service, back_at in restarts.items():
            print(f"   errors stopped {recovery(members, back_at):.1f} s after {service} was back")
        print("== applications sent:", len(sent), dict(outcomes))
        time.sleep(5)
        stored = stored_applications(stack, sent)
        print(f"   stored: {stored} of {len(sent)} sent")
        expected = 2 * stored
        deadline = time.monotonic() + 120
        while stack.smtp.messages < expected and time.monotonic() < deadline:
            time.sleep(1)
        print(f"== e-mails received: {stack.smtp.messages} (expected {expected})")


if __name__ == "__main__":
    main()
