"""The member digest: one e-mail per member with what is new for them since the last one."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from intranet import access
from intranet.models import (
    DigestFrequency,
    MemberNewsPage,
    ProjectSpacePage,
    ProjectUpdate,
    SentDigestItem,
)
from site_core import privacy
from site_core.brand import brand_name

# A weekly digest waits this long after the last one. The daily job runs at the same time
# each day, give or take a few seconds: the hour of slack keeps "7 days" from becoming 8.
WEEKLY_INTERVAL = timedelta(days=7) - timedelta(hours=1)


@dataclass(frozen=True)
class DigestItem:
    key: str  # language-independent, recorded in SentDigestItem
    title: str
    url: str
    context: str = ""


def recipients(now=None):
    """Active members with an e-mail address and a profile (for the language) who want a
    digest now (an aware datetime, default the current time): not those who turned it
    off, and a weekly one only when the last went out at least WEEKLY_INTERVAL ago."""
    now = now or timezone.now()
    weekly_too_soon = Q(
        member_profile__digest_frequency=DigestFrequency.WEEKLY,
        member_profile__last_digest_at__gt=now - WEEKLY_INTERVAL,
    )
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=access.MEMBERS_GROUP)
        .exclude(email="")
        .filter(member_profile__isnull=False)
        .exclude(member_profile__digest_frequency=DigestFrequency.OFF)
        .exclude(weekly_too_soon)
        .select_related("member_profile")
        .distinct()
        .order_by("pk")
    )


def collect(user, root_url):
    """What is new for `user` since their last digest, within their access and language.

    Updates and documents of the projects the member left out of the digest (their
    profile's digest_muted_projects) are not included.
    Returns (news, documents, updates), each a list of DigestItem not sent before.
    """
    profile = user.member_profile
    since = profile.last_digest_at or user.date_joined
    language = profile.preferred_language
    sent = set(SentDigestItem.objects.filter(user=user).values_list("item_key", flat=True))

    news_pages = (
        MemberNewsPage.objects.live()
        .filter(locale__language_code=language, first_published_at__gt=since)
        .visible_to(user)
        .order_by("-date")
    )
    news = [
        DigestItem(f"news:{page.translation_key}", page.title, page.get_full_url(), page.intro)
        for page in news_pages
    ]

    muted = list(profile.digest_muted_projects.values_list("pk", flat=True))
    documents = privacy.visible_documents(user).filter(created_at__gt=since)
    if muted:
        # A project's documents are in its space's collection and the collections below it.
        muted_paths = ProjectSpacePage.objects.filter(group__in=muted).values_list(
            "collection__path", flat=True
        )
        for path in set(muted_paths):
            documents = documents.exclude(collection__path__startswith=path)
    documents = [
        DigestItem(f"document:{doc.pk}", doc.title, root_url + doc.url, doc.collection.name)
        for doc in documents
    ]

    spaces = (
        ProjectSpacePage.objects.live()
        .filter(locale__language_code=language)
        .exclude(group__in=muted)
        .visible_to(user)
    )
    project_updates = (
        ProjectUpdate.objects.filter(page__in=spaces, created_at__gt=since)
        .select_related("page")
        .order_by("-date")
    )
    updates = [
        DigestItem(f"update:{u.translation_key}", u.title, u.page.get_full_url(), u.page.title)
        for u in project_updates
    ]
    return tuple(
        [item for item in items if item.key not in sent] for items in (news, documents, updates)
    )


def send_digest(user, root_url):
    """E-mail one member their digest and record it; returns how many items went out."""
    news, documents, updates = collect(user, root_url)
    items = news + documents + updates
    if not items:
        return 0
    with transaction.atomic(), translation.override(user.member_profile.preferred_language):
        SentDigestItem.objects.bulk_create(
            [SentDigestItem(user=user, item_key=item.key) for item in items]
        )
        user.member_profile.last_digest_at = timezone.now()
        user.member_profile.save(update_fields=["last_digest_at"])
        context = {"user": user, "news": news, "documents": documents, "updates": updates}
        send_mail(
            subject=_("New in the %(brand)s intranet") % {"brand": brand_name("name")},
            message=render_to_string("intranet/email/digest.txt", context),
            from_email=None,
            recipient_list=[user.email],
        )
    return len(items)


def send_all():
    """Send every member their digest; returns (members e-mailed, items sent)."""
    site = Site.objects.filter(is_default_site=True).first()
    root_url = site.root_url if site else ""
    mailed = items = 0
    for user in recipients():
        count = send_digest(user, root_url)
        mailed += bool(count)
        items += count
    return mailed, items
