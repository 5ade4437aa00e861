"""Wagtail's image tags for the site's templates, with ``{% srcset_image %}`` listing each
width once (site_core.images.DistinctWidthImage).

Load this library instead of ``wagtailimages_tags``: it offers ``{% image %}`` unchanged
and ``{% srcset_image %}`` with Wagtail's arguments (filter specs, attributes, ``as``).
"""

from django import template
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.images.templatetags.wagtailimages_tags import SrcsetImageNode
from wagtail.images.templatetags.wagtailimages_tags import image as parse_image_tag

from site_core.images import DistinctWidthImage, alt_language, alt_text

register = template.Library()
register.tag("image", parse_image_tag)


class DistinctWidthSrcsetNode(SrcsetImageNode):
    """Wagtail's srcset node, rendering a DistinctWidthImage instead of a ResponsiveImage."""

    def render(self, context):
        image = self.validate_image(context)
        if not image:
            return ""
        renditions = get_renditions_or_not_found(image, self.get_filters())
        if self.output_var_name:
            context[self.output_var_name] = DistinctWidthImage(renditions)
            return ""
        attrs = {name: value.resolve(context) for name, value in self.attrs.items()}
        return DistinctWidthImage(renditions, attrs).__html__()


@register.tag
def srcset_image(parser, token):
    """``{% srcset_image image fill-{400x250,800x500} sizes="…" alt="" %}``, as Wagtail's
    tag (its parser checks the arguments), each width once in the srcset."""
    node = parse_image_tag(parser, token)
    return DistinctWidthSrcsetNode(
        node.image_expr, node.filter_specs, output_var_name=node.output_var_name, attrs=node.attrs
    )


@register.filter
def alt(image, decorative=False):
    """``alt=page.main_image|alt:page.main_image_decorative``: the image's text
    alternative (site_core.images.alt_text), "" when `decorative`."""
    return alt_text(image, decorative)


@register.filter
def alt_lang(image, decorative=False):
    """``lang=page.main_image|alt_lang:page.main_image_decorative``: the language of the
    image's alternative text when it is not the page's (site_core.images.alt_language),
    else None, which leaves the attribute out."""
    return alt_language(image, decorative)
