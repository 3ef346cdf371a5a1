"""The activity form: the model's rules, plus what a form can say before saving."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity, ActivityBody, DelegationMember, Event
from liaison.core.forms import RecordForm
from liaison.core.widgets import DatePicker

NEEDS_A_PLACE = (ActivityKind.OUTBOUND_VISIT,)


class ActivityForm(RecordForm):
    class Meta:
        model = Activity
        fields = [
            "kind",
            "title_zh_hant",
            "title_pt",
            "title_en",
            "summary_zh_hant",
            "summary_pt",
            "summary_en",
            "year",
            "start_date",
            "end_date",
            "date_precision",
            "mode",
            "places",
            "topics",
            "purpose",
            "outcome",
            "visitor_count",
            "training_scope",
            "training_hours",
            "classification",
            "cleared_officers",
        ]
        widgets = {
            "start_date": DatePicker(),
            "end_date": DatePicker(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.fields["year"].required = False  # taken from the start date

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") in NEEDS_A_PLACE and not cleaned.get("places"):
            self.add_error("places", _("A visit goes somewhere: give at least one place."))
        hours = cleaned.get("training_hours")
        if hours is not None and hours <= 0:
            self.add_error("training_hours", _("Course hours must be more than zero."))
        start = cleaned.get("start_date")
        if start and not cleaned.get("year"):
            cleaned["year"] = start.year
        if not start and not cleaned.get("year"):
            raise ValidationError({"year": _("Give the year, or the start date.")})
        return cleaned


class EventForm(RecordForm):
    """An event the activity attended (added on the activity's page)."""

    class Meta:
        model = Event
        fields = ["title_zh_hant", "title_pt", "title_en", "series", "session_number"]


class BodyRoleForm(RecordForm):
    class Meta:
        model = ActivityBody
        fields = ["body", "role"]


class DelegationMemberForm(RecordForm):
    class Meta:
        model = DelegationMember
        fields = ["staff", "is_head"]
