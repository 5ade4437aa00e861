"""StreamField blocks: validation and rendering."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from home.blocks import BodyBlock, CallToActionBlock


def test_call_to_action_needs_exactly_one_target(public_site):
    block = CallToActionBlock()
    page = Page.objects.get(pk=public_site.pages["membership"].nb.pk)
    base = {"text": "Bli med", "button_label": "Søk"}
    with pytest.raises(ValidationError):
        block.clean(block.to_python(base | {"page": None, "url": ""}))
    with pytest.raises(ValidationError):
        block.clean(block.to_python(base | {"page": page.pk, "url": "https://example.com/"}))
    assert block.clean(block.to_python(base | {"page": page.pk, "url": ""}))["page"] == page
    assert block.clean(block.to_python(base | {"page": None, "url": "https://example.com/"}))


def test_body_blocks_render_with_their_templates():
    stream = BodyBlock()
    value = stream.to_python(
        [
            {"type": "heading", "value": {"text": "Om oss", "level": "h3"}},
            {"type": "quote", "value": {"quote": "Sammen", "attribution": "Leder"}},
            {
                "type": "key_figures",
                "value": {"heading": "Tall", "figures": [{"number": "36", "label": "indikatorer"}]},
            },
        ]
    )
    html = stream.render(value)
    assert '<h3 class="block-heading">Om oss</h3>' in html
    assert "<blockquote><p>Sammen</p></blockquote>" in html
    assert "<dd>36</dd>" in html and "<dt>indikatorer</dt>" in html


def test_urls_and_pages_are_not_offered_to_translators(public_site):
    from wagtail_localize.segments import StringSegmentValue
    from wagtail_localize.segments.extract import extract_segments

    page = public_site.pages["about"].nb  # its call to action leads to a page
    texts = [
        segment.string.render_text()
        for segment in extract_segments(page)
        if isinstance(segment, StringSegmentValue)
    ]
    assert "Vil bedriften din være med?" in texts  # the call to action's text is offered
    assert not any("http" in text or "/nb/" in text for text in texts)
