"""The attendance pages: read here, recorded on the course's page."""

from liaison.activities.choices import ActivityKind
from liaison.core.registry import Family, Rows
from liaison.training import services
from liaison.training.filtersets import AttendanceFilterSet
from liaison.training.forms import AttendanceForm
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

#: Attendance is added and removed on its course's page.
COURSE_ROWS = Rows(
    "attendance",
    AttendanceForm,
    save=services.save_attendance,
    delete=services.delete_attendance,
    applies=lambda course: course.kind == ActivityKind.TRAINING,
)
