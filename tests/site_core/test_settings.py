"""Settings that decide whether the site starts at all: production and DATABASE_URL."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
FULL_PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "site_core.settings.production",
    "SECRET_KEY": secrets.token_urlsafe(64),
    "ALLOWED_HOSTS": "www.example.no",
    "CSRF_TRUSTED_ORIGINS": "https://www.example.no",
    "EMAIL_HOST": "smtp.example.no",
}


def run_manage(*args, **env_overrides):
    env = {k: v for k, v in os.environ.items() if k not in FULL_PRODUCTION_ENV}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "secret", [None, "", "django-insecure-" + "a1b2c3" * 10, "short", "x9" * 40]
)
def test_production_refuses_to_start_without_a_real_secret_key(secret):
    env = dict(FULL_PRODUCTION_ENV)
    env.pop("SECRET_KEY")
    if secret is not None:
        env["SECRET_KEY"] = secret
    result = run_manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_check_deploy_has_no_warnings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **FULL_PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "WARNINGS" not in result.stderr
    assert "no issues" in result.stdout


def test_unparseable_database_url_names_the_variable():
    result = run_manage("check", DATABASE_URL="nonsense://::what")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr.splitlines()[-1]


@pytest.mark.parametrize(
    ("key", "offered"), [(None, "None"), ("deepl-test-key:fx", "DeepLTranslator")]
)
def test_production_offers_deepl_or_no_machine_translator(key, offered):
    """The offline glossary translator is for development: its drafts mix the languages."""
    script = (
        "from wagtail_localize.machine_translators import get_machine_translator; "
        "print(type(get_machine_translator()).__name__ if get_machine_translator() else None)"
    )
    env = {**FULL_PRODUCTION_ENV, **({"DEEPL_AUTH_KEY": key} if key else {})}
    result = run_manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == offered
