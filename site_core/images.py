"""Image helpers shared by the page types."""

from django.db.models import prefetch_related_objects


def prefetch_renditions(images):
    """Load the renditions of all `images` (None allowed) in one query; returns the images.

    For srcset, og:image and listing cards: each later ``get_rendition`` finds its
    rendition among the prefetched ones instead of querying.
    """
    images = [image for image in images if image is not None]
    prefetch_related_objects(images, "renditions")
    return images
