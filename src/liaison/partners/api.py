"""Bodies, memberships, obligations and places in the API."""

from ninja import ModelSchema, Router

from liaison.api.records import record_routes
from liaison.api.schemas import RECORD_FIELDS, REFERENCE_FIELDS
from liaison.partners import forms
from liaison.partners.models import Membership, Obligation, PartnerBody, Place
from liaison.partners.views import BODIES, MEMBERSHIPS, OBLIGATIONS, PLACES

router = Router(tags=["partners"])


class PartnerBodyOut(ModelSchema):
    aliases: list[str]

    class Meta:
        model = PartnerBody
        fields = [*RECORD_FIELDS, *forms.PartnerBodyForm._meta.fields, "aliases"]


class MembershipOut(ModelSchema):
    class Meta:
        model = Membership
        fields = [*RECORD_FIELDS, *forms.MembershipForm._meta.fields]


class ObligationOut(ModelSchema):
    class Meta:
        model = Obligation
        fields = [*RECORD_FIELDS, *forms.ObligationForm._meta.fields]


class PlaceOut(ModelSchema):
    class Meta:
        model = Place
        fields = [*REFERENCE_FIELDS, *forms.PlaceForm._meta.fields]


record_routes(router, BODIES, path="bodies", out=PartnerBodyOut)
record_routes(router, MEMBERSHIPS, path="memberships", out=MembershipOut)
record_routes(router, OBLIGATIONS, path="obligations", out=ObligationOut)
record_routes(router, PLACES, path="places", out=PlaceOut)
