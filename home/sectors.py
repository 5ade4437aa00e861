"""The industries a member company belongs to: used by the directory and the membership form.

Kept apart from the models so that the form (home.forms) and the models import it without
importing each other.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    FURNITURE = "furniture", _("Furniture")
    INTERIOR = "interior", _("Interior")
    TEXTILES = "textiles", _("Textiles")
    CONSUMER_BRANDS = "consumer", _("Consumer brands")
    ACADEMIC = "academic", _("Academic partner")
