"""The client's address: from X-Forwarded-For only behind a trusted proxy, one rule for the
login lockout and the membership form's rate limit."""

import logging

import pytest
from django.test import RequestFactory

from site_core.client_address import client_ip
from tests.factories import PASSWORD, UserFactory, as_committed
from tests.home.factories import membership_page
from tests.site_core.test_settings import FULL_PRODUCTION_ENV, run_manage

PROXY = "10.0.0.5"


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


@pytest.mark.parametrize(
    ("trusted", "remote", "forwarded", "expected"),
    [
        ([], "198.51.100.7", "203.0.113.9", "198.51.100.7"),  # no proxy trusted: header ignored
        ([PROXY], "198.51.100.7", "203.0.113.9", "198.51.100.7"),  # not from the proxy
        ([PROXY], PROXY, "203.0.113.9", "203.0.113.9"),  # from the proxy
        ([PROXY], PROXY, "1.2.3.4, 203.0.113.9", "203.0.113.9"),  # a spoofed left entry
        (["10.0.0.0/24"], PROXY, "203.0.113.9, 10.0.0.7", "203.0.113.9"),  # two proxies
        ([PROXY], PROXY, None, PROXY),  # the proxy itself, no header
        ([PROXY], PROXY, "2001:db8::1", "2001:db8::1"),
        # Whatever the client wrote to the left of its own address is never read.
        ([PROXY], PROXY, "garbage, 203.0.113.9", "203.0.113.9"),
        (["10.0.0.0/24"], PROXY, "junk, 203.0.113.9, 10.0.0.7", "203.0.113.9"),
    ],
)
def test_forwarded_address_is_read_only_from_a_trusted_proxy(
    settings, trusted, remote, forwarded, expected
):
    settings.TRUSTED_PROXIES = trusted
    assert client_ip(request_from(remote, forwarded)) == expected


@pytest.mark.parametrize(
    "header", ["not-an-ip", "203.0.113.9, <script>", ",,", "999.1.1.1", "fe80::1%eth0"]
)
def test_a_malformed_header_falls_back_to_the_connection_and_is_logged_once(
    settings, caplog, header
):
    settings.TRUSTED_PROXIES = [PROXY]
    caplog.set_level(logging.WARNING, logger="site_core")
    assert client_ip(request_from(PROXY, header)) == PROXY
    assert client_ip(request_from(PROXY, header)) == PROXY
    assert caplog.text.count("malformed X-Forwarded-For") == 1


def test_a_bad_trusted_proxy_setting_stops_start_up_naming_it():
    result = run_manage("check", **FULL_PRODUCTION_ENV, TRUSTED_PROXIES="10.0.0.5,proxy.local")
    assert result.returncode != 0
    assert "TRUSTED_PROXIES" in result.stderr.splitlines()[-1]


@pytest.mark.django_db
def test_behind_the_proxy_one_visitor_cannot_lock_out_another(client, settings, shared_bilingual):
    settings.TRUSTED_PROXIES = [PROXY]
    member = UserFactory(groups=["Members"])
    for _ in range(5):
        client.post(
            "/nb/logg-inn/",
            {"username": member.email, "password": "wrong"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    other_visitor = client.post(
        "/nb/logg-inn/",
        {"username": member.email, "password": PASSWORD},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR="198.51.100.20",
    )
    assert other_visitor.status_code == 302  # the attacker's address is locked, not the proxy's


@pytest.mark.django_db
def test_behind_the_proxy_the_membership_limit_counts_each_visitor(
    client, settings, shared_bilingual
):
    from tests.home.test_membership import VALID

    with as_committed():
        NB = membership_page(shared_bilingual).nb.url
    settings.TRUSTED_PROXIES = [PROXY]
    for _ in range(3):
        client.post(NB, VALID, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    limited = client.post(NB, VALID, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.66")
    assert limited.status_code == 429
    other = client.post(NB, VALID, REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.20")
    assert other.status_code == 200


def test_the_memory_of_logged_headers_is_bounded(settings):
    from site_core import client_address

    settings.TRUSTED_PROXIES = [PROXY]
    for number in range(client_address.WARNINGS_REMEMBERED * 3):
        client_ip(request_from(PROXY, f"junk-{number}"))
    assert len(client_address._warned_about) <= client_address.WARNINGS_REMEMBERED
