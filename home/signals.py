"""Keep the cached footer in step with the published footers and the page tree."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.models.footer import Footer, clear_footer_cache
from site_core.snippet_drafts import changes_what_visitors_see


def footer_changed(instance, update_fields=None, **kwargs):
    """A footer saved or deleted: the cached footers go, unless it was a draft's save
    (visitors see the published footer only)."""
    if changes_what_visitors_see(instance, update_fields):
        clear_footer_cache()


def connect():
    post_save.connect(footer_changed, sender=Footer, dispatch_uid="footer-saved")
    post_delete.connect(footer_changed, sender=Footer, dispatch_uid="footer-deleted")
    page_published.connect(clear_footer_cache, dispatch_uid="footer-page-published")
    page_unpublished.connect(clear_footer_cache, dispatch_uid="footer-page-unpublished")
    post_page_move.connect(clear_footer_cache, dispatch_uid="footer-page-moved")
    post_delete.connect(clear_footer_cache, sender=Page, dispatch_uid="footer-page-deleted")
