"""The register's pages, found only by its officers (others see no link and get a 403)."""

from liaison.cooperation import filtersets, forms, tables
from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.choices import Role
from liaison.core.registry import Family
from liaison.core.visibility import roles_of


def is_register_officer(user) -> bool:
    return Role.REGISTER_OFFICER in roles_of(user)


REGISTER = Family(
    model=CaseAssistanceRequest,
    namespace="cooperation",
    table=tables.CaseAssistanceRequestTable,
    filterset=filtersets.CaseAssistanceRequestFilterSet,
    form=forms.CaseAssistanceRequestForm,
    list_select=("counterpart",),
    shown_to=is_register_officer,
)
FAMILIES = (REGISTER,)
