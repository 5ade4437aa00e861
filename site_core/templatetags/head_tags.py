"""The <head> of every public and intranet response, printed by one template
(site_core/includes/head.html) from the values site_core.head decides."""

from django import template

from site_core.head import PageHead, ViewHead, document_title

register = template.Library()


@register.inclusion_tag("site_core/includes/head.html", takes_context=True)
def page_head(context):
    """The page's <title>, description, canonical, hreflang, Open Graph and Twitter tags
    (one each), from its get_head() (site_core.head). A routable page's sub-view that shows
    something else (a member company's page) puts its own PageHead in the context as
    `head`, which wins. A template without a page uses ``{% view_head %}`` instead; one that
    forgets still gets the brand as its title."""
    request = context["request"]
    page = context.get("page")
    if isinstance(context.get("head"), PageHead):
        return {"head": context["head"], "request": request}
    if hasattr(page, "get_head"):
        return {"head": page.get_head(request), "request": request}
    return {"head": ViewHead(document_title(""), ""), "request": request}


@register.inclusion_tag("site_core/includes/head.html")
def view_head(title, description, noindex=False):
    """<title> "`title` – brand" and the meta description of a view without a page
    (search, login, 404, 500), both in the active language; `noindex` keeps search
    engines away (login, password and access pages). Needs no database or request, so
    the 500 page can use it."""
    return {"head": ViewHead(document_title(title), description, noindex)}
