"""Demo content for the public site, in Norwegian with English translations."""

from wagtail.models import Page, Site

from site_core.demo import publish_translation

from .models import HomePage

HOME_NB = {
    "title": "Norwegian Rooms",
    "slug": "hjem",
    "hero_heading": "Sterkere norske merkevarer, sammen",
    "hero_intro": (
        "Norwegian Rooms® er en næringsklynge for merkevareeiere i ferdigvareindustrien – "
        "møbler, interiør og tekstil – og deres akademiske partnere."
    ),
}
HOME_EN = {
    "Norwegian Rooms": "Norwegian Rooms",
    "hjem": "home",
    "Sterkere norske merkevarer, sammen": "Stronger Norwegian brands, together",
    HOME_NB["hero_intro"]: (
        "Norwegian Rooms® is a business cluster of brand owners in the finished-goods "
        "industry – furniture, interior and textiles – and their academic partners."
    ),
}


def load_home():
    """The Norwegian home page as the site root, and its English translation."""
    home = HomePage.objects.filter(locale__language_code="nb").first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(**HOME_NB))
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page = "localhost", 80, home
        site.site_name = "Norwegian Rooms"
        site.save()
        # Wagtail's placeholder "Welcome" page is no longer needed.
        Page.objects.filter(depth=2, content_type__model="page").delete()
    publish_translation(home, "en", HOME_EN)
    return home


def load():
    load_home()
