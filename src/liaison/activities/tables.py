import django_tables2 as tables

from liaison.activities.models import Activity
from liaison.core.tables import RecordTable, TitleColumn


class ActivityTable(RecordTable):
    title = TitleColumn()
    places = tables.ManyToManyColumn(orderable=False)

    class Meta(RecordTable.Meta):
        model = Activity
        fields = ("title", "kind", "year", "start_date", "places")
        sequence = ("title", "kind", "year", "start_date", "places", "classification", "state")
