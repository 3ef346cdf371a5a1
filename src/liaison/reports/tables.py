import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from liaison.core.tables import LinkColumn, RecordTable
from liaison.reports.models import Passage


class PassageTable(RecordTable):
    text = LinkColumn(verbose_name=_("text"), order_by=("text_zh_hant",))
    position = tables.Column()

    class Meta(RecordTable.Meta):
        model = Passage
        fields = ("year", "role", "part", "text", "position")
        sequence = ("year", "role", "part", "text", "position", "classification", "state")

    def render_text(self, value):
        return value if len(value) <= 60 else value[:59] + "…"
