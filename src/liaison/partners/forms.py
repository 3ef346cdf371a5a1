"""Forms for places, bodies, memberships and obligations."""

from django import forms
from django.utils.translation import gettext_lazy as _

from liaison.core.forms import RecordForm
from liaison.partners.models import Membership, Obligation, PartnerBody, Place

DATE = forms.DateInput(attrs={"type": "date"})


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
            "status",
            "completed_on",
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
        return cleaned
