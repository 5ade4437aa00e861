"""The brand name in its three written forms, all from ``settings.SITE_BRAND``."""

from django.conf import settings

FORMS = {
    "name": "{brand}",  # plain text: e-mail subjects
    "mark": "{brand}®",  # titles, og:site_name
    "organisation": "{brand}® Cluster",  # signatures, the admin, sentences about the cluster
}


def brand_name(form="mark"):
    """`form` ("name", "mark" or "organisation") of the brand; KeyError for another form."""
    return FORMS[form].format(brand=settings.SITE_BRAND)
