import django_tables2 as tables

from liaison.core.tables import FamilyTable, LinkColumn
from liaison.training.models import Attendance


class AttendanceTable(FamilyTable):
    participant = LinkColumn(order_by=("participant__name_zh_hant",))
    unit = tables.Column(accessor="participant__unit", order_by=("participant__unit__code",))
    course = tables.Column(order_by=("course__title_zh_hant",))

    class Meta(FamilyTable.Meta):
        model = Attendance
        fields = ("participant", "unit", "course", "hours", "completed", "certificate_number")
