"""The one place that decides which records a user may see.

Every list, count, search hit, export, report, feed, API response and admin page starts
from `Model.objects.visible_to(user)` (the rows of records a page has just read through it,
from `visible_of(user, ids)`, which checks the rows' other links). The rules, in order:

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

from functools import cache, lru_cache

from django.db import models
from django.db.models import Q
from django.db.models.sql import Query

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
        if not roles_of(user) or (not user.is_superuser and user.agency_id is None):
            return self.none()
        return self.filter(visibility_condition(self.model, user))

    def approved(self) -> RecordQuerySet:
        return self.filter(state=WorkflowState.APPROVED)


class ChildQuerySet(models.QuerySet):
    """Rows that belong to a record (attendance, roles of bodies…) are visible with it, and
    with every other record they link to (rule 5); which record is theirs is the model's
    `parent_field` (core.models.ChildModel)."""

    def visible_to(self, user) -> ChildQuerySet:
        if not roles_of(user):
            return self.none()
        return self.filter(visibility_condition(self.model, user))

    def visible_of(self, user, parent_ids: list[int]) -> ChildQuerySet:
        """The rows of these records, which the caller has just read through `visible_to`
        (a page of a list): their records' rules are those the page was read with, so only
        the rows' other links are checked, without joining back to the records' table."""
        parent = self.model.parent_field
        return self._other_links_visible(user).filter(**{f"{parent}__in": parent_ids})

    def _other_links_visible(self, user) -> ChildQuerySet:
        if not roles_of(user):
            return self.none()
        skip = self.model.parent_field
        return self.filter(visibility_condition(self.model, user, skip=skip))


class VisibleManager(models.Manager):
    """`Model.objects.visible_to(user)`, the chokepoint's usual entry, built once per process
    for each model and reader and then copied: Django takes about a millisecond to build the
    joins and subqueries of rules 2-5, and a page asks for a dozen. The copy is the same
    query (a test compares their SQL); what the rules read of the user (who, which agency,
    which roles) is the cache's key, so a change of role or agency builds anew, and the
    named officers stay a subquery the database answers at each read."""

    def visible_to(self, user):
        return self._reused(user, "visible_to")

    def _reused(self, user, rules: str):
        queryset = self.get_queryset()
        built = _built_visibility(self.model, self.name, rules, reader_key(user), user)
        queryset.query = built.clone()
        return queryset


class ChildRowsManager(VisibleManager):
    def visible_of(self, user, parent_ids: list[int]):
        """ChildQuerySet.visible_of, its rules built once per reader as visible_to's are."""
        rows = self._reused(user, "_other_links_visible")
        return rows.filter(**{f"{self.model.parent_field}__in": parent_ids})


def reader_key(user) -> tuple:
    """What the rules read of `user`."""
    if user is None or not user.is_authenticated:
        return (None,)
    return (user.pk, user.is_active, user.is_superuser, user.agency_id, roles_of(user))


@lru_cache(maxsize=4096)
def _built_visibility(
    model: type[models.Model], manager: str, rules: str, key: tuple, user
) -> Query:
    """The query of `model.<manager>.<rules>(user)`, for the reader `key` describes."""
    queryset = model._meta.managers_map[manager].get_queryset()
    return getattr(queryset, rules)(user).query


RecordManager = VisibleManager.from_queryset(RecordQuerySet)
ChildManager = ChildRowsManager.from_queryset(ChildQuerySet)


@cache
def record_links(model: type[models.Model]) -> tuple[models.ForeignKey, ...]:
    """The foreign keys of `model` to models that have a visibility of their own."""
    return tuple(
        field
        for field in model._meta.concrete_fields
        if field.many_to_one and hasattr(field.related_model._default_manager, "visible_to")
    )


def visibility_condition(model: type[models.Model], user, prefix: str = "", skip: str = "") -> Q:
    """Rules 2-5 as one condition on `model`'s rows, reached through `prefix` (a lookup
    path such as "membership__body__"). Linked records are checked through joins, not
    nested subqueries, so the query stays flat however long the chain of links (SQLite's
    parser refuses deeply nested ones, and joins are what both planners do best). A link
    back to the same model (a body's parent body) is checked by the own rules only, which
    ends the recursion; the other links form no cycle. `skip` names a link whose record
    the caller has checked already (ChildQuerySet.visible_of)."""
    condition = own_rules(model, user, prefix) if hasattr(model, "cleared_officers") else Q()
    for field in record_links(model):
        if field.name == skip:
            continue
        path = f"{prefix}{field.name}__"
        if field.related_model is model:
            linked = own_rules(model, user, path)
        else:
            linked = visibility_condition(field.related_model, user, path)
        if field.null:
            linked = Q(**{f"{prefix}{field.name}__isnull": True}) | linked
        condition &= linked
    return condition


def own_rules(model: type[models.Model], user, prefix: str = "") -> Q:
    """Rules 2-4 on a record's own columns."""
    condition = Q()
    if not user.is_superuser:
        condition &= Q(**{f"{prefix}agency_id": user.agency_id})
    officers = model.cleared_officers.field
    named = officers.remote_field.through.objects.filter(
        **{officers.m2m_reverse_field_name(): user.pk}
    ).values(officers.m2m_field_name())
    condition &= Q(
        **{f"{prefix}classification__lte": min(clearance_of(user), Classification.RESTRICTED)}
    ) | Q(**{f"{prefix}classification": Classification.CONFIDENTIAL, f"{prefix}pk__in": named})
    if not roles_of(user) & DRAFT_READERS:
        condition &= Q(**{f"{prefix}state": WorkflowState.APPROVED})
    return condition
