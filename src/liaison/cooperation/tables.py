from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.tables import LinkColumn, RecordTable


class CaseAssistanceRequestTable(RecordTable):
    reference = LinkColumn()

    class Meta(RecordTable.Meta):
        model = CaseAssistanceRequest
        fields = ("reference", "direction", "counterpart", "status", "received_on", "due_date")
        sequence = (*fields, "state")
        exclude = ("classification",)  # always confidential
