"""gunicorn settings; the Procfile's web process uses this file."""

import multiprocessing
import os

bind = f"0.0.0.0:{os.environ.get('PORT', '8000')}"
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
max_requests = 1000
max_requests_jitter = 100
# No access log of gunicorn's own: its request line and Referer carry query strings, which
# can hold an e-mail address (the personal-data search), a search or a token. The app logs
# one JSON line per request with the path only (site_core/request_log.py).
accesslog = None
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
