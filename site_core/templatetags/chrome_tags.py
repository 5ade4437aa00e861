"""`{% chrome_cache "name" %}…{% endchrome_cache %}`: a fragment of the page chrome kept
in the shared cache until content changes (site_core.chrome_cache)."""

from django import template
from django.conf import settings
from django.core.cache import cache

from site_core.chrome_cache import fragment_key

register = template.Library()


class ChromeCacheNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        key = fragment_key(context, self.name)
        if key is None:
            return self.nodelist.render(context)
        html = cache.get(key)
        if html is None:
            html = self.nodelist.render(context)
            cache.set(key, html, settings.CHROME_CACHE_SECONDS)
        return html


@register.tag("chrome_cache")
def chrome_cache(parser, token):
    """Keep what the block renders as fragment `name` (a quoted string).

    Raises TemplateSyntaxError without exactly one quoted name."""
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][0] != bits[1][-1]:
        raise template.TemplateSyntaxError('usage: {% chrome_cache "name" %}')
    nodelist = parser.parse(("endchrome_cache",))
    parser.delete_first_token()
    return ChromeCacheNode(nodelist, bits[1][1:-1])
