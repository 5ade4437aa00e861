"""A URLconf for the error-page tests: the site's own, plus a view that fails."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from site_core.urls import urlpatterns as site_urlpatterns


def broken(request):
    raise RuntimeError("the database caught fire (test)")


urlpatterns = i18n_patterns(path("broken/", broken)) + site_urlpatterns
