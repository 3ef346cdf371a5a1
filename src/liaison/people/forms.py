"""Forms for units and staff."""

from liaison.core.forms import RecordForm
from liaison.people.models import Staff, Unit


class UnitForm(RecordForm):
    class Meta:
        model = Unit
        fields = ["code", "name_zh_hant", "name_pt", "name_en", "classification"]


class StaffForm(RecordForm):
    class Meta:
        model = Staff
        fields = [
            "name_zh_hant",
            "name_latin",
            "staff_number",
            "unit",
            "post",
            "email",
            "user",
            "active",
            "classification",
            "cleared_officers",
        ]
