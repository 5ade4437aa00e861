"""Breadcrumbs: the trail from the language's home page to the page shown, as a list of
links and as schema.org BreadcrumbList data (JSON-LD) for search engines."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

# JSON in a <script> element must not close it: "<", ">" and "&" as \u escapes (as
# Django's json_script does), so a title like "</script>" stays data.
_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def trail(page, request, last=None):
    """[(title, absolute URL), ...] from the language's home page to `page`, then `last`
    ((title, URL) of a view under the page, such as a company page) if given."""
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gt=1).specific(defer=True)
    items = [(crumb.title, crumb.get_full_url(request)) for crumb in ancestors]
    if last is not None:
        items.append(last)
    return items


@register.inclusion_tag("home/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, last_title=None, last_url=None):
    """A <nav> of the trail to the context's page (the page itself marked current), and
    its BreadcrumbList JSON-LD (https://schema.org/BreadcrumbList): a data block, which
    the Content-Security-Policy does not treat as script."""
    request = context["request"]
    last = (last_title, last_url) if last_title else None
    items = trail(context["page"], request, last)
    data = {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": number, "name": str(title), "item": url}
            for number, (title, url) in enumerate(items, start=1)
        ],
    }
    json_ld = json.dumps(data, ensure_ascii=False).translate(_SCRIPT_ESCAPES)
    return {"items": items, "json_ld": mark_safe(json_ld)}  # noqa: S308 - escaped above
