"""The admin form of every page type (``SitePage.base_form_class``)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

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
