"""The admin form of every page type (``SitePage.base_form_class``)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from site_core.images import missing_description
from site_core.slugs import numbered_slug
from site_core.text import ascii_slug


class SitePageForm(WagtailAdminPageForm):
    """Wagtail's page form, whose slug may be left empty: it is then made from the title,
    ASCII (site_core.text.ascii_slug) and numbered past its siblings' ("-2", "-3" …), as
    Wagtail's admin script does in the browser, so that an editor without JavaScript
    does not meet "This field is required"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False

    def clean_slug(self):
        slug = self.cleaned_data.get("slug")
        if slug:
            return slug
        base = ascii_slug(self.cleaned_data.get("title", ""))
        if not base:
            raise ValidationError(
                _(
                    "Give the page an address (slug): its title has no letters or digits "
                    "to make one from."
                ),
                code="required",
            )
        return numbered_slug(base, self.parent_page, self.instance)

    def clean(self):
        cleaned_data = super().clean()
        self.check_image_descriptions(cleaned_data)
        return cleaned_data

    def check_image_descriptions(self, cleaned_data):
        """An image field of the page type's `meaningful_images` ({image field: its
        "decorative" boolean field}) must choose an image with a description in the
        library (its alt text), or be ticked decorative: WCAG 1.1.1, told to the editor
        as an error on the image field."""
        for image_field, decorative_field in getattr(
            self.instance, "meaningful_images", {}
        ).items():
            image = cleaned_data.get(image_field)
            if missing_description(image, cleaned_data.get(decorative_field, False)):
                self.add_error(
                    image_field,
                    ValidationError(
                        _(
                            "“%(title)s” has no description in the image library. Add one "
                            "there (it is the text read to people who cannot see the image) "
                            "or tick “decorative” if the image adds nothing to the text."
                        ),
                        params={"title": image.title},
                        code="missing_description",
                    ),
                )
