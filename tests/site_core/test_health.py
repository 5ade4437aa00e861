"""`/healthz/`, storage configuration errors, Sentry and the structured request log."""

import json
import logging
import runpy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import override_settings
from moto.server import ThreadedMotoServer
from wagtail.models import Page, Site

from site_core.request_log import strip_query_string
from site_core.settings.base import upload_storages_from_env
from tests.site_core.test_settings import FULL_PRODUCTION_ENV, run_manage

pytestmark = pytest.mark.django_db

S3_ENV = {
    "AWS_STORAGE_BUCKET_NAME": "norwegian-rooms-test",
    "AWS_ACCESS_KEY_ID": "test-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret",
    "AWS_S3_REGION_NAME": "eu-north-1",
}


@pytest.fixture(autouse=True)
def upload_folders(settings):
    """The storage folders exist, as a deployment makes them (nothing uploaded yet)."""
    for folder in (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT):
        Path(folder).mkdir(parents=True, exist_ok=True)


def test_healthz_answers_ok_when_everything_answers(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_is_503_without_details_when_the_private_storage_fails(client, monkeypatch, caplog):
    def refuse(name, content):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(storages["private"], "_save", refuse)
    response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "PRIVATE_MEDIA_ROOT" in caplog.text
    assert "PermissionError" in caplog.text


def test_healthz_is_503_when_a_local_storage_folder_is_missing(client, settings, tmp_path, caplog):
    from django.core.files.storage import FileSystemStorage

    missing = FileSystemStorage(location=tmp_path / "unmounted")
    private = storages["private"]
    try:
        storages._storages["private"] = missing
        response = client.get("/healthz/")
    finally:
        storages._storages["private"] = private
    assert response.status_code == 503
    assert "unmounted is missing" in caplog.text
    assert not (tmp_path / "unmounted").exists(), "the probe must not create the folder"


def test_healthz_leaves_no_probe_folder_behind(client):
    assert client.get("/healthz/").status_code == 200
    for alias in ("default", "private"):
        assert not storages[alias].exists("health_check_storage_test")


@pytest.fixture
def s3_env(monkeypatch):
    def use(**overrides):
        for name, value in {**S3_ENV, **overrides}.items():
            monkeypatch.setenv(name, value)
        return override_settings(STORAGES=upload_storages_from_env())

    return use


def test_healthz_names_the_variables_when_the_endpoint_is_unreachable(client, s3_env, caplog):
    with s3_env(AWS_S3_ENDPOINT_URL="http://127.0.0.1:9"):
        response = client.get("/healthz/")
    assert response.status_code == 503
    assert response.content == b"unavailable\n"
    assert "AWS_S3_ENDPOINT_URL" in caplog.text
    assert "AWS_STORAGE_BUCKET_NAME" in caplog.text


def test_healthz_fails_for_a_missing_bucket_and_passes_once_it_exists(client, s3_env, caplog):
    import boto3

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        with s3_env(AWS_S3_ENDPOINT_URL=endpoint):
            missing = client.get("/healthz/")
            assert missing.status_code == 503
            assert "AWS_STORAGE_BUCKET_NAME" in caplog.text
            boto3.client(
                "s3",
                endpoint_url=endpoint,
                aws_access_key_id="test-key",
                aws_secret_access_key="test-secret",
                region_name="eu-north-1",
            ).create_bucket(
                Bucket=S3_ENV["AWS_STORAGE_BUCKET_NAME"],
                CreateBucketConfiguration={"LocationConstraint": "eu-north-1"},
            )
            assert client.get("/healthz/").status_code == 200
    finally:
        server.stop()


def test_healthz_fails_with_wrong_credentials(client, s3_env, caplog, monkeypatch):
    import boto3
    from moto import settings as moto_settings
    from moto.core.authorization import ActionAuthenticatorMixin

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        endpoint = f"http://{host}:{port}"
        # moto checks credentials once this many unauthenticated calls are used up: one, to
        # create the bucket; from then on unknown keys are refused as by S3.
        monkeypatch.setattr(moto_settings, "INITIAL_NO_AUTH_ACTION_COUNT", 1)
        monkeypatch.setattr(ActionAuthenticatorMixin, "request_count", 0)
        boto3.client(
            "s3", endpoint_url=endpoint, aws_access_key_id="x", aws_secret_access_key="y",
            region_name="us-east-1",
        ).create_bucket(Bucket="nrc-wrong-keys")  # fmt: skip
        with s3_env(
            AWS_STORAGE_BUCKET_NAME="nrc-wrong-keys",
            AWS_S3_ENDPOINT_URL=endpoint,
            AWS_S3_REGION_NAME="us-east-1",
        ):
            response = client.get("/healthz/")
        assert response.status_code == 503
        assert response.content == b"unavailable\n"
        assert "AWS_ACCESS_KEY_ID" in caplog.text
    finally:
        server.stop()


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"AWS_STORAGE_BUCKET_NAME": "b"}, "AWS_ACCESS_KEY_ID"),
        ({**S3_ENV, "AWS_SECRET_ACCESS_KEY": ""}, "AWS_SECRET_ACCESS_KEY"),
        ({**S3_ENV, "AWS_S3_ENDPOINT_URL": "127.0.0.1:9000"}, "AWS_S3_ENDPOINT_URL"),
    ],
)
def test_bad_object_storage_settings_stop_start_up_naming_the_variable(env, named):
    result = run_manage("check", **FULL_PRODUCTION_ENV, **env)
    assert result.returncode != 0
    assert named in result.stderr.splitlines()[-1]


def test_check_deploy_is_clean_with_object_storage():
    env = {**FULL_PRODUCTION_ENV, **S3_ENV, "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000"}
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_sentry_is_on_with_a_dsn_and_sends_no_personal_data():
    script = (
        "import sentry_sdk; client = sentry_sdk.get_client(); "
        "print(client.is_active(), client.options['send_default_pii'])"
    )
    env = {**FULL_PRODUCTION_ENV, "SENTRY_DSN": "http://public@127.0.0.1:9/1"}
    result = run_manage("shell", "-c", script, **env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].split() == ["True", "False"]
    without = run_manage("shell", "-c", script, **FULL_PRODUCTION_ENV)
    assert without.stdout.splitlines()[-1].split()[0] == "False"


def test_production_logs_one_json_line_per_request():
    script = (
        "from django.test import Client; "
        "Client(HTTP_X_FORWARDED_PROTO='https').get('/healthz/', HTTP_HOST='www.example.no')"
    )
    result = run_manage("shell", "-c", script, **FULL_PRODUCTION_ENV)
    records = [json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    request = next(r for r in records if r.get("path") == "/healthz/")
    assert request["method"] == "GET"
    assert request["status"] in (200, 503)
    assert request["duration_ms"] >= 0
    assert request["authenticated"] is False


def test_production_logs_no_query_string(client):
    # The personal-data search takes the address in its query string; only the path is
    # logged: gunicorn keeps no access log of its own, the app logs request.path, and
    # Django's records of error responses name the request by its path.
    config = runpy.run_path(str(Path(settings.BASE_DIR) / "gunicorn.conf.py"))
    assert config["accesslog"] is None
    script = (
        "from django.test import Client; "
        "Client(HTTP_X_FORWARDED_PROTO='https').get("
        "'/healthz/?email=kari%40example.no', HTTP_HOST='www.example.no')"
    )
    result = run_manage("shell", "-c", script, **FULL_PRODUCTION_ENV)
    assert '"path": "/healthz/"' in result.stderr
    assert "kari" not in result.stderr  # nor in Django's own record of a 503


def test_error_reports_carry_no_query_string():
    event = {"request": {"url": "https://www.example.no/admin/personal-data/?email=kari%40x.no",
                         "query_string": "email=kari%40x.no", "method": "GET"}}  # fmt: skip
    assert strip_query_string(event, {}) == {
        "request": {"url": "https://www.example.no/admin/personal-data/", "method": "GET"}
    }


def test_request_log_is_quiet_outside_production(client, caplog):
    caplog.set_level(logging.INFO)
    client.get("/healthz/")
    assert not [r for r in caplog.records if r.name == "site_core.requests"]


def test_seed_demo_points_the_site_at_the_port_it_is_served_on(demo):
    call_command("seed_demo", port=8123, verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    home = Page.objects.get(pk=site.root_page_id)
    assert home.full_url.startswith("http://127.0.0.1:8123/")
