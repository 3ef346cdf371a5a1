"""The pages of units and staff: the generic ones, fed."""

from liaison.core.registry import Family
from liaison.people import filtersets, forms, tables
from liaison.people.models import Staff, Unit

UNITS = Family(
    model=Unit,
    namespace="people",
    table=tables.UnitTable,
    filterset=filtersets.UnitFilterSet,
    form=forms.UnitForm,
)
STAFF = Family(
    model=Staff,
    namespace="people",
    table=tables.StaffTable,
    filterset=filtersets.StaffFilterSet,
    form=forms.StaffForm,
    list_select=("unit",),
    search_fields=("name_zh_hant", "name_latin", "staff_number"),
)
FAMILIES = (STAFF, UNITS)
