"""{% newsletter_form as form %}: an empty sign-up form for the footer, which is rendered
without a view of its own (site_core's `site_footer` tag)."""

from django import template

from home.forms import NewsletterForm

register = template.Library()


@register.simple_tag
def newsletter_form():
    """A new, unbound home.forms.NewsletterForm."""
    return NewsletterForm()
