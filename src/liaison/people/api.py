"""Units and officers in the API."""

from ninja import ModelSchema, Router

from liaison.api.records import record_routes
from liaison.api.schemas import RECORD_FIELDS
from liaison.people import forms
from liaison.people.models import Staff, Unit
from liaison.people.views import STAFF, UNITS

router = Router(tags=["people"])


class UnitOut(ModelSchema):
    class Meta:
        model = Unit
        fields = [*RECORD_FIELDS, *forms.UnitForm._meta.fields]


class StaffOut(ModelSchema):
    class Meta:
        model = Staff
        fields = [*RECORD_FIELDS, *forms.StaffForm._meta.fields]


record_routes(router, UNITS, path="units", out=UnitOut)
record_routes(router, STAFF, path="staff", out=StaffOut)
