"""What the search box finds of partner bodies (names in three languages, acronym, other
names), places and obligations."""

from liaison.core.search import SearchIndex
from liaison.partners.models import Obligation, PartnerBody, Place

NAMES = ("name_zh_hant", "name_pt", "name_en")

INDEXES = (
    SearchIndex(PartnerBody, fields=(*NAMES, "acronym", "aliases")),
    SearchIndex(Place, fields=NAMES),
    SearchIndex(Obligation, fields=("title_zh_hant", "title_pt", "title_en")),
)
