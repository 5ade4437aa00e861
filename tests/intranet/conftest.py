"""Intranet fixtures: demo users by role, and helpers to read any response's bytes."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import TestCase
from wagtail.documents import get_document_model

from intranet.demo import PROJECT_A_CODE_NAME

SECRET = PROJECT_A_CODE_NAME

# Role -> demo username (None: not logged in).
ROLES = {
    "anonymous": None,
    "member": "medlem",
    "member_a": "sirkel",
    "member_b": "eksport",
    "editor": "redaktor",
    "admin": "admin",
}


def body_of(response):
    """The whole body, streamed (documents) or not."""
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def without_query_echo(body, query):
    """The body minus the places a search page repeats the visitor's own query."""
    for echo in (f'value="{query}"', f"“{query}”", f"«{query}»"):
        body = body.replace(echo.encode(), b"")
    return body


def document_url(title):
    return get_document_model().objects.get(title=title).url


@pytest.fixture(scope="module")
def module_demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once per test module and rolled back after it.

    Like Django's setUpTestData: an outer transaction holds the demo; each test
    runs in a savepoint inside it. Seeding per test would make the access
    matrix (about a hundred cases) take minutes.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with TestCase.captureOnCommitCallbacks(execute=True):
                call_command("seed_demo", verbosity=0)
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(module_demo, db):
    """Overrides the root `demo` fixture with the module-wide one."""


@pytest.fixture
def login_as(client):
    """Log the client in as a demo role; returns the user (None for anonymous)."""

    def login(role):
        username = ROLES[role]
        if username is None:
            return None
        user = get_user_model().objects.get(username=username)
        client.force_login(user)
        return user

    return login
