"""The genre's names in three languages (data/terms.json), for every new installation."""

import json
from pathlib import Path

from django.db import migrations

TERMS = Path(__file__).resolve().parents[1] / "data" / "terms.json"


def load_terms(apps, schema_editor):
    Term = apps.get_model("terminology", "Term")
    known = set(Term.objects.values_list("name_zh_hant", flat=True))
    for item in json.loads(TERMS.read_text(encoding="utf-8"))["terms"]:
        if item["zh_hant"] not in known:
            Term.objects.create(
                kind=item["kind"],
                name_zh_hant=item["zh_hant"],
                name_pt=item["pt"],
                name_en=item["en"],
            )


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]

    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
