"""Settings shared by every environment.

Environment-specific modules (dev, test, production) import everything from
here and override only what differs. Anything secret or deployment-specific
is read from the environment, never committed.
"""

import ipaddress
import os
from pathlib import Path

import dj_database_url
from botocore.config import Config as BotoConfig
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
PROJECT_DIR = BASE_DIR / "site_core"


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def database_from_env():
    """The default database from DATABASE_URL, or the embedded SQLite file.

    A value that cannot be parsed stops start-up with a message naming the
    variable, instead of a stack trace from deep inside dj-database-url.
    """
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        url = f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    try:
        config = dj_database_url.parse(url, conn_max_age=600, conn_health_checks=True)
    except Exception as exc:  # dj-database-url raises several types for bad input
        raise ImproperlyConfigured(
            f"DATABASE_URL cannot be parsed ({exc}). Use e.g. "
            "postgres://user:password@host:5432/name or leave it unset for SQLite."
        ) from exc
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"DATABASE_URL names no supported database engine: {url!r}")
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # `make run` serves and runs the worker side by side on one file: a transaction
        # takes the write lock when it begins (IMMEDIATE) and waits up to 20 s for it, and
        # readers go on beside a writer (WAL). SQLite's default let a request that read
        # first and wrote later fail with "database is locked" while the worker wrote.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
            **config.get("OPTIONS", {}),
        }
    return config


DATABASES = {"default": database_from_env()}
USING_POSTGRES = DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

INSTALLED_APPS = [
    # runserver serves static files through WhiteNoise too, as production does.
    "whitenoise.runserver_nostatic",
    "demo",
    "site_core",
    "home",
    "intranet",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_zxcvbn_password_validator",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    # Only for its catalogue: Wagtail's workflow status line says when with humanize's
    # naturaltime ("Sendt til … nå"), whose Norwegian comes with the installed app.
    "django.contrib.humanize",
]
if USING_POSTGRES:
    INSTALLED_APPS.append("django.contrib.postgres")

MIDDLEWARE = [
    "site_core.request_log.RequestLogMiddleware",
    # Outside everything that adds cookies, so its public/private decision sees them all.
    "site_core.http_caching.CacheControlMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    # Content-Security-Policy (site_core/csp.py): strict for the site, its own for the admin.
    "site_core.csp.SiteCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads content: kept fragments are named by what was current then.
    "site_core.fragment_cache.ContentVersionMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "site_core.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Wagtail's redirects with the language prefix optional (site_core/redirects.py).
    "site_core.redirects.LocalizedRedirectMiddleware",
    # Turns a storage failure during an upload into a 503 page (nothing saved).
    "site_core.storage_errors.StorageErrorMiddleware",
    # So that a lock-out answers before any view runs.
    "axes.middleware.AxesMiddleware",
    # Innermost: with DEBUG on, the site's 404 and 500 pages, passed out through the rest.
    "site_core.error_pages.DesignedErrorPagesMiddleware",
]
# With DEBUG on, Django's technical 404 and traceback pages instead of the site's own
# (site_core/error_pages.py): environment DEBUG_ERROR_PAGES=1.
DEBUG_ERROR_PAGES = env_bool("DEBUG_ERROR_PAGES")

ROOT_URLCONF = "site_core.urls"
WSGI_APPLICATION = "site_core.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

AUTHENTICATION_BACKENDS = [
    # django-axes must come first so that a locked-out login never reaches the others.
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, its permissions in one query (site_core/auth_backends.py).
    "site_core.auth_backends.OneQueryModelBackend",
    # Members log in on the site with their e-mail address.
    "intranet.backends.EmailBackend",
]

# The member login page, per language (/nb/logg-inn/, /en/login/).
LOGIN_URL = "login"
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Strength estimated by zxcvbn (English dictionaries, keyboard patterns, repeats) plus
    # Norwegian words and names, so "passord12345" or "qwertyuiopas" is refused; its
    # messages are translated (the package ships nb).
    {"NAME": "django_zxcvbn_password_validator.ZxcvbnPasswordValidator"},
]
# zxcvbn's score from 0 to 4: 4 is "very unguessable" (10^10 guesses or more); 3 still
# let "sommer2026!!" through.
PASSWORD_MINIMAL_STRENGTH = 4
PASSWORD_EXTRA_DICTIONARY = [
    variant
    for word in (PROJECT_DIR / "passwords" / "norwegian.txt").read_text("utf-8").splitlines()
    if word.strip() and not word.startswith("#")
    # Also as typed on a keyboard without æ, ø, å: "kjaerlighet", "bjorn", "pa".
    for variant in {
        word.strip(),
        word.strip().replace("æ", "ae").replace("ø", "o").replace("å", "a"),
        word.strip().replace("æ", "ae").replace("ø", "oe").replace("å", "aa"),
    }
]

# Login throttling: 5 failures per account and address lock for 15 minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Count failures per address case-insensitively (members log in with their e-mail).
AXES_USERNAME_CALLABLE = "intranet.accounts.axes_username"
# The client's address behind the proxies in TRUSTED_PROXIES (addresses or networks,
# comma-separated; empty: trust no X-Forwarded-For). The membership form's rate limit uses
# the same function (site_core/client_address.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")
for _proxy in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_proxy, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"TRUSTED_PROXIES: {_proxy!r} is not an IP address or network ({exc})."
        ) from exc
AXES_CLIENT_IP_CALLABLE = "site_core.client_address.client_ip"

# Sessions last two weeks unless the visitor opts out of "remember me".
SESSION_COOKIE_AGE = 14 * 24 * 60 * 60
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

# Languages: Norwegian bokmål is the source language, English its translation.
LANGUAGE_CODE = "nb"
LANGUAGES = [("nb", "Norsk bokmål"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# locale/: our own strings (`make messages`); locale_upstream/: Norwegian that Wagtail's and
# wagtail-localize's own catalogues lack (site_core/upstream_catalogues.py). The first wins.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_upstream"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Oslo"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_URL = "/static/"
# Uploaded files: images in MEDIA_ROOT (served only through the app's checked image
# view at MEDIA_URL), document files in PRIVATE_MEDIA_ROOT (no URL; the document view
# streams them). With AWS_STORAGE_BUCKET_NAME both go to S3. See site_core/storages.py.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
MEDIA_URL = "/media/"

S3_VARIABLES = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
LOCAL_UPLOAD_STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "site_core.storages.PrivateFileSystemStorage"},
}


def upload_storages_from_env():
    """STORAGES entries for uploads: local folders, or one private S3 bucket.

    With AWS_STORAGE_BUCKET_NAME set, images go to its `media/` prefix and document
    files to `private/`; AWS_S3_ENDPOINT_URL points at an S3-compatible store,
    AWS_S3_REGION_NAME names the region. Raises ImproperlyConfigured, naming the
    variable, when the bucket is set without credentials or the endpoint is no URL.
    """
    bucket = os.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
    if not bucket:
        return LOCAL_UPLOAD_STORAGES
    missing = [name for name in S3_VARIABLES if not os.environ.get(name, "").strip()]
    if missing:
        raise ImproperlyConfigured(
            f"AWS_STORAGE_BUCKET_NAME is set but {', '.join(missing)} is not: "
            "set the bucket's credentials, or unset AWS_STORAGE_BUCKET_NAME for local files."
        )
    endpoint = os.environ.get("AWS_S3_ENDPOINT_URL", "").strip() or None
    if endpoint and not endpoint.startswith(("http://", "https://")):
        raise ImproperlyConfigured(f"AWS_S3_ENDPOINT_URL must be an http(s) URL, not {endpoint!r}.")
    options = {
        "bucket_name": bucket,
        "endpoint_url": endpoint,
        "region_name": os.environ.get("AWS_S3_REGION_NAME", "").strip() or None,
        # Path-style addressing works with every S3-compatible store.
        "addressing_style": "path" if endpoint else None,
        # Nothing in the bucket is readable without credentials.
        "default_acl": "private",
        "file_overwrite": False,
        # Fail fast when the store is unreachable, so an upload gets its error page.
        "client_config": BotoConfig(
            connect_timeout=5, read_timeout=30, retries={"max_attempts": 3, "mode": "standard"}
        ),
    }
    return {
        "default": {
            "BACKEND": "site_core.storages.MediaS3Storage",
            "OPTIONS": {**options, "location": "media"},
        },
        "private": {
            "BACKEND": "site_core.storages.PrivateS3Storage",
            "OPTIONS": {**options, "location": "private"},
        },
    }


STORAGES = {
    **upload_storages_from_env(),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": "nrc",
        }
    }

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
# The brand, written once; site_core.brand gives its forms ("Norwegian Rooms®", ...).
SITE_BRAND = "Norwegian Rooms"
WAGTAIL_SITE_NAME = f"{SITE_BRAND}® Cluster"
WAGTAILADMIN_BASE_URL = os.environ.get(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
)
# Wagtail's database backend; on PostgreSQL it also stores every page's stemmed vector for the
# public search (site_core.search_backend).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "site_core.search_backend"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No avatars from Gravatar: it would send a hash of each editor's e-mail to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Documents are always served through Django so that collection privacy is
# checked on every download; there is no guessable public file URL.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Its files live in the private storage, which has no URL (site_core/models.py).
WAGTAILDOCS_DOCUMENT_MODEL = "site_core.PrivateDocument"
# Collection choices say which are members-only or project-only (intranet/uploads.py).
WAGTAILDOCS_DOCUMENT_FORM_BASE = "intranet.uploads.DocumentForm"
WAGTAILIMAGES_IMAGE_FORM_BASE = "intranet.uploads.ImageForm"
WAGTAILDOCS_EXTENSIONS = [
    "pdf", "doc", "docx", "odt", "rtf", "txt", "csv", "xls", "xlsx", "ods",
    "ppt", "pptx", "odp", "png", "jpg", "jpeg", "webp",
]  # fmt: skip
WAGTAILDOCS_MAX_UPLOAD_SIZE = 50 * 1024 * 1024
# What a member may upload to a project space from the intranet (intranet/files.py).
INTRANET_UPLOAD_MAX_BYTES = int(os.environ.get("INTRANET_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))
# The ClamAV daemon that checks those uploads: unset, they are not scanned.
CLAMD_TCP_ADDR = os.environ.get("CLAMD_TCP_ADDR", "")
CLAMD_TCP_PORT = int(os.environ.get("CLAMD_TCP_PORT", 3310))
CLAMD_TIMEOUT = float(os.environ.get("CLAMD_TIMEOUT", 30))
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"gif": "webp", "bmp": "webp", "tiff": "webp"}

# A new translation of a live page starts as a draft in its language (not listed, searched,
# in the sitemap or the language switcher) until an editor publishes it there; by default
# wagtail-localize would publish the untranslated Norwegian text on the English site at once.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Machine translation: DeepL when a key is configured, otherwise an offline
# translator so development, tests and the demo never call the network.
if os.environ.get("DEEPL_AUTH_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "site_core.machine_translation.DeepLTranslator",
        "OPTIONS": {
            "AUTH_KEY": os.environ["DEEPL_AUTH_KEY"],
            "FORMALITY": "default",
        },
    }
else:
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "site_core.machine_translation.OfflineTranslator",
    }

# Background jobs (docs/decisions.md, "Background jobs"): rows in the database, run by the
# worker process (`manage.py run_worker`, the Procfile's `worker`). Wagtail's own jobs
# (reference index, focal points, file deletion, front-cache purges) run there too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Recurring jobs, enqueued by the worker's scheduler (site_core/scheduler.py), each due run
# exactly once however many workers run. "every_minutes": N, or "daily_at": "HH:MM" in
# TIME_ZONE (Europe/Oslo, summer time included); "also_due": a function giving times from
# the data (a page's go-live time: published within a 10-second tick of it, not up to a
# minute later). A run missed while no worker ran happens once, when one is back.
SCHEDULE = {
    "publish-scheduled-pages": {
        "task": "site_core.tasks.publish_scheduled_pages",
        "every_minutes": 1,
        "also_due": "site_core.tasks.latest_go_live_or_expiry",
    },
    "member-digest": {"task": "intranet.tasks.send_member_digest", "daily_at": "06:15"},
    "prune-job-results": {"task": "site_core.tasks.prune_job_results", "daily_at": "03:30"},
    "delete-expired-personal-data": {
        "task": "site_core.tasks.delete_expired_personal_data",
        "daily_at": "03:45",
    },
}

# How long membership applications and ended newsletter sign-ups are kept (calendar
# months; site_core/personal_data.py, README "Personal data"). The privacy statement
# states the same period: change both together.
PERSONAL_DATA_RETENTION_MONTHS = int(os.environ.get("PERSONAL_DATA_RETENTION_MONTHS", 24))

# Every e-mail is queued (site_core/queued_mail.py) and sent by the worker through
# EMAIL_DELIVERY_BACKEND: the console here, SMTP in production, memory in tests.
EMAIL_BACKEND = "site_core.queued_mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Norwegian Rooms <post@example.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "site_core": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # One record per request; production turns it on, as JSON (settings/production.py).
        "site_core.requests": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "home": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "intranet": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

# The policy of every public and intranet page: our own files only, no inline script or
# style without the request's nonce, no plugins, no framing, forms to us. The admin adds
# what Wagtail needs (site_core/csp.py, ADMIN_OVERRIDES).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# No page of ours uses these browser features; nothing embedded may either.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer", "autoplay", "camera", "display-capture", "geolocation",
        "gyroscope", "magnetometer", "microphone", "midi", "payment", "usb",
    )
}  # fmt: skip

# The snippet the base template shows as footer (site_core's {% site_footer %}).
SITE_FOOTER_MODEL = "home.Footer"

# Our own per-language date formats where Django's default does not suit.
FORMAT_MODULE_PATH = ["site_core.formats"]

# Seconds a page's head, header, body and footer are kept in the cache
# (site_core.fragment_cache); 0: off. Only with a cache every process shares: a publish
# in one (the worker's scheduled publishing) must reach them all, which the per-process
# memory cache cannot do.
FRAGMENT_CACHE_SECONDS = 3600 if os.environ.get("REDIS_URL") else 0

# Lifetimes (seconds) of a public response (site_core/http_caching.py): browsers keep it
# a minute; the front cache an hour, because publishing purges it there; on an app or
# database failure the front cache may serve its copy for a day (RFC 5861).
HTTP_CACHE = {
    "MAX_AGE": int(os.environ.get("HTTP_CACHE_MAX_AGE", 60)),
    "S_MAXAGE": int(os.environ.get("HTTP_CACHE_S_MAXAGE", 3600)),
    "STALE_WHILE_REVALIDATE": 30,
    "STALE_IF_ERROR": 24 * 60 * 60,
}

# The front cache to purge when content changes (site_core/cache_purge.py): Varnish's
# address, e.g. http://127.0.0.1:6081. Unset: nothing is purged (no front cache).
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }
# Purge exactly the URLs site_core.cache_purge names: translations have their own slugs,
# so Wagtail's default of swapping the language prefix would purge addresses that don't exist.
WAGTAILFRONTENDCACHE_LANGUAGES = []
