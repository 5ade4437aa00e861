"""The brand name in its three written forms, all from ``settings.SITE_BRAND``."""

from django.conf import settings

FORMS = {
    "name": "{brand}",  # plain text: e-mail subjects
    "mark": "{brand}®",  # titles, og:site_name
    "organisation": "{brand}® Cluster",  # signatures, the admin, sentences about the cluster
    "kind": "Cluster",  # the organisation's name after the mark: the logo's second line
}


def brand_name(form="mark"):
    """`form` ("name", "mark", "organisation" or "kind") of the brand; KeyError for another form."""
    return FORMS[form].format(brand=settings.SITE_BRAND)
