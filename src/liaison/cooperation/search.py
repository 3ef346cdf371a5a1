"""What the search box finds of the register: only its officers, named on the entry, see a
hit (the family and the chokepoint decide, as everywhere)."""

from liaison.cooperation.models import CaseAssistanceRequest
from liaison.core.search import SearchIndex

INDEXES = (SearchIndex(CaseAssistanceRequest, fields=("reference", "subject")),)
