"""The pages of places, bodies, memberships and obligations: the generic ones, fed."""

from liaison.core.registry import Family
from liaison.partners import filtersets, forms, tables
from liaison.partners.models import Membership, Obligation, PartnerBody, Place

BODIES = Family(
    model=PartnerBody,
    namespace="partners",
    table=tables.PartnerBodyTable,
    filterset=filtersets.PartnerBodyFilterSet,
    form=forms.PartnerBodyForm,
    list_select=("place",),
    children=("memberships",),
    search_fields=("name_zh_hant", "name_pt", "name_en", "acronym"),
    quick_add=("name_zh_hant", "name_pt", "name_en", "acronym", "kind", "region_group"),
)
MEMBERSHIPS = Family(
    model=Membership,
    namespace="partners",
    table=tables.MembershipTable,
    filterset=filtersets.MembershipFilterSet,
    form=forms.MembershipForm,
    list_select=("body",),
    children=("obligations",),
)
OBLIGATIONS = Family(
    model=Obligation,
    namespace="partners",
    table=tables.ObligationTable,
    filterset=filtersets.ObligationFilterSet,
    form=forms.ObligationForm,
    list_select=("membership__body",),
    detail_prefetch=("membership__body",),
)
PLACES = Family(
    model=Place,
    namespace="partners",
    table=tables.PlaceTable,
    filterset=filtersets.PlaceFilterSet,
    form=forms.PlaceForm,
    list_select=("parent",),
    search_fields=("name_zh_hant", "name_pt", "name_en"),
    quick_add=("name_zh_hant", "name_pt", "name_en", "kind", "region_group"),
)
FAMILIES = (BODIES, MEMBERSHIPS, OBLIGATIONS, PLACES)
