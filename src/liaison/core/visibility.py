"""The one place that decides which records a user may see.

Every list, count, search hit, export, report, feed, API response and admin page starts
from `Model.objects.visible_to(user)`. The rules, in order:

1. Only active, logged-in users with a role see anything.
2. A user sees only their own agency's records (a superuser sees every agency's).
3. A record above the user's clearance is hidden; confidential records are seen only by
   the officers named on them (need-to-know), whatever the role.
4. Viewers see approved records only; the roles that write also see drafts.
5. A record or row that points at other records is visible only when each of them is: a
   body's role in an activity, a delegation member, an attendance (both ends); an officer
   (his unit), a membership (its body), an obligation (its membership), a register entry
   (its counterpart). A nullable link hides nothing when empty. So every reader that starts
   here, from a table of links to a count by unit, counts only what its reader may see.
"""

from __future__ import annotations

from functools import cache

from django.db import models
from django.db.models import Q

from liaison.core.choices import Classification, Role, WorkflowState

CLEARANCE = {
    Role.VIEWER: Classification.INTERNAL,
    Role.EDITOR: Classification.RESTRICTED,
    Role.APPROVER: Classification.RESTRICTED,
    Role.REGISTER_OFFICER: Classification.RESTRICTED,
    Role.ADMINISTRATOR: Classification.RESTRICTED,
}
DRAFT_READERS = {Role.EDITOR, Role.APPROVER, Role.REGISTER_OFFICER, Role.ADMINISTRATOR}


def roles_of(user) -> frozenset[str]:
    """The user's roles (group names), cached on the user object for the request."""
    if user is None or not user.is_authenticated or not user.is_active:
        return frozenset()
    cached = getattr(user, "_liaison_roles", None)
    if cached is None:
        if user.is_superuser:
            cached = frozenset(Role.values)
        else:
            names = user.groups.values_list("name", flat=True)
            cached = frozenset(name for name in names if name in Role.values)
        user._liaison_roles = cached
    return cached


def clearance_of(user) -> int:
    """The highest classification the user may read without being named on the record."""
    levels = [CLEARANCE[Role(role)] for role in roles_of(user)]
    return max(levels, default=0)


class RecordQuerySet(models.QuerySet):
    """Queryset of agency-owned, classified records with workflow state."""

    def visible_to(self, user) -> RecordQuerySet:
        return with_visible_links(self.by_own_rules(user), user)

    def by_own_rules(self, user) -> RecordQuerySet:
        """Rules 1-4, on the record's own columns (rule 5 is `with_visible_links`)."""
        roles = roles_of(user)
        if not roles:
            return self.none()
        queryset = self
        if not user.is_superuser:
            if user.agency_id is None:
                return self.none()
            queryset = queryset.filter(agency_id=user.agency_id)
        officers = self.model.cleared_officers.field
        named = officers.remote_field.through.objects.filter(
            **{officers.m2m_reverse_field_name(): user.pk}
        ).values(officers.m2m_field_name())
        queryset = queryset.filter(
            Q(classification__lte=min(clearance_of(user), Classification.RESTRICTED))
            | Q(classification=Classification.CONFIDENTIAL, pk__in=named)
        )
        if not roles & DRAFT_READERS:
            queryset = queryset.filter(state=WorkflowState.APPROVED)
        return queryset

    def approved(self) -> RecordQuerySet:
        return self.filter(state=WorkflowState.APPROVED)


class ChildQuerySet(models.QuerySet):
    """Rows that belong to a record (attendance, roles of bodies…) are visible with it, and
    with every other record they link to (rule 5)."""

    parent_field = ""

    def visible_to(self, user) -> ChildQuerySet:
        return with_visible_links(self, user)


def child_queryset(parent_field: str) -> type[ChildQuerySet]:
    """A ChildQuerySet class whose visibility follows `parent_field`."""
    return type(
        f"{parent_field.title()}ChildQuerySet", (ChildQuerySet,), {"parent_field": parent_field}
    )


@cache
def record_links(model: type[models.Model]) -> tuple[models.ForeignKey, ...]:
    """The foreign keys of `model` to models that have a visibility of their own."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and hasattr(field.related_model._default_manager, "visible_to")
    )


def with_visible_links(queryset: models.QuerySet, user) -> models.QuerySet:
    """Rule 5: keep the rows whose linked records are all visible to `user`. A link back to
    the same model (a body's parent body) is checked by the own rules only, which ends the
    recursion; the other links form no cycle."""
    for field in record_links(queryset.model):
        related = field.related_model._default_manager
        if field.related_model is queryset.model:
            visible = related.by_own_rules(user)
        else:
            visible = related.visible_to(user)
        condition = Q(**{f"{field.name}__in": visible.values("pk")})
        if field.null:
            condition |= Q(**{f"{field.name}__isnull": True})
        queryset = queryset.filter(condition)
    return queryset
