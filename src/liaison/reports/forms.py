"""The form of a passage of the chapter's own prose (the office's lead, a context sentence)."""

from liaison.core.forms import RecordForm
from liaison.reports.models import Passage


class PassageForm(RecordForm):
    class Meta:
        model = Passage
        fields = [
            "year",
            "role",
            "part",
            "position",
            "text_zh_hant",
            "text_pt",
            "text_en",
            "classification",
            "cleared_officers",
        ]
