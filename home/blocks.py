"""StreamField blocks for the public pages; each renders through its own template.

Links (URLs, pages, documents) are structural values: wagtail-localize
synchronises them instead of offering them to translators as text.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from site_core.images import alt_language, alt_text

RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 keeps the page outline intact."""

    text = blocks.CharBlock(label=_("text"), max_length=120)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "home/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    """An image, its text alternative and an optional caption and credit.

    The alternative text is the image's description in the image library unless the
    editor writes one for this use (`alt_text`), or ticks `decorative` (alt="", WCAG
    1.1.1's decoration). An image with neither a description nor an own text is refused,
    so the editor is told before the page goes out.
    """

    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        max_length=200,
        required=False,
        default="",
        help_text=_(
            "Leave empty to use the image's description from the image library; write one "
            "when this use of the image needs another."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("decorative"),
        required=False,
        help_text=_(
            "Tick only when the image adds nothing to the text: it is then hidden from screen "
            "readers."
        ),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(
        label=_("photo credit"),
        required=False,
        default="",
        max_length=120,
        help_text=_("The photographer or source, shown as “Photo: …”."),
    )

    def normalize(self, value):
        # A value made in code (demo data, tests) may leave out the newer optional
        # children; fill them with their defaults, as loading stored JSON does, so that
        # wagtail-localize finds a string (not None) in every text child.
        if isinstance(value, dict) and not isinstance(value, self.meta.value_class):
            value = {
                name: value.get(name, child.get_default())
                for name, child in self.child_blocks.items()
            }
        return super().normalize(value)

    def clean(self, value):
        value = super().clean(value)
        image = value.get("image")
        if (
            image is not None
            and not value.get("decorative")
            and not (value.get("alt_text") or "").strip()
            and not (image.description or "").strip()
        ):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ValidationError(
                        _(
                            "The image has no description in the image library: write the "
                            "alternative text here, add a description there, or tick "
                            "“decorative”."
                        )
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        own = (value.get("alt_text") or "").strip()  # translated with the page
        decorative = bool(value.get("decorative"))
        if own and not decorative:
            context.update(alt=own, alt_lang=None)
        else:
            image = value.get("image")
            context.update(
                alt=alt_text(image, decorative), alt_lang=alt_language(image, decorative)
            )
        return context

    class Meta:
        icon = "image"
        label = _("Image")
        template = "home/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    """A pull quote with the name of the person quoted."""

    quote = blocks.TextBlock(label=_("quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "home/blocks/quote.html"


class CallToActionBlock(blocks.StructBlock):
    """A short text with one button leading to a page on the site or an external address."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    button_label = blocks.CharBlock(label=_("button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(
        label=_("external address"),
        required=False,
        help_text=_("Only when the button leads off the site; otherwise choose a page."),
    )

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose either a page or an external address.")
            raise StructBlockValidationError(
                block_errors={"page": ValidationError(message), "url": ValidationError(message)}
            )
        return value

    class Meta:
        icon = "pick"
        label = _("Call to action")
        template = "home/blocks/call_to_action.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A download link to a document in the library."""

    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("Defaults to the document title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document link")
        template = "home/blocks/document_link.html"


class KeyFigureBlock(blocks.StructBlock):
    number = blocks.CharBlock(label=_("number"), max_length=20, help_text=_("E.g. 36 or 2013."))
    label = blocks.CharBlock(label=_("label"), max_length=80)


class KeyFiguresBlock(blocks.StructBlock):
    """A row of large numbers with a label under each."""

    heading = blocks.CharBlock(label=_("heading"), required=False, max_length=120)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"), min_num=1, max_num=6)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")
        template = "home/blocks/key_figures.html"


class BodyBlock(blocks.StreamBlock):
    """The body of the public pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"), features=RICH_TEXT_FEATURES, template="home/blocks/rich_text.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    embed = EmbedBlock(label=_("Embedded media"), template="home/blocks/embed.html")
    document = DocumentLinkBlock()
    key_figures = KeyFiguresBlock()
