"""The attendance pages: read here, recorded on the course (the family has no form yet)."""

from liaison.core.registry import Family
from liaison.training.filtersets import AttendanceFilterSet
from liaison.training.models import Attendance
from liaison.training.tables import AttendanceTable

ATTENDANCE = Family(
    model=Attendance,
    namespace="training",
    table=AttendanceTable,
    filterset=AttendanceFilterSet,
    list_select=("participant__unit", "course"),
)
FAMILIES = (ATTENDANCE,)
