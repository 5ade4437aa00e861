"""Shared fixtures: the demo content, loaded once per test through the real command."""

import pytest
from django.core.management import call_command


@pytest.fixture
def demo(db, django_capture_on_commit_callbacks):
    """The full bilingual demo content and demo users, as `make run` loads them.

    wagtail-localize publishes translations in on_commit callbacks, which the
    test transaction would otherwise never run.
    """
    with django_capture_on_commit_callbacks(execute=True):
        call_command("seed_demo", verbosity=0)
