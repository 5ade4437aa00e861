"""Django's model backend, with a user's permissions read in one query instead of two.

Every page asks whether the visitor may use the admin (Wagtail's user bar); for a logged-in
member Django's ModelBackend reads the user's own permissions and their groups'
permissions in two queries. Intranet pages have a budget of 30 queries
(tests/intranet/test_query_budget.py), and this is the cheapest one to give back. The
answer is the same set, cached on the user object for the request as Django caches it
(`_perm_cache`).
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Q


class OneQueryModelBackend(ModelBackend):
    """ModelBackend whose get_all_permissions(user) reads the user's and their groups'
    permissions together: a set of "app_label.codename" strings, empty for an inactive or
    anonymous user or an object permission (as Django's)."""

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            permissions = Permission.objects.all()
            if not user_obj.is_superuser:
                permissions = permissions.filter(Q(user=user_obj) | Q(group__user=user_obj))
            user_obj._perm_cache = {
                f"{app_label}.{codename}"
                for app_label, codename in permissions.values_list(
                    "content_type__app_label", "codename"
                ).distinct()
            }
        return user_obj._perm_cache
