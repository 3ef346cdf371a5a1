"""Writes to an activity's rows: the events it attended, the bodies' roles, the delegation.

The activity itself is written by `liaison.core.services` (create_record, update_record…).
A row is part of its activity, so each function here takes the activity's version the user
loaded (`parent_version`) and is refused with StaleRecordError if anyone changed the
activity or its rows since; an approved activity returns to draft.
"""

from __future__ import annotations

from django.db.models import Max

from liaison.activities.models import ActivityBody, DelegationMember, Event
from liaison.core import services


def save_event(event: Event, *, user, parent_version: int) -> Event:
    """Save a new or changed event of its activity."""
    return services.save_child(event, user=user, parent_version=parent_version)


def add_event(activity, *, user, parent_version: int, **fields) -> Event:
    """Add an event after the activity's others (`fields`: titles, series, session)."""
    last = activity.events.aggregate(last=Max("position"))["last"]
    fields.setdefault("position", 0 if last is None else last + 1)
    event = Event(activity=activity, **fields)
    return save_event(event, user=user, parent_version=parent_version)


def delete_event(event: Event, *, user, parent_version: int) -> None:
    services.delete_child(event, user=user, parent_version=parent_version)


def save_body_role(row: ActivityBody, *, user, parent_version: int) -> ActivityBody:
    """Save a new or changed part a body played in its activity."""
    return services.save_child(row, user=user, parent_version=parent_version)


def set_body_role(activity, *, body, role: str, user, parent_version: int) -> ActivityBody:
    """Say that `body` played `role` in the activity; saying it again changes nothing."""
    known = activity.body_roles.filter(body=body, role=role).first()
    if known is not None:
        return known
    row = ActivityBody(activity=activity, body=body, role=role)
    return save_body_role(row, user=user, parent_version=parent_version)


def delete_body_role(row: ActivityBody, *, user, parent_version: int) -> None:
    services.delete_child(row, user=user, parent_version=parent_version)


def save_delegation_member(
    member: DelegationMember, *, user, parent_version: int
) -> DelegationMember:
    """Save a member of the delegation; a new head replaces the old one in the same change."""
    others = []
    if member.is_head:
        others = list(member.activity.delegation.filter(is_head=True).exclude(pk=member.pk))
        for other in others:
            other.is_head = False
    services.change_children(
        member.activity, user=user, parent_version=parent_version, saved=[*others, member]
    )
    return member


def delete_delegation_member(member: DelegationMember, *, user, parent_version: int) -> None:
    services.delete_child(member, user=user, parent_version=parent_version)
