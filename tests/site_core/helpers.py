"""Small helpers shared by the site_core tests."""

from django.contrib.auth.models import Group
from wagtail.models import Locale, PageViewRestriction
from wagtail.users.models import UserProfile

from home.models import HomePage


def add_nb_page(title, slug, intro="", parent=None):
    """A live Norwegian page under the Norwegian home page (HomePage type renders anywhere)."""
    parent = parent or HomePage.objects.get(locale__language_code="nb", depth=2)
    page = parent.add_child(
        instance=HomePage(title=title, slug=slug, hero_heading=title, hero_intro=intro)
    )
    page.save_revision().publish()
    return page


def restrict_to(page, group_name="Members"):
    restriction = PageViewRestriction.objects.create(page=page, restriction_type="groups")
    restriction.groups.add(Group.objects.get_or_create(name=group_name)[0])
    return restriction


def english():
    return Locale.objects.get(language_code="en")


def admin_user(factory, language):
    """A user made by `factory` (an EditorFactory, say) whose admin speaks `language`
    (their Wagtail profile's preference)."""
    user = factory()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user
