"""Intranet fixtures: demo users by role, and helpers to read any response's bytes."""

import pytest
from django.contrib.auth import get_user_model
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
