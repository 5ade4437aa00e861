"""Admin URLs the intranet answers in place of Wagtail's: the document and image choosers,
so that uploads from an intranet page's editor default to its section (intranet.uploads)."""

from intranet.uploads import chooser_urlpatterns

urlpatterns = chooser_urlpatterns()
