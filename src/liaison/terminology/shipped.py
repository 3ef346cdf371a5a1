"""The genre's names shipped with Liaison (data/terms.json), in three languages.

Loaded by the data migration on every new installation, and again by the demo: a database
emptied since its migrations (a test database flushed after a browser test) has lost them.
"""

import json
from pathlib import Path

TERMS = Path(__file__).resolve().parent / "data" / "terms.json"


def load_shipped_terms(term_model) -> int:
    """Add the shipped terms the base lacks (matched by their Chinese name); how many."""
    known = set(term_model.objects.values_list("name_zh_hant", flat=True))
    added = [
        term_model(
            kind=item["kind"], name_zh_hant=item["zh_hant"], name_pt=item["pt"], name_en=item["en"]
        )
        for item in json.loads(TERMS.read_text(encoding="utf-8"))["terms"]
        if item["zh_hant"] not in known
    ]
    term_model.objects.bulk_create(added)
    return len(added)
