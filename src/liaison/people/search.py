"""What the search box finds of the agency's people: officers (for those the staff family
is shown to) and units."""

from liaison.core.search import SearchIndex
from liaison.people.models import Staff, Unit

INDEXES = (
    SearchIndex(Staff, fields=("name_zh_hant", "name_latin", "post", "staff_number")),
    SearchIndex(Unit, fields=("name_zh_hant", "name_pt", "name_en", "code")),
)
