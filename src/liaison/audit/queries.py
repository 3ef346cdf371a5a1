"""Which audit entries a user may read, decided by the records' own visibility.

An entry's content (what changed, the object's name) is readable exactly when its record
is visible to the user (`Model.objects.visible_to`), superusers included; a link row's
entry also needs the linked record. An auditor (the administrator role) is also listed
the entries of their agency's records they may not read, with the content withheld: who
did what to which kind of record, and when, but not what it said.
"""

from __future__ import annotations

from auditlog.models import LogEntry
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import BigIntegerField, BooleanField, Case, Q, QuerySet, Value, When
from django.db.models.fields.json import KT
from django.db.models.functions import Cast

from liaison.audit import scope
from liaison.audit.models import AuditEvent
from liaison.core.choices import Role
from liaison.core.visibility import roles_of


def is_auditor(user) -> bool:
    return Role.ADMINISTRATOR in roles_of(user)


def _stored(key: str):
    return Cast(KT(f"additional_data__{key}"), BigIntegerField())


def _with_scope(queryset: QuerySet) -> QuerySet:
    return queryset.annotate(**{f"scope_{key}": _stored(key) for key in scope.SCOPE_KEYS})


def readable_condition(user) -> Q:
    """Entries whose content `user` may read (on a queryset annotated by `_with_scope`)."""
    record_types = ContentType.objects.get_for_models(*scope.record_models())
    own = Q(pk__in=[])
    parent = Q(pk__in=[])
    link = Q(scope_link_type__isnull=True)
    for model, content_type in record_types.items():
        visible = model.objects.visible_to(user).values("pk")
        own |= Q(content_type=content_type, object_id__in=visible)
        parent |= Q(scope_record_type=content_type.pk, scope_record_id__in=visible)
        link |= Q(scope_link_type=content_type.pk, scope_link_id__in=visible)
    child_types = ContentType.objects.get_for_models(*scope.child_models())
    # Entries written before the scope was kept: the row itself, while it exists.
    unscoped = Q(pk__in=[])
    for model, content_type in child_types.items():
        visible = model.objects.visible_to(user).values("pk")
        unscoped |= Q(content_type=content_type, object_id__in=visible)
    children = Q(content_type__in=child_types.values())
    readable = own | (children & parent & link) | (children & Q(scope_record_type=None) & unscoped)
    if user.is_superuser:
        readable |= ~Q(content_type__in=[*record_types.values(), *child_types.values()])
    elif is_auditor(user):
        readable |= _accounts_condition(user)
    return readable


def _accounts_condition(user) -> Q:
    """An auditor reads the changes to their agency's accounts and to the roles (who was
    given which permission), though not a record's."""
    User, Group = get_user_model(), apps.get_model("auth", "Group")
    types = ContentType.objects.get_for_models(User, Group)
    colleagues = User._base_manager.filter(agency_id=user.agency_id).values("pk")
    return Q(content_type=types[Group]) | Q(content_type=types[User], object_id__in=colleagues)


def _agency_condition(user) -> Q:
    """Entries of records (and their rows) that belong to the auditor's agency."""
    belonging = [*scope.record_models(), *scope.child_models()]
    types = ContentType.objects.get_for_models(*belonging).values()
    if user.is_superuser:
        return Q(content_type__in=types)
    agency = Q(scope_agency=user.agency_id)
    for model, content_type in ContentType.objects.get_for_models(*scope.record_models()).items():
        owned = model._base_manager.filter(agency_id=user.agency_id).values("pk")
        agency |= Q(content_type=content_type, object_id__in=owned)
    return Q(content_type__in=types) & agency


def log_entries_for(user) -> QuerySet:
    """The entries listed to `user`, each annotated `readable` (may its content be shown)."""
    if not roles_of(user):
        return LogEntry.objects.none()
    readable = readable_condition(user)
    listed = readable
    if is_auditor(user) and (user.is_superuser or user.agency_id is not None):
        listed = readable | _agency_condition(user)
    return (
        _with_scope(LogEntry.objects.all())
        .filter(listed)
        .annotate(
            readable=Case(
                When(readable, then=Value(True)), default=False, output_field=BooleanField()
            )
        )
    )


def visible_log_entries(user) -> QuerySet:
    """The entries whose content `user` may read: the only source for showing changes."""
    return _with_scope(LogEntry.objects.all()).filter(readable_condition(user))


def events_for(user) -> QuerySet:
    """The events listed to `user`: all to a superuser, their agency's to an auditor."""
    if user.is_superuser:
        return AuditEvent.objects.all()
    if is_auditor(user) and user.agency_id is not None:
        return AuditEvent.objects.filter(agency_id=user.agency_id)
    return AuditEvent.objects.none()


def users_named_in_trail(users) -> set[int]:
    """The ids of those of `users` an audit row names as who did something: such an account
    is kept (deactivated, never deleted), since its rows may not lose their actor."""
    ids = [user.pk for user in users]
    return {
        *LogEntry.objects.filter(actor_id__in=ids).values_list("actor_id", flat=True),
        *AuditEvent.objects.filter(actor_id__in=ids).values_list("actor_id", flat=True),
    }


def may_audit(user) -> bool:
    return user.is_superuser or is_auditor(user)
