"""Importing a sheet: every row read, matched, compared and saved through the services.

Why the preview saves too: a dry run goes through the very same writes as the import,
inside a transaction that is then rolled back, so what it reports (created, updated,
skipped, and every row's errors, the services' own checks included) is exactly what the
confirmation will do. All or nothing by default: one failed row and the whole import is
rolled back; with `valid_only`, each row is saved in its own savepoint and the failed ones
are reported and left out.

Why not django-import-export: it loads the whole file into a tablib Dataset (no bounded
memory), saves with `instance.save()` rather than through the services, and matches by
exact field values rather than by any name a body is known by in either Chinese script.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import rules
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from liaison.audit.models import AuditEvent
from liaison.audit.services import log_event
from liaison.sheets import cells
from liaison.sheets.columns import Changes, Context, folded
from liaison.sheets.reading import SheetError, open_sheet
from liaison.sheets.registry import SheetKind
from liaison.sheets.services import record_provenance, start_import

#: How many rows a preview lists (the counts cover every row).
SHOWN_ROWS = 500
#: How many new rows wait to be saved together, when their kind saves many at once.
BATCH = 10_000

CREATE, UPDATE, SKIP, ERROR = "create", "update", "skip", "error"


@dataclass
class RowResult:
    number: int
    action: str
    label: str = ""
    changed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class ImportResult:
    """What an import did or, for a dry run, would do."""

    file: str
    sheet: str = ""
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys((CREATE, UPDATE, SKIP, ERROR), 0)
    )
    rows: list[RowResult] = field(default_factory=list)
    written: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def add(self, row: RowResult) -> None:
        self.counts[row.action] += 1
        if len(self.rows) < SHOWN_ROWS or (row.errors and len(self.rows) < 2 * SHOWN_ROWS):
            self.rows.append(row)


class HeaderError(SheetError):
    """The header row does not name the kind's columns."""


def match_headers(kind: SheetKind, header: list) -> dict[int, str]:
    """Which column each position holds, by its header in any of the three languages."""
    wanted = {name: column.key for column in kind.columns for name in column.headers()}
    positions, unknown, seen = {}, [], set()
    for position, cell in enumerate(header):
        written = cells.text(cell)
        if not written:
            continue
        key = wanted.get(folded(written))
        if key is None:
            unknown.append(written)
        elif key in seen:
            raise HeaderError(_("The column “%(name)s” appears twice.") % {"name": written})
        else:
            positions[position] = key
            seen.add(key)
    problems = []
    if unknown:
        problems.append(
            _("These columns are not part of a %(kind)s sheet: %(names)s.")
            % {"kind": kind.label, "names": "; ".join(unknown)}
        )
    missing = [str(c.label) for c in kind.columns if c.required and c.key not in seen]
    if missing:
        problems.append(_("These columns are missing: %(names)s.") % {"names": "; ".join(missing)})
    if problems:
        expected = "; ".join(str(column.label) for column in kind.columns)
        problems.append(_("The columns are: %(names)s.") % {"names": expected})
        raise HeaderError(" ".join(problems))
    return positions


def error_texts(error: Exception, kind: SheetKind) -> list[str]:
    """A service's refusal as sentences, each naming its column."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        found = []
        for name, messages in error.message_dict.items():
            try:
                label = kind.model._meta.get_field(name).verbose_name
            except Exception:
                label = None
            prefix = f"{label}: " if label and name != NON_FIELD_ERRORS else ""
            found += [prefix + message for message in messages]
        return found
    if isinstance(error, ValidationError):
        return list(error.messages)
    if isinstance(error, IntegrityError):
        return [_("This row conflicts with a record already stored.")]
    return [str(error) or _("You may not do this.")]


class _Run:
    """The rows of one import. New rows of a kind that saves many at once (attendance) wait
    in a batch; a batch the service refuses is saved again row by row, so each error is
    named on its own row."""

    def __init__(self, kind: SheetKind, ctx: Context, result: ImportResult):
        self.kind, self.ctx, self.result = kind, ctx, result
        self.pending: list[tuple[RowResult, Changes]] = []
        self.sheet_import = None

    def row(self, number: int, positions: dict[int, str], values: list) -> None:
        raw = {key: values[pos] if pos < len(values) else None for pos, key in positions.items()}
        result = RowResult(number, ERROR)
        stray = [
            p for p, cell in enumerate(values) if p not in positions and cell not in (None, "")
        ]
        if stray:
            result.errors.append(
                _("A value stands in a column without a header (column %(col)s).")
                % {"col": stray[0] + 1}
            )
        read = {}
        for column in self.kind.columns:
            try:
                read[column.key] = column.read(raw.get(column.key), raw, self.ctx)
            except cells.CellError as error:
                result.errors.append(f"{column.label}: {error}")
                continue
            if column.required and read[column.key] in (None, "", []):
                result.errors.append(
                    _("%(column)s: this cell is required.") % {"column": column.label}
                )
        if result.errors:
            self.result.add(result)
        else:
            self._plan(result, raw, read)

    def _plan(self, result: RowResult, raw: dict, read: dict) -> None:
        try:
            record = self.kind.find(read, self.ctx)
        except cells.CellError as error:
            result.errors.append(str(error))
            self.result.add(result)
            return
        changes = Changes()
        for column in self.kind.columns:
            if column.apply is None or column.key not in raw:
                continue
            if record is None or not column.same(column.current(record), read[column.key]):
                column.apply(read[column.key], changes)
                if record is not None:
                    result.changed.append(str(column.label))
        if record is not None and not result.changed:
            result.action, result.label = SKIP, str(record)
            self.result.add(result)
        elif record is None and self.kind.save_many is not None:
            self.pending.append((result, changes))
            if len(self.pending) >= BATCH:
                self.flush()
        else:
            self._save(result, record, changes)

    def _save(self, result: RowResult, record, changes: Changes) -> None:
        where = f"{self.result.file}, {self.result.sheet}, {result.number}"
        self._start()  # outside the row's savepoint, which a failed row rolls back
        try:
            with transaction.atomic():
                saved = self.kind.save(record, changes, self.ctx, where)
                self._provenance([(saved, result.number)])
        except (ValidationError, PermissionDenied, IntegrityError) as error:
            result.errors += error_texts(error, self.kind)
        else:
            result.action, result.label = CREATE if record is None else UPDATE, str(saved)
        self.result.add(result)

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        self._start()
        try:
            with transaction.atomic():
                saved = self.kind.save_many([changes for _result, changes in batch], self.ctx)
                self._provenance(
                    [
                        (record, result.number)
                        for (result, _), record in zip(batch, saved, strict=True)
                    ]
                )
        except (ValidationError, PermissionDenied, IntegrityError):
            for result, changes in batch:
                self._save(result, None, changes)
            return
        for (result, _changes), record in zip(batch, saved, strict=True):
            result.action, result.label = CREATE, str(record)
            self.result.add(result)

    def _start(self) -> None:
        if self.sheet_import is None:
            self.sheet_import = start_import(
                user=self.ctx.user, file=self.result.file, sheet=self.result.sheet
            )

    def _provenance(self, saved) -> None:
        record_provenance(self.sheet_import, saved)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector paused while the rows are saved. An import keeps thousands of
    records, audit entries and provenance rows alive until each batch is written, so the
    collector kept walking them all (8 full passes, a third of a 10,000-row import's time)
    to find almost nothing: the rows make no reference cycles (2,000 objects in all)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def import_sheet(
    kind: SheetKind,
    path: str | Path,
    *,
    user,
    filename: str | None = None,
    dry_run: bool = False,
    valid_only: bool = False,
    progress: Callable[[int, int | None], None] | None = None,
) -> ImportResult:
    """Import the file's first sheet as `kind` for `user`; raises SheetError for a file that
    cannot be read at all (nothing is written then either)."""
    if not rules.has_perm(kind.permission, user):
        raise SheetError(_("You may not import %(kind)s.") % {"kind": kind.label})
    sheet = open_sheet(path, filename)
    result = ImportResult(file=filename or Path(path).name, sheet=sheet.name)
    run = _Run(kind, Context(user), result)
    try:
        with _collector_paused(), transaction.atomic():
            positions = None
            for number, values in sheet.rows:
                if all(cell in (None, "") for cell in values):
                    continue
                if positions is None:
                    positions = match_headers(kind, values)
                else:
                    run.row(number, positions, values)
                if progress:
                    progress(number, sheet.total)
            run.flush()
            if positions is None:
                raise HeaderError(_("The sheet is empty: it has no header row."))
            result.written = not dry_run and (valid_only or not result.counts[ERROR])
            if not result.written:
                transaction.set_rollback(True)
    finally:
        sheet.close()
    result.rows.sort(key=lambda row: row.number)
    if result.written:
        log_event(
            AuditEvent.Kind.IMPORT, user=user, source=result.file, sheet=kind.name, **result.counts
        )
    return result
