"""The newsletter's public pages: the sign-up (the footer's form posts here), "check your
e-mail", the confirmation and the unsubscribe pages (home/newsletter.py does the work).

The footer's form is on every public page, and those pages are kept by browsers and the
front cache (site_core.http_caching): a CSRF token in the footer would make every page
private. So the sign-up takes its POST without one (`csrf_exempt`), which is safe because
it acts for no logged-in user and changes nothing but a pending row: the worst a forged
post can do is what anyone can do by typing an address in the form, ask for a confirmation
mail, and that is rate-limited per visitor address and per e-mail address. A post that the
browser marks as coming from another site (`Sec-Fetch-Site: cross-site`) is still refused.
The confirmation and unsubscribe pages carry a CSRF token: they act on one subscription.

Links in e-mails are opened by mail scanners too, so neither link acts on GET: it shows a
page with one button, and the POST confirms or unsubscribes.
"""

from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, gettext
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from home import newsletter
from home.forms import NewsletterForm
from home.models.newsletter import CONFIRM_TOKEN_DAYS
from site_core.http_caching import mark_private
from site_core.rate_limits import take_slot


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def sign_up(request):
    """GET: the sign-up form on a page of its own. POST (from it or the footer): queue the
    sign-up and redirect to "check your e-mail"; an invalid address or a visitor over the
    rate limit gets the form again, with the message and what they typed."""
    if request.method != "POST":
        return render_sign_up(request, NewsletterForm())
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return HttpResponseForbidden()
    form = NewsletterForm(request.POST)
    if form.is_bot():
        # Look like success so the bot moves on; store and send nothing.
        return redirect("newsletter_check_email")
    if not form.is_valid():
        return render_sign_up(request, form, status=400)
    if not take_slot("newsletter-rate", request, newsletter.RATE_LIMIT, newsletter.RATE_WINDOW):
        form.add_error(
            None,
            gettext(
                "We have received several sign-ups from your address. Please try again in an hour."
            ),
        )
        return render_sign_up(request, form, status=429)
    newsletter.request_subscription.enqueue(
        form.cleaned_data["email"], get_language(), request.build_absolute_uri("/")
    )
    return redirect("newsletter_check_email")


def render_sign_up(request, form, status=200):
    """The sign-up page with `form` (sent back with its errors when bound: never cached)."""
    if form.is_bound:
        mark_private(request)
    return TemplateResponse(request, "home/newsletter/sign_up.html", {"form": form}, status=status)


def link_terms():
    """How long a confirmation link works and when a sign-up may ask for a new one, for the
    pages that say so: {"days": int, "resend_minutes": int}."""
    return {
        "days": CONFIRM_TOKEN_DAYS,
        "resend_minutes": int(newsletter.RESEND_AFTER.total_seconds() // 60),
    }


def check_email(request):
    """The same answer for every address: a link is on its way if one was due."""
    return TemplateResponse(request, "home/newsletter/check_email.html", link_terms())


@require_http_methods(["GET", "HEAD", "POST"])
def confirm(request, token):
    """GET: a button to confirm (the link's token unused and unexpired); POST: confirm.
    A used, replaced or unknown link (404) and an expired one (410) get a page that says
    so and how to sign up again."""
    mark_private(request)
    subscription = newsletter.pending_for_token(token)
    if subscription is None:
        return TemplateResponse(
            request, "home/newsletter/link_invalid.html", {"form": NewsletterForm()}, status=404
        )
    if subscription.token_expired:
        return TemplateResponse(
            request,
            "home/newsletter/link_expired.html",
            {"form": NewsletterForm(), **link_terms()},
            status=410,
        )
    if request.method == "POST":
        newsletter.confirm(subscription)
        return TemplateResponse(request, "home/newsletter/confirmed.html", {})
    return TemplateResponse(request, "home/newsletter/confirm.html", {})


@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request, token):
    """GET: a button to unsubscribe; POST: unsubscribe. A damaged link, or one whose
    subscription was erased, gets a page that says so (404)."""
    mark_private(request)
    subscription = newsletter.subscription_for_unsubscribe_token(token)
    if subscription is None:
        return TemplateResponse(request, "home/newsletter/unsubscribe_invalid.html", {}, status=404)
    if request.method == "POST":
        newsletter.unsubscribe(subscription)
        return TemplateResponse(request, "home/newsletter/unsubscribed.html", {})
    return TemplateResponse(request, "home/newsletter/unsubscribe.html", {})
