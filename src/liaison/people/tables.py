from liaison.core.tables import LinkColumn, NameColumn, RecordTable
from liaison.people.models import Staff, Unit


class UnitTable(RecordTable):
    name = NameColumn()

    class Meta(RecordTable.Meta):
        model = Unit
        fields = ("code", "name")
        sequence = ("code", "name", "...")


class StaffTable(RecordTable):
    name_zh_hant = LinkColumn()

    class Meta(RecordTable.Meta):
        model = Staff
        fields = ("name_zh_hant", "name_latin", "staff_number", "unit", "post", "active")
        sequence = (*fields, "...")
