"""Image helpers shared by the page types: renditions loaded together, and srcsets that
list each width once (``{% srcset_image %}`` of site_core/templatetags/image_tags.py)."""

from django.conf import settings
from django.db.models import prefetch_related_objects
from django.utils import translation
from wagtail.images.models import ResponsiveImage


def prefetch_renditions(images):
    """Load the renditions of all `images` (None allowed) in one query; returns the images.

    For srcset, og:image and listing cards: each later ``get_rendition`` finds its
    rendition among the prefetched ones instead of querying.
    """
    images = [image for image in images if image is not None]
    prefetch_related_objects(images, "renditions")
    return images


class DistinctWidthImage(ResponsiveImage):
    """Wagtail's ResponsiveImage (an <img> with a width-descriptor srcset) listing each
    rendition width once.

    Wagtail never enlarges an image: every rendition asked for wider than the original
    comes out at the original's width, so ``fill-{640x400,960x600,1280x800}`` of a
    960-pixel photo gives two 960-pixel files, and Wagtail's srcset would list "960w"
    twice, which HTML forbids (two candidates with the same descriptor). The first
    rendition of each width is kept, in the order the filter specs were given; the
    descriptors are the renditions' real widths. With one rendition left and a `sizes`
    attribute, the srcset stays (one candidate): HTML allows `sizes` only beside a
    srcset with width descriptors.
    """

    def __init__(self, renditions, attrs=None):
        by_width = {}
        for spec, rendition in renditions.items():
            by_width.setdefault(rendition.width, (spec, rendition))
        super().__init__(dict(by_width.values()), attrs)
        if len(self.renditions) == 1 and self.attrs and "sizes" in self.attrs:
            only = self.renditions[0]
            self.attrs = {**self.attrs, "srcset": f"{only.url} {only.width}w"}


def alt_text(image, decorative=False):
    """The text alternative of `image` (WCAG 1.1.1): "" when the editor marked it
    decorative (or there is no image), else the image's description (Wagtail's
    `description` field, written once per image in the library), else its title, so that
    a meaningful image never goes out with an empty alt while the editor is warned
    (`missing_description`)."""
    if image is None or decorative:
        return ""
    return (getattr(image, "description", "") or image.title or "").strip()


def alt_language(image, decorative=False):
    """The language of `image`'s alternative text when it differs from the page's (the
    active language): image descriptions are written once, in the site's default
    language (settings.LANGUAGE_CODE), so an English page marks them ``lang="nb"``
    (WCAG 3.1.2). None (no attribute) when the languages agree or there is no text."""
    if not alt_text(image, decorative) or translation.get_language() == settings.LANGUAGE_CODE:
        return None
    return settings.LANGUAGE_CODE


def missing_description(image, decorative=False):
    """True when `image` carries meaning (not `decorative`) but has no description in the
    image library: the page editor's form tells the editor so (site_core.page_forms; image
    blocks: home.blocks.CaptionedImageBlock.clean)."""
    return image is not None and not decorative and not (image.description or "").strip()
