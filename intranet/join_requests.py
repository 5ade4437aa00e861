"""Joining and leaving a project: a member asks, the project's leads or staff decide,
everyone concerned is told by e-mail in their own language.

A request is keyed on the project's group (intranet.models.contributions.JoinRequest).
Approving adds the member to that group, which opens the project space and its
documents (their privacy names the group); leaving takes them out of it and of its leads
group, which closes both at once.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from intranet import access
from intranet.models.contributions import JoinRequest

Status = JoinRequest.Status


def can_decide(user, group):
    """Whether `user` may approve or decline requests to the project of `group`: its
    leads and staff."""
    return access.is_staff(user) or access.leads_group_name(group) in access.group_names(user)


def deciders(group):
    """The active users who are told of a new request to `group`'s project: its leads and
    the Editors, each once, with their profiles (for the language)."""
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    leads = users.filter(groups__name=access.leads_group_name(group))
    staff = users.filter(groups__name=access.STAFF_GROUP)
    return (leads | staff).distinct().select_related("member_profile")


def pending_for(user):
    """`user`'s own pending requests, with their groups."""
    return JoinRequest.objects.filter(user=user, status=Status.PENDING).select_related("group")


def waiting_for(user):
    """The pending requests `user` may decide (every one for staff, those of the projects
    they lead otherwise), oldest first, with member and group."""
    return (
        JoinRequest.objects.filter(decidable_by(user))
        .select_related("user", "group")
        .order_by("created_at", "pk")
    )


def decidable_by(user):
    """A filter (Q) on JoinRequests: the pending ones `user` may decide."""
    pending = Q(status=Status.PENDING)
    if access.is_staff(user):
        return pending
    led = [
        access.PROJECT_GROUP_PREFIX + name.removeprefix(access.PROJECT_LEADS_GROUP_PREFIX)
        for name in access.group_names(user)
        if name.startswith(access.PROJECT_LEADS_GROUP_PREFIX)
    ]
    return pending & Q(group__name__in=led)


def mine_and_waiting(user):
    """(`user`'s own pending requests, the pending requests of others `user` may decide),
    both lists, from one query: what the dashboard shows."""
    if not user.is_authenticated:
        return [], []
    rows = JoinRequest.objects.filter(
        Q(user=user, status=Status.PENDING) | decidable_by(user)
    ).order_by("created_at", "pk")
    mine = [row for row in rows if row.user_id == user.pk]
    return mine, [row for row in rows if row.user_id != user.pk]


def ask(user, group, message, urls):
    """Record `user`'s request to join `group`'s project and tell its leads and staff.

    `urls` maps a language code to the absolute URL where the request is decided (the
    project space's request list in that language). Returns (request, created): a request
    already pending is returned as it is and nobody is told again, so a form sent twice
    makes one row and one round of e-mails.
    """
    try:
        with transaction.atomic():
            join_request = JoinRequest.objects.create(user=user, group=group, message=message)
    except IntegrityError:
        return JoinRequest.objects.get(user=user, group=group, status=Status.PENDING), False
    for recipient in deciders(group):
        language = access.email_language(recipient)
        with translation.override(language):
            send_mail(
                subject=_("%(name)s asks to join %(project)s")
                % {"name": display_name(user), "project": join_request.project_name},
                message=render_to_string(
                    "intranet/email/join_request.txt",
                    {
                        "join_request": join_request,
                        "member": user,
                        "recipient": recipient,
                        "link": urls.get(language) or urls.get(settings.LANGUAGE_CODE, ""),
                    },
                ),
                from_email=None,
                recipient_list=[recipient.email],
            )
    return join_request, True


def display_name(user):
    """The user's full name, or their e-mail address when they have none."""
    return user.get_full_name() or user.email


def decide(join_request, decider, approve, urls):
    """Approve or decline a pending `join_request` as `decider` and tell the member.

    Approving adds the member to the project's group. `urls` maps a language code to the
    absolute URL of the project space (the e-mail of an approval links to it). Raises
    PermissionError if `decider` may not decide for this project; returns False (and does
    nothing) if the request was decided already.
    """
    if not can_decide(decider, join_request.group):
        raise PermissionError("only the project's leads and staff decide its join requests")
    with transaction.atomic():
        updated = JoinRequest.objects.filter(pk=join_request.pk, status=Status.PENDING).update(
            status=Status.APPROVED if approve else Status.DECLINED,
            decided_by=decider,
            decided_at=timezone.now(),
        )
        if not updated:
            return False
        join_request.refresh_from_db()
        member = join_request.user
        if approve:
            member.groups.add(join_request.group)
        language = access.email_language(member)
        with translation.override(language):
            send_mail(
                subject=(
                    _("Welcome to %(project)s")
                    if approve
                    else _("Your request to join %(project)s")
                )
                % {"project": join_request.project_name},
                message=render_to_string(
                    "intranet/email/join_request_decided.txt",
                    {
                        "join_request": join_request,
                        "member": member,
                        "approved": approve,
                        "link": urls.get(language) or urls.get(settings.LANGUAGE_CODE, ""),
                    },
                ),
                from_email=None,
                recipient_list=[member.email],
            )
    return True


def leave(user, group):
    """Take `user` out of `group`'s project: its group and its leads group. Returns
    whether they were in it."""
    was_member = user.groups.filter(pk=group.pk).exists()
    leads = user.groups.filter(name=access.leads_group_name(group))
    user.groups.remove(group, *leads)
    return was_member
