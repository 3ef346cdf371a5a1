"""What the list of the chapter's own prose filters by: the year, the role, the part."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.core.filtersets import RecordFilterSet
from liaison.reports.models import Passage


class PassageFilterSet(RecordFilterSet):
    search_fields = ("text_zh_hant", "text_pt", "text_en")
    year = django_filters.NumberFilter(label=_("year"))

    class Meta:
        model = Passage
        fields = ["q", "year", "role", "part", "state", "classification"]
