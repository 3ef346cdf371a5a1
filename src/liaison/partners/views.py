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
)
FAMILIES = (BODIES, MEMBERSHIPS, OBLIGATIONS, PLACES)
