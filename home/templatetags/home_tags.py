"""Template tags for the public site's shared parts."""

from django import template

from home.listing import query_string
from home.models import Footer

register = template.Library()


@register.inclusion_tag("home/includes/footer_content.html")
def site_footer():
    """The footer snippet of the visitor's language (cached)."""
    return {"footer": Footer.cached_for_active_language()}


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with `changes` applied (keeps filters across pages)."""
    return query_string(context["request"], **changes)
