"""Keep the cached footer in step with the published footers and the page tree, and give
an event's new places to its waiting list when the event is published with more of them."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import event_registrations
from home.models.events import EventPage
from home.models.footer import Footer, clear_footer_cache
from site_core.snippet_drafts import changes_what_visitors_see


def footer_changed(instance, update_fields=None, **kwargs):
    """A footer saved or deleted: the cached footers go, unless it was a draft's save
    (visitors see the published footer only)."""
    if changes_what_visitors_see(instance, update_fields):
        clear_footer_cache()


def event_published(instance, **kwargs):
    """An event published (perhaps with more places, or none): the waiting list moves up
    into the free places, each promoted person told by e-mail."""
    if instance.registration_open:
        event_registrations.promote_into_free_places(instance)


def connect():
    post_save.connect(footer_changed, sender=Footer, dispatch_uid="footer-saved")
    post_delete.connect(footer_changed, sender=Footer, dispatch_uid="footer-deleted")
    page_published.connect(clear_footer_cache, dispatch_uid="footer-page-published")
    page_unpublished.connect(clear_footer_cache, dispatch_uid="footer-page-unpublished")
    post_page_move.connect(clear_footer_cache, dispatch_uid="footer-page-moved")
    post_delete.connect(clear_footer_cache, sender=Page, dispatch_uid="footer-page-deleted")
    page_published.connect(event_published, sender=EventPage, dispatch_uid="event-published")
