from django.contrib.auth import get_user_model

from site_core.auth_backends import OneQueryModelBackend


class EmailBackend(OneQueryModelBackend):
    """Log in with an e-mail address (case-insensitive) instead of a username.

    Runs after django-axes' backend, so a locked-out address never gets here.
    An address shared by two accounts logs in neither.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if not username or password is None:
            return None
        users = list(get_user_model().objects.filter(email__iexact=username.strip())[:2])
        if len(users) != 1:
            get_user_model()().set_password(password)  # same timing as a real check
            return None
        user = users[0]
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
