"""`liaison report --year 2024 --lang zh-Hant --format pdf`: the annual chapter as a file."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from liaison.accounts.models import Agency
from liaison.core.choices import Classification
from liaison.reports.choices import CHAPTER_YEARS as YEARS
from liaison.reports.queries import DEFAULT_CLASSIFICATION
from liaison.reports.render import FORMATS, filename
from liaison.reports.services import MissingTranslations, generate
from liaison.reports.text import LANGUAGES

CLASSIFICATIONS = {
    "public": Classification.PUBLIC,
    "internal": Classification.INTERNAL,
    "restricted": Classification.RESTRICTED,
}


class Command(BaseCommand):
    help = (
        "Write the annual chapter on external exchanges and training from the approved "
        "records, as Markdown, HTML, DOCX or PDF, in zh-Hant, Portuguese or English."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--lang", default="zh-Hant", help=f"one of {', '.join(LANGUAGES)}")
        parser.add_argument("--format", default="md", help=f"one of {', '.join(FORMATS)}")
        parser.add_argument(
            "--output",
            help="file to write; by default Markdown and HTML go to standard output and "
            "DOCX and PDF to chapter-YEAR-LANG.FORMAT in the current folder",
        )
        parser.add_argument(
            "--include-drafts",
            action="store_true",
            help="include records not yet approved, each marked as a draft",
        )
        parser.add_argument(
            "--agency", help="agency code (default: LIAISON_DEFAULT_AGENCY_CODE, or the only one)"
        )
        parser.add_argument(
            "--user", help="read the records as this user would (and log the generation)"
        )
        parser.add_argument(
            "--classification",
            default=DEFAULT_CLASSIFICATION.name.lower(),
            help="highest classification the chapter may show: public, internal (default) "
            "or restricted; confidential records never appear",
        )

    def handle(self, *args, **options):
        if options["year"] not in YEARS:
            raise CommandError(
                f"The year {options['year']} is out of range ({YEARS.start}–{YEARS.stop - 1})."
            )
        if options["output"] is not None:
            self.check_output(Path(options["output"]))
        language = self.language(options["lang"])
        fmt = options["format"].lower()
        if fmt not in FORMATS:
            raise CommandError(
                f"Unknown format “{options['format']}”; use one of: {', '.join(FORMATS)}."
            )
        level = CLASSIFICATIONS.get(options["classification"].lower())
        if level is None:
            raise CommandError(
                f"Unknown classification “{options['classification']}”; "
                f"use one of: {', '.join(CLASSIFICATIONS)}."
            )
        user = self.user(options["user"])
        agency = self.agency(options["agency"], user)
        try:
            chapter, content = generate(
                agency,
                options["year"],
                language,
                fmt,
                user=user,
                include_drafts=options["include_drafts"],
                max_classification=level,
                reader=user,
            )
        except MissingTranslations as refused:
            summary, *names = refused.messages
            lines = [summary, *(f"  - {name}" for name in names)]
            raise CommandError("\n".join([*lines, "(--include-drafts makes a draft)"])) from None
        if chapter.is_empty:
            self.stderr.write(f"No records for {options['year']}: the chapter says so.")
        output = options["output"]
        if output is None and not FORMATS[fmt].binary:
            self.stdout.write(content.decode("utf-8"), ending="")
            return
        path = Path(output or filename(chapter, fmt))
        try:
            path.write_bytes(content)
        except OSError as error:
            raise CommandError(f"Cannot write “{path}”: {error.strerror}.") from None
        self.stderr.write(f"Wrote {path} ({len(content):,} bytes).")

    def check_output(self, path: Path) -> None:
        """Refuse, before anything is generated, a file that could not be written."""
        if path.is_dir():
            raise CommandError(f"“{path}” is a folder; give the file to write, with its name.")
        if not path.parent.is_dir():
            raise CommandError(f"The folder “{path.parent}” does not exist.")

    def language(self, value: str) -> str:
        for language in LANGUAGES:
            if language.lower() == value.lower():
                return language
        raise CommandError(f"Unknown language “{value}”; use one of: {', '.join(LANGUAGES)}.")

    def user(self, username: str | None):
        if username is None:
            return None
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No active user “{username}”.") from None

    def agency(self, code: str | None, user) -> Agency:
        if code:
            agency = Agency.objects.filter(code__iexact=code).first()
            if agency is None:
                raise CommandError(f"No agency with code “{code}”.")
            return agency
        if user is not None and user.agency_id:
            return user.agency
        agency = Agency.objects.filter(code__iexact=settings.LIAISON_DEFAULT_AGENCY_CODE).first()
        if agency is None and Agency.objects.count() == 1:
            agency = Agency.objects.get()
        if agency is None:
            raise CommandError("Say which agency's chapter to write: --agency CODE.")
        return agency
