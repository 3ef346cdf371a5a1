"""What the lists of units and staff filter by."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.core.filtersets import RecordFilterSet, visible
from liaison.people.models import Staff, Unit


class UnitFilterSet(RecordFilterSet):
    search_fields = ("code", "name_zh_hant", "name_pt", "name_en")

    class Meta:
        model = Unit
        fields = ["q", "state", "classification"]


class StaffFilterSet(RecordFilterSet):
    search_fields = ("name_zh_hant", "name_latin", "staff_number", "post")
    unit = django_filters.ModelChoiceFilter(label=_("unit"), queryset=visible(Unit))

    class Meta:
        model = Staff
        fields = ["q", "unit", "active", "state", "classification"]
