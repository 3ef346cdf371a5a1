"""`liaison import-report PATH --year YYYY`: bring a past chapter in as draft activities."""

import json
import os
import sys

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from liaison.importer.parser import ChapterError, parse_chapter
from liaison.importer.services import registry_for, save_chapter
from liaison.importer.sources import SourceError, read_chapter_source

LANGUAGES = ("auto", "zh-Hant", "zh-Hans", "pt", "en")
TABLE_COLUMNS = ("kind", "month", "places", "organizations", "events", "text")


def shell_language() -> str:
    """The language of the shell's locale (LC_ALL, LC_MESSAGES, LANG) the messages are in:
    Portuguese, Traditional Chinese (zh_TW, zh_HK, zh_MO), else English."""
    locale = next(
        (os.environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(name)),
        "",
    )
    code = locale.split(".")[0].lower().replace("_", "-")
    if code.startswith("pt"):
        return "pt"
    if code in ("zh-tw", "zh-hk", "zh-mo") or code.startswith("zh-hant"):
        return "zh-hant"
    return "en"


class Command(BaseCommand):
    help = "Import an annual-report chapter (extracted .txt, the .pdf or a .docx) as drafts."

    def add_arguments(self, parser):
        parser.add_argument(
            "path", help="the chapter: extracted text (.txt), the PDF or a Word file (.docx)"
        )
        parser.add_argument("--year", type=int, required=True, help="the report's year")
        parser.add_argument("--dry-run", action="store_true", help="parse and print; write nothing")
        parser.add_argument("--format", choices=("json", "table"), default="json")
        parser.add_argument("--lang", choices=LANGUAGES, default="auto")
        parser.add_argument("--user", help="the editor the drafts are recorded for")

    def handle(self, *args, **options):
        with translation.override(shell_language()):
            self._import(**options)

    def _import(self, *, path, year, dry_run, format, lang, user, **options):
        if not 1990 <= year <= 2100:
            raise CommandError(f"The year {year} is out of range (1990–2100).")
        importer = None if dry_run else self._importer(user)
        try:
            text, _kind = read_chapter_source(path)
            registry = registry_for(importer) if importer else None
            parsed = parse_chapter(text, year=year, lang=lang, registry=registry)
        except (SourceError, ChapterError) as error:
            raise CommandError(str(error)) from error
        if dry_run:
            self._print(parsed.to_contract(), format)
            return
        try:
            summary = save_chapter(
                parsed, user=importer, source_name=str(path), progress=self._progress
            )
        except (ValidationError, PermissionDenied) as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        counts = summary.as_dict()
        self.stdout.write(
            f"created {counts['activities_created']} draft activities, "
            f"skipped {counts['activities_skipped']} already imported; "
            f"bodies matched {counts['bodies_matched']}, created {len(counts['bodies_created'])}; "
            f"places created {len(counts['places_created'])}"
        )

    def _importer(self, username):
        if not username:
            raise CommandError("Say whose drafts these are: --user USERNAME (an editor).")
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"There is no active user “{username}”.") from None

    def _progress(self, done: int, total: int) -> None:
        if total >= 50 and (done % 25 == 0 or done == total):
            sys.stderr.write(f"\r{done}/{total} activities")
            if done == total:
                sys.stderr.write("\n")

    def _print(self, contract: dict, format: str) -> None:
        if format == "json":
            self.stdout.write(json.dumps(contract, ensure_ascii=False, indent=2))
            return
        for item in contract["activities"]:
            cells = []
            for column in TABLE_COLUMNS:
                value = item.get(column)
                cells.append("、".join(value) if isinstance(value, list) else str(value or ""))
            self.stdout.write(" | ".join(cells))
