"""What the register filters by."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.filtersets import RecordFilterSet, visible
from liaison.partners.models import PartnerBody


class CaseAssistanceRequestFilterSet(RecordFilterSet):
    search_fields = ("reference", "subject")
    counterpart = django_filters.ModelChoiceFilter(
        label=_("counterpart"), queryset=visible(PartnerBody)
    )
    due_before = django_filters.DateFilter(
        label=_("due by"), field_name="due_date", lookup_expr="lte"
    )

    class Meta:
        model = CaseAssistanceRequest
        fields = ["q", "direction", "status", "counterpart", "due_before", "state"]
