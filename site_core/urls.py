from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from site_core import views
from site_core.health import HealthView
from site_core.media_views import serve_image_file
from site_core.search import search_view
from site_core.sitemap import LocalizedSitemap

urlpatterns = [
    path("", views.root_redirect, name="root_redirect"),
    # Before Wagtail's admin: the choosers that default uploads to the edited section.
    path("", include("intranet.admin_urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Every image file, in every environment, through the privacy check (no static serving).
    path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_image_file, name="media"),
    path("healthz/", HealthView.as_view(), name="healthz"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": LocalizedSitemap}}, name="sitemap"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="site_core/robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

# Every public page lives under /nb/ or /en/; Wagtail's catch-all comes last.
urlpatterns += i18n_patterns(
    path(_("search/"), search_view, name="search"),
    path("", include("intranet.urls")),
    path("", include("home.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
handler500 = "site_core.outage.server_error"
