"""Fixtures for the public-site tests."""

import pytest


@pytest.fixture
def site(demo):
    """The bilingual demo content (the root conftest loads it once per run)."""
