"""The register's form: every entry is confidential, so there is no classification to pick."""

from django.utils.translation import gettext_lazy as _

from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.forms import RecordForm
from liaison.core.widgets import DatePicker

DATE = DatePicker()


class CaseAssistanceRequestForm(RecordForm):
    class Meta:
        model = CaseAssistanceRequest
        fields = [
            "reference",
            "direction",
            "counterpart",
            "subject",
            "status",
            "received_on",
            "due_date",
            "closed_on",
            "cleared_officers",
        ]
        widgets = {"received_on": DATE, "due_date": DATE, "closed_on": DATE}

    def clean(self):
        cleaned = super().clean()
        received, due = cleaned.get("received_on"), cleaned.get("due_date")
        if received and due and due < received:
            self.add_error("due_date", _("The due date is before the request was received."))
        return cleaned
