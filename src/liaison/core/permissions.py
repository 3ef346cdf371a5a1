"""Object permissions (django-rules) for every record, defined once.

Services and admin ask `rules.has_perm(...)` directly rather than `user.has_perm(...)`,
because Django lets a superuser past every `has_perm` check and need-to-know must hold
for superusers too.
"""

import rules

from liaison.core.choices import Role, WorkflowState
from liaison.core.visibility import roles_of


def has_role(*roles: Role):
    wanted = frozenset(roles)

    @rules.predicate(name=f"has_role({','.join(sorted(wanted))})")
    def predicate(user) -> bool:
        return bool(roles_of(user) & wanted)

    return predicate


is_member = rules.predicate(lambda user: bool(roles_of(user)), name="is_member")
is_editor = has_role(Role.EDITOR, Role.ADMINISTRATOR)
is_approver = has_role(Role.APPROVER)
is_register_officer = has_role(Role.REGISTER_OFFICER)
is_administrator = has_role(Role.ADMINISTRATOR)


@rules.predicate
def can_see(user, record) -> bool:
    return record is None or record.is_visible_to(user)


@rules.predicate
def not_last_author(user, record) -> bool:
    """Approval needs a second pair of eyes: never the author of the last change."""
    return record is None or record.updated_by_id != user.pk


@rules.predicate
def is_draft(user, record) -> bool:
    return record is None or record.state == WorkflowState.DRAFT


@rules.predicate
def is_submitted(user, record) -> bool:
    return record is None or record.state == WorkflowState.SUBMITTED


def register_record_rules(model) -> None:
    """Permissions for one record model; `model.writer_roles` says who may write it."""
    label, name = model._meta.app_label, model._meta.model_name
    writers = has_role(*model.writer_roles)
    rules.set_perm(f"{label}.view_{name}", is_member & can_see)
    rules.set_perm(f"{label}.add_{name}", writers)
    rules.set_perm(f"{label}.change_{name}", writers & can_see)
    rules.set_perm(f"{label}.delete_{name}", is_administrator & can_see)
    rules.set_perm(f"{label}.submit_{name}", writers & can_see & is_draft)
    rules.set_perm(
        f"{label}.approve_{name}", is_approver & can_see & is_submitted & not_last_author
    )
    rules.set_perm(f"{label}.reject_{name}", is_approver & can_see & is_submitted)


def register_reference_rules(model) -> None:
    """Permissions for shared reference data (places, topics): editors keep it."""
    label, name = model._meta.app_label, model._meta.model_name
    rules.set_perm(f"{label}.view_{name}", is_member)
    rules.set_perm(f"{label}.add_{name}", is_editor)
    rules.set_perm(f"{label}.change_{name}", is_editor)
    rules.set_perm(f"{label}.delete_{name}", is_administrator)
