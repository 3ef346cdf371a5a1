import django_tables2 as tables
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from liaison.core.tables import FamilyTable, LinkColumn, NameColumn, RecordTable, TitleColumn
from liaison.partners.models import Membership, Obligation, PartnerBody, Place


def overdue(record) -> str:
    """Open obligations past their date are marked (shown in red)."""
    late = record.status == Obligation.Status.OPEN and record.due_date < timezone.localdate()
    return "overdue" if late else ""


class PlaceTable(FamilyTable):
    name = NameColumn()

    class Meta(FamilyTable.Meta):
        model = Place
        fields = ("name", "kind", "region_group", "parent")


class PartnerBodyTable(RecordTable):
    name = NameColumn()

    class Meta(RecordTable.Meta):
        model = PartnerBody
        fields = ("name", "acronym", "kind", "region_group", "place")
        sequence = ("name", "acronym", "kind", "region_group", "place", "...")


class MembershipTable(RecordTable):
    body = LinkColumn(order_by=("body__name_zh_hant",))
    standing = tables.Column(verbose_name=_("standing"), empty_values=(), orderable=False)

    class Meta(RecordTable.Meta):
        model = Membership
        fields = ("body", "status", "since", "until")
        sequence = ("body", "status", "since", "until", "standing", "...")

    def render_standing(self, record) -> str:
        """Current, ending or expired, computed from the dates as of today."""
        return record.standing().label


class ObligationTable(RecordTable):
    title = TitleColumn()
    body = tables.Column(accessor="membership__body", order_by=("membership__body__name_zh_hant",))
    due_date = tables.Column(attrs={"td": {"class": overdue}})

    class Meta(RecordTable.Meta):
        model = Obligation
        fields = ("title", "body", "kind", "due_date", "status")
        sequence = ("title", "body", "kind", "due_date", "status", "...")
