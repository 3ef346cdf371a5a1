"""What the activity list filters by (the API, exports and the calendar reuse it)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind, Mode
from liaison.activities.models import Activity
from liaison.core.choices import RegionGroup
from liaison.core.filtersets import RecordFilterSet, visible
from liaison.partners.models import PartnerBody, Place


class ActivityFilterSet(RecordFilterSet):
    search_fields = ("title_zh_hant", "title_pt", "title_en", "summary_zh_hant")

    year = django_filters.NumberFilter(label=_("year"))
    kind = django_filters.ChoiceFilter(label=_("kind"), choices=ActivityKind.choices)
    mode = django_filters.ChoiceFilter(label=_("mode"), choices=Mode.choices)
    place = django_filters.ModelChoiceFilter(
        label=_("place"), field_name="places", queryset=Place.objects.all(), distinct=True
    )
    region = django_filters.ChoiceFilter(
        label=_("region group"),
        field_name="places__region_group",
        choices=RegionGroup.choices,
        distinct=True,
    )
    body = django_filters.ModelChoiceFilter(
        label=_("body"), field_name="bodies", queryset=visible(PartnerBody), distinct=True
    )
    start_after = django_filters.DateFilter(
        label=_("from"), field_name="start_date", lookup_expr="gte"
    )
    start_before = django_filters.DateFilter(
        label=_("until"), field_name="start_date", lookup_expr="lte"
    )

    class Meta:
        model = Activity
        fields = ["q", "year", "kind", "mode", "place", "region", "body", "state", "classification"]
