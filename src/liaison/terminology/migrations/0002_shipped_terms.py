"""The genre's names in three languages (data/terms.json), for every new installation."""

from django.db import migrations

from liaison.terminology.shipped import load_shipped_terms


def load_terms(apps, schema_editor):
    load_shipped_terms(apps.get_model("terminology", "Term"))


class Migration(migrations.Migration):
    dependencies = [("terminology", "0001_initial")]

    operations = [migrations.RunPython(load_terms, migrations.RunPython.noop)]
