"""One SheetImport for what an import's rows shared (file, sheet, who, when), each row
linked to it: the rows written by one import are those of one user, file and sheet within
a minute of each other (their times differed by the microseconds the insert took)."""

import datetime

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SAME_IMPORT = datetime.timedelta(minutes=1)


def group_rows(apps, schema_editor):
    SheetImport = apps.get_model("sheets", "SheetImport")
    SheetRow = apps.get_model("sheets", "SheetRow")
    current, last = None, None
    rows = SheetRow.objects.order_by("imported_by", "file", "sheet", "imported_at", "pk")
    for row in rows.iterator():
        key = (row.imported_by_id, row.file, row.sheet)
        if current is None or key != last[0] or row.imported_at - last[1] > SAME_IMPORT:
            current = SheetImport.objects.create(
                file=row.file, sheet=row.sheet, imported_by_id=row.imported_by_id
            )
            SheetImport.objects.filter(pk=current.pk).update(imported_at=row.imported_at)
        SheetRow.objects.filter(pk=row.pk).update(sheet_import=current)
        last = (key, row.imported_at)


def ungroup_rows(apps, schema_editor):
    SheetRow = apps.get_model("sheets", "SheetRow")
    for row in SheetRow.objects.select_related("sheet_import").iterator():
        source = row.sheet_import
        SheetRow.objects.filter(pk=row.pk).update(
            file=source.file,
            sheet=source.sheet,
            imported_by=source.imported_by_id,
            imported_at=source.imported_at,
        )


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("sheets", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="SheetImport",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("file", models.CharField(max_length=255, verbose_name="file")),
                ("sheet", models.CharField(max_length=255, verbose_name="sheet")),
                ("imported_at", models.DateTimeField(auto_now_add=True, verbose_name="imported at")),
                ("imported_by", models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="imported by")),
            ],
            options={
                "verbose_name": "sheet import",
                "verbose_name_plural": "sheet imports",
                "ordering": ["-imported_at", "-pk"],
            },
        ),
        migrations.AddField(
            model_name="sheetrow",
            name="sheet_import",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="rows", to="sheets.sheetimport", verbose_name="sheet import"),
        ),
        migrations.AlterField(
            model_name="sheetrow",
            name="file",
            field=models.CharField(max_length=255, null=True, verbose_name="file"),
        ),
        migrations.AlterField(
            model_name="sheetrow",
            name="sheet",
            field=models.CharField(max_length=255, null=True, verbose_name="sheet"),
        ),
        migrations.AlterField(
            model_name="sheetrow",
            name="imported_by",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="imported by"),
        ),
        migrations.AlterField(
            model_name="sheetrow",
            name="imported_at",
            field=models.DateTimeField(null=True, verbose_name="imported at"),
        ),
        migrations.RunPython(group_rows, ungroup_rows),
        migrations.AlterModelOptions(
            name="sheetrow",
            options={"ordering": ["sheet_import", "row"], "verbose_name": "imported row", "verbose_name_plural": "imported rows"},
        ),
        migrations.RemoveField(model_name="sheetrow", name="file"),
        migrations.RemoveField(model_name="sheetrow", name="sheet"),
        migrations.RemoveField(model_name="sheetrow", name="imported_by"),
        migrations.RemoveField(model_name="sheetrow", name="imported_at"),
        migrations.AlterField(
            model_name="sheetrow",
            name="sheet_import",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="rows", to="sheets.sheetimport", verbose_name="sheet import"),
        ),
    ]
