"""The case-assistance register in the API: only its officers, only the entries naming
them (the chokepoint), and every entry read is logged, in a list too."""

from ninja import ModelSchema, Router

from liaison.api.records import record_routes
from liaison.api.schemas import RECORD_FIELDS
from liaison.cooperation.forms import CaseAssistanceRequestForm
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.cooperation.views import REGISTER

router = Router(tags=["register"])


class CaseAssistanceRequestOut(ModelSchema):
    class Meta:
        model = CaseAssistanceRequest
        fields = [*RECORD_FIELDS, *CaseAssistanceRequestForm._meta.fields]


record_routes(router, REGISTER, path="register", out=CaseAssistanceRequestOut, audited=True)
