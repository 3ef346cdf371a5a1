"""What the search box finds of the chapter's own prose: its text in each language."""

from liaison.core.search import SearchIndex
from liaison.reports.models import Passage

INDEXES = (SearchIndex(Passage, fields=("text_zh_hant", "text_pt", "text_en")),)
