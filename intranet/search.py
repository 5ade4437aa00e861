"""Intranet search: live intranet pages and documents that the member may open."""

from wagtail.models import Page

from site_core import privacy

MAX_RESULTS = 20


def search_intranet(home, user, query):
    """Pages below `home` (its language) and documents matching `query`, within `user`'s access."""
    # A stray double quote is phrase syntax to SQLite's full-text search and breaks the query.
    query = " ".join(query.replace('"', " ").split())
    if not query:
        return {"pages": [], "documents": []}
    pages = privacy.visible_pages(
        Page.objects.live().descendant_of(home).filter(locale=home.locale), user
    )
    return {
        "pages": list(pages.specific().search(query)[:MAX_RESULTS]),
        "documents": list(privacy.visible_documents(user).search(query)[:MAX_RESULTS]),
    }
