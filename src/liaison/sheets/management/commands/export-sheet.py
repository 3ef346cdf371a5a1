"""`liaison export-sheet --kind KIND [--year Y] [--filter NAME=VALUE] --format xlsx|csv
--output F --user U`: the records the user may see, filtered as the list filters them."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from liaison.sheets import registry, writing
from liaison.sheets.commandline import shell_language, user_named
from liaison.sheets.exporting import log_export, records_for
from liaison.sheets.reading import SheetError


class Command(BaseCommand):
    help = "Export the records of one kind the user may see as an .xlsx or .csv sheet."

    def add_arguments(self, parser):
        parser.add_argument("--kind", required=True, choices=[k.name for k in registry.kinds()])
        parser.add_argument("--year", help="only this year's records (where the list has a year)")
        parser.add_argument(
            "--filter", action="append", default=[], help="a list filter, NAME=VALUE (repeatable)"
        )
        parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
        parser.add_argument("--output", required=True, help="the file to write")
        parser.add_argument("--user", help="whose view of the records to export")

    def handle(self, *args, **options):
        with translation.override(shell_language()):
            self._export(**options)

    def _export(self, *, kind, year, filter, format, output, user, **options):
        reader = user_named(user)
        sheet = registry.kind_named(kind)
        params = dict(item.partition("=")[::2] for item in filter)
        if year:
            params["year"] = year
        try:
            records = records_for(sheet, reader, params)
        except SheetError as error:
            raise CommandError(str(error)) from error
        rows = writing.rows_of(sheet, records, reader)
        path = Path(output)
        if format == "xlsx":
            writing.write_xlsx(sheet, rows, path)
        else:
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.writelines(writing.csv_chunks(sheet, rows))
        log_export(sheet, records, reader, format)
        self.stdout.write(f"{records.count()} rows written to {path}")
