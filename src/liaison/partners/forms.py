"""Forms for places, bodies, memberships and obligations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.core.forms import RecordForm
from liaison.core.widgets import DatePicker
from liaison.partners.models import Membership, Obligation, PartnerBody, Place

DATE = DatePicker()


class PlaceForm(RecordForm):
    class Meta:
        model = Place
        fields = ["name_zh_hant", "name_pt", "name_en", "kind", "region_group", "parent"]


class PartnerBodyForm(RecordForm):
    class Meta:
        model = PartnerBody
        fields = [
            "name_zh_hant",
            "name_pt",
            "name_en",
            "acronym",
            "kind",
            "region_group",
            "place",
            "parent",
            "website",
            "classification",
            "cleared_officers",
        ]


class MembershipForm(RecordForm):
    class Meta:
        model = Membership
        fields = ["body", "status", "since", "until", "notes", "classification", "cleared_officers"]
        widgets = {"since": DATE, "until": DATE}

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date is before the start date."))
        return cleaned


class ObligationForm(RecordForm):
    class Meta:
        model = Obligation
        fields = [
            "membership",
            "title_zh_hant",
            "title_pt",
            "title_en",
            "kind",
            "due_date",
            "responsible",
            "status",
            "completed_on",
            "waived_reason",
            "classification",
            "cleared_officers",
        ]
        widgets = {"due_date": DATE, "completed_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        memberships = self.fields["membership"]
        memberships.queryset = memberships.queryset.select_related("body")  # named by body

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("status") == Obligation.Status.DONE and not cleaned.get("completed_on"):
            self.add_error("completed_on", _("Say when it was done."))
        if cleaned.get("status") == Obligation.Status.WAIVED and not cleaned.get("waived_reason"):
            self.add_error("waived_reason", _("Say why it was waived."))
        return cleaned


class CompleteObligationForm(forms.Form):
    """The obligation was done, on a day (today unless said otherwise)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    completed_on = forms.DateField(label=_("Done on"), widget=DATE)


class WaiveObligationForm(forms.Form):
    """The obligation is not required this time, and why."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why it is waived"), max_length=1000, widget=forms.Textarea(attrs={"rows": 2})
    )
