"""What the lists of bodies, memberships, obligations and places filter by."""

import django_filters
from django.utils.translation import gettext_lazy as _

from liaison.core.filtersets import RecordFilterSet, SearchFilterSet, visible
from liaison.partners.models import Membership, Obligation, PartnerBody, Place

NAMES = ("name_zh_hant", "name_pt", "name_en")


class PlaceFilterSet(SearchFilterSet):
    search_fields = NAMES

    class Meta:
        model = Place
        fields = ["q", "kind", "region_group"]


class PartnerBodyFilterSet(RecordFilterSet):
    search_fields = (*NAMES, "acronym")

    class Meta:
        model = PartnerBody
        fields = ["q", "kind", "region_group", "place", "state", "classification"]


class MembershipFilterSet(RecordFilterSet):
    search_fields = ("body__name_zh_hant", "body__name_en", "body__acronym")
    body = django_filters.ModelChoiceFilter(label=_("body"), queryset=visible(PartnerBody))

    class Meta:
        model = Membership
        fields = ["q", "body", "status", "state", "classification"]


class ObligationFilterSet(RecordFilterSet):
    search_fields = ("title_zh_hant", "title_pt", "title_en")
    body = django_filters.ModelChoiceFilter(
        label=_("body"), field_name="membership__body", queryset=visible(PartnerBody)
    )
    due_after = django_filters.DateFilter(
        label=_("due from"), field_name="due_date", lookup_expr="gte"
    )
    due_before = django_filters.DateFilter(
        label=_("due by"), field_name="due_date", lookup_expr="lte"
    )

    class Meta:
        model = Obligation
        fields = ["q", "kind", "status", "body", "due_after", "due_before", "state"]
