"""Parse annual-report chapters on external exchanges and training into activities."""

from .chapter import ChapterError, ParsedActivity, ParsedChapter, Provenance, parse_chapter
from .entities import Body
from .registry import BodyEntry, PlaceEntry, Registry
from .text import normalize

__all__ = [
    "Body",
    "BodyEntry",
    "ChapterError",
    "ParsedActivity",
    "ParsedChapter",
    "PlaceEntry",
    "Provenance",
    "Registry",
    "normalize",
    "parse_chapter",
]
