"""Intranet test helpers: the secret word of project A, search echoes, document URLs, and
the factory-built intranet a module's tests share."""

import pytest
from wagtail.documents import get_document_model

from intranet.demo import PROJECT_A_CODE_NAME
from tests.conftest import ROLES, body_of  # noqa: F401 - re-exported for the intranet tests

SECRET = PROJECT_A_CODE_NAME


def without_query_echo(body, query):
    """The body minus the places a search page repeats the visitor's own query."""
    for echo in (f'value="{query}"', f"“{query}”", f"«{query}»"):
        body = body.replace(echo.encode(), b"")
    return body


def document_url(title):
    return get_document_model().objects.get(title=title).url


@pytest.fixture(scope="session")
def clamd_server():
    """(host, port) of a ClamAV daemon that knows the EICAR test file (tests.intranet.clamav)."""
    from .clamav import running_clamd

    with running_clamd() as address:
        yield address


@pytest.fixture
def virus_scanner(settings, clamd_server):
    """Uploads are scanned by the test's ClamAV daemon."""
    settings.CLAMD_TCP_ADDR, settings.CLAMD_TCP_PORT = clamd_server
