"""The brand name in templates, from settings.SITE_BRAND (works without a request, so in
the 500 page and e-mails too)."""

from django import template

from site_core.brand import brand_name

register = template.Library()


@register.simple_tag
def brand(form="mark"):
    """The brand: "mark" -> "Norwegian Rooms®", "name" -> "Norwegian Rooms",
    "organisation" -> "Norwegian Rooms® Cluster", "kind" -> "Cluster"
    (site_core.brand.brand_name)."""
    return brand_name(form)
