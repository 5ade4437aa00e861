"""A user's permissions in one query (site_core.auth_backends), the same as Django's."""

import pytest
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from site_core.auth_backends import OneQueryModelBackend
from tests.factories import AdminFactory, UserFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_the_same_permissions_as_djangos_in_one_query():
    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
    group = Group.objects.create(name="Testers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)

    expected = ModelBackend().get_all_permissions(fresh(user))
    user = fresh(user)
    with CaptureQueriesContext(connection) as queries:
        found = OneQueryModelBackend().get_all_permissions(user)
        assert OneQueryModelBackend().has_perm(user, "wagtailadmin.access_admin")
    assert found == expected == {"site_core.manage_personal_data", "wagtailadmin.access_admin"}
    assert len(queries) == 1


def test_superusers_have_every_permission_and_inactive_users_none():
    admin = AdminFactory()
    assert OneQueryModelBackend().get_all_permissions(fresh(admin)) == (
        ModelBackend().get_all_permissions(fresh(admin))
    )
    inactive = UserFactory(is_active=False)
    inactive.user_permissions.add(Permission.objects.get(codename="manage_personal_data"))
    assert OneQueryModelBackend().get_all_permissions(fresh(inactive)) == set()
