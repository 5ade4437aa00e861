"""`{% fragment_cache "name" %}…{% endfragment_cache %}`: a fragment of a page kept in the
shared cache until content changes (site_core.fragment_cache)."""

from django import template
from django.conf import settings
from django.core.cache import cache

from site_core.fragment_cache import FRAGMENTS, kept_fragments

register = template.Library()


class FragmentCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        kept = kept_fragments(context)
        if kept is None:
            return self.nodelist.render(context)
        key, html = kept[self.name]
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.FRAGMENT_CACHE_SECONDS)
        return html


@register.tag("fragment_cache")
def fragment_cache(parser, token):
    """Keep what the block renders as fragment `name`, one of FRAGMENTS, quoted.

    Raises TemplateSyntaxError for anything else."""
    bits = token.split_contents()
    name = bits[1][1:-1] if len(bits) == 2 and bits[1][0] == bits[1][-1] in "\"'" else None
    if name not in FRAGMENTS:
        raise template.TemplateSyntaxError(
            f"usage: {{% fragment_cache NAME %}} with NAME one of {', '.join(FRAGMENTS)}, quoted"
        )
    nodelist = parser.parse(("endfragment_cache",))
    parser.delete_first_token()
    return FragmentCacheNode(nodelist, name)
