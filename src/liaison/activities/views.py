"""The activity pages: the generic ones, fed with this family's pieces."""

from liaison.activities import forms, services
from liaison.activities.choices import ActivityKind
from liaison.activities.filtersets import ActivityFilterSet
from liaison.activities.models import Activity
from liaison.activities.tables import ActivityTable
from liaison.core.registry import HIDDEN, Family, Rows

ACTIVITIES = Family(
    model=Activity,
    namespace="activities",
    table=ActivityTable,
    filterset=ActivityFilterSet,
    form=forms.ActivityForm,
    list_prefetch=("places",),
    hidden_fields=(*HIDDEN, "bodies"),  # shown with their part, as body_roles
    shortcuts=tuple((kind.label, f"kind={kind.value}") for kind in ActivityKind),
)
ROWS = (
    Rows("body_roles", forms.BodyRoleForm),
    Rows("events", forms.EventForm, save=services.save_event, delete=services.delete_event),
    Rows(
        "delegation",
        forms.DelegationMemberForm,
        save=services.save_delegation_member,
        delete=services.delete_delegation_member,
    ),
)
FAMILIES = (ACTIVITIES,)
