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
    # Wagtail's search takes plain field filters only, not the privacy subqueries: pass the
    # ids of the pages the member may open (an intranet holds a few hundred at most).
    pages = Page.objects.filter(pk__in=list(pages.values_list("pk", flat=True)))
    return {
        "pages": list(pages.specific().search(query)[:MAX_RESULTS]),
        "documents": list(privacy.visible_documents(user).search(query)[:MAX_RESULTS]),
    }
