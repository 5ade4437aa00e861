"""Admin hooks of the shared layer."""

from wagtail import hooks

from site_core.restrictions import give_restrictions


@hooks.register("after_copy_page")
def keep_copies_as_private_as_their_source(request, page, new_page):
    """A copy of a page that was private only through an ancestor stays private.

    Wagtail copies the restrictions set on the page itself, not those it inherits, so a
    members' page copied into a public section would be open to everyone. When the source
    was restricted and the copy is not, the source's restrictions (type and groups) are
    put on the copy; the editor can lift them there, knowingly.
    """
    source_restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    if source_restrictions and not new_page.get_view_restrictions().exists():
        give_restrictions(new_page, source_restrictions)
