"""The activity pages: the generic ones, fed with this family's pieces."""

from liaison.activities.choices import ActivityKind
from liaison.activities.filtersets import ActivityFilterSet
from liaison.activities.forms import ActivityForm
from liaison.activities.models import Activity
from liaison.activities.tables import ActivityTable
from liaison.core.registry import HIDDEN, Family

ACTIVITIES = Family(
    model=Activity,
    namespace="activities",
    table=ActivityTable,
    filterset=ActivityFilterSet,
    form=ActivityForm,
    list_prefetch=("places",),
    hidden_fields=(*HIDDEN, "bodies"),  # shown with their part, as body_roles
    children=("body_roles", "events", "delegation"),
    detail_prefetch=("body_roles__body", "delegation__staff"),
    shortcuts=tuple((kind.label, f"kind={kind.value}") for kind in ActivityKind),
)
FAMILIES = (ACTIVITIES,)
