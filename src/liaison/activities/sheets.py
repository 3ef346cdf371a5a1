"""The activity sheets: one for every kind together, and one per kind with only that
kind's columns (the training sheet is the sheet of training courses).

The bodies' roles take two columns: the bodies, and the role they played. When the
bodies of an activity played different roles, each name carries its role in brackets
(公開機構 (主辦)); a name without one plays the row's role, else the kind's usual one.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.activities.models import Activity, ActivityBody, Topic
from liaison.core import services
from liaison.importer.services import DEFAULT_ROLE
from liaison.partners.sheets import BODIES, PLACES
from liaison.sheets import cells
from liaison.sheets import columns as c
from liaison.sheets.records import by_number, saver, state
from liaison.sheets.registry import SheetKind
from liaison.sheets.writing import visible_rows

TOPICS = c.Lookup(
    gettext_lazy("topic"),
    records=lambda user: Topic.objects.all(),
    names=lambda topic: (topic.name_zh_hant, topic.name_pt, topic.name_en),
    name=lambda topic: topic.name_zh_hant,
)
ROLE_LABELS = dict(BodyRole.choices)
_BRACKETED = re.compile(r"^(.*?)\s*[(（]([^()（）]+)[)）]$")


def _year(cell, row, ctx):
    year = cells.whole_number(cell)
    if year is None and (start := cells.sheet_date(row.get("start_date"))) is not None:
        year = start.year
    return year


def _start(cell, row, ctx):
    found = cells.sheet_date(cell)
    return None if found is None or found.precision == DatePrecision.YEAR else found


def _stored_start(activity):
    if activity.date_precision == DatePrecision.YEAR or activity.start_date is None:
        return None
    date = activity.start_date
    if activity.date_precision == DatePrecision.MONTH:
        date = date.replace(day=1)
    return cells.SheetDate(date.year, date, activity.date_precision)


def _apply_start(start, changes):
    if start is None:
        changes.data.update(start_date=None, date_precision=DatePrecision.YEAR)
    else:
        changes.data.update(start_date=start.date, date_precision=start.precision)
        changes.data.setdefault("year", start.year)


def _start_cell(start):
    if start is None:
        return ""
    return start.date if start.precision == DatePrecision.DAY else str(start)


def _role(written: str) -> str | None:
    return c._choice_names(tuple(BodyRole.choices)).get(c.folded(written)) if written else None


def _row_role(row, fixed_kind) -> str:
    written = cells.text(row.get("role"))
    if written and (role := _role(written)) is not None:
        return role
    if written:
        raise cells.CellError(
            _("“%(value)s” is not one of: %(choices)s.")
            % {"value": written, "choices": "; ".join(map(str, ROLE_LABELS.values()))}
        )
    kind = fixed_kind or _choice_value(ActivityKind, row.get("kind"))
    return DEFAULT_ROLE.get(kind, BodyRole.PARTNER)


def _choice_value(choices, cell):
    return c._choice_names(tuple(choices.choices)).get(c.folded(cells.text(cell)))


def _bodies(fixed_kind):
    def read(cell, row, ctx):
        default = _row_role(row, fixed_kind)
        found = set()
        for item in cells.items(cell):
            bracketed = _BRACKETED.match(item)
            role = _role(bracketed[2]) if bracketed else None
            name = bracketed[1] if role else item
            found.add((BODIES.find(ctx, name), role or default))
        return found

    return read


def _bodies_cell(pairs) -> str:
    roles = {role for _body, role in pairs}
    ordered = sorted(pairs, key=lambda pair: (pair[1], pair[0].name_zh_hant))
    if len(roles) <= 1:
        return cells.neutralised("; ".join(body.name_zh_hant for body, _role in ordered))
    return cells.neutralised(
        "; ".join(f"{body.name_zh_hant} ({ROLE_LABELS[role]})" for body, role in ordered)
    )


def _common_role(activity):
    roles = {row.role for row in activity.body_roles.all()}
    return roles.pop() if len(roles) == 1 else None


def _pairs(pairs):
    return {(body.pk, role) for body, role in pairs}


def columns(kind: str | None) -> tuple[c.Column, ...]:
    """The activity sheet's columns: every kind's, or only those of `kind`."""
    of_kind = (c.choice(Activity, "kind", required=True),) if kind is None else ()
    specific = []
    if kind in (None, ActivityKind.INBOUND_VISIT):
        specific.append(c.number(Activity, "visitor_count", whole=True))
    if kind in (None, ActivityKind.TRAINING):
        specific += [c.choice(Activity, "training_scope"), c.number(Activity, "training_hours")]
    return (
        c.identity(Activity),
        *of_kind,
        c.text(Activity, "title_zh_hant", required=True),
        c.text(Activity, "title_pt"),
        c.text(Activity, "title_en"),
        c.Column(
            "year",
            Activity._meta.get_field("year").verbose_name,
            read=_year,
            current=lambda activity: activity.year,
            apply=lambda year, changes: changes.data.__setitem__("year", year),
        ),
        c.Column(
            "start_date",
            Activity._meta.get_field("start_date").verbose_name,
            read=_start,
            current=_stored_start,
            cell=_start_cell,
            apply=_apply_start,
        ),
        c.day(Activity, "end_date"),
        c.choice(Activity, "mode"),
        c.links(Activity, "places", PLACES),
        c.Column(
            "bodies",
            Activity._meta.get_field("bodies").verbose_name,
            read=_bodies(kind),
            current=lambda activity: {(row.body, row.role) for row in activity.body_roles.all()},
            cell=_bodies_cell,
            apply=lambda pairs, changes: changes.extra.__setitem__("bodies", pairs),
            offers=BODIES.offers,
            same=lambda a, b: _pairs(a) == _pairs(b),
        ),
        c.Column(
            "role",
            ActivityBody._meta.get_field("role").verbose_name,
            read=lambda cell, row, ctx: None,
            current=_common_role,
            cell=lambda role: str(ROLE_LABELS[role]) if role else "",
            offers=lambda ctx: [str(label) for label in ROLE_LABELS.values()],
        ),
        c.links(Activity, "topics", TOPICS),
        c.text(Activity, "summary_zh_hant"),
        c.text(Activity, "summary_pt"),
        c.text(Activity, "summary_en"),
        c.text(Activity, "purpose"),
        c.text(Activity, "outcome"),
        *specific,
        c.choice(Activity, "classification"),
        state(),
    )


def _finder(kind: str | None):
    def find(read, ctx):
        roles = visible_rows(Activity, "body_roles", ctx.user)
        rows = Activity.objects.visible_to(ctx.user).prefetch_related(roles)
        if kind is not None:
            rows = rows.filter(kind=kind)
        found = by_number(Activity, read, ctx, rows)
        title, year = read.get("title_zh_hant"), read.get("year")
        if found is not None or not title or year is None:
            return found
        same = [
            activity
            for activity in rows.filter(kind=kind or read.get("kind"), year=year)
            if c.folded(activity.title_zh_hant) == c.folded(title)
        ]
        if len(same) > 1:
            raise cells.CellError(
                _("“%(name)s” may be any of: %(records)s.")
                % {"name": title, "records": "; ".join(f"#{a.pk}" for a in same[:5])}
            )
        return same[0] if same else None

    return find


def _saver(kind: str | None):
    save_fields = saver(Activity)

    def save(activity, changes, ctx, where):
        pairs = changes.extra.get("bodies")
        if kind is not None and activity is None:
            changes.data["kind"] = kind
        if activity is None or changes.data or changes.many:
            activity = save_fields(activity, changes, ctx, where)
        if pairs is not None:
            _save_roles(activity, pairs, ctx)
        return activity

    return save


def _save_roles(activity, pairs, ctx) -> None:
    """The bodies' roles as one change of the activity: those gone removed, new ones added."""
    stored = {(row.body_id, row.role): row for row in activity.body_roles.all()}
    wanted = _pairs(pairs)
    removed = [row for key, row in stored.items() if key not in wanted]
    added = [
        ActivityBody(activity=activity, body=body, role=role)
        for body, role in pairs
        if (body.pk, role) not in stored
    ]
    if removed or added:
        services.change_children(
            activity, user=ctx.user, parent_version=activity.version, saved=added, deleted=removed
        )


def sheet(kind: ActivityKind | None) -> SheetKind:
    return SheetKind(
        name=kind.value if kind else "activity",
        label=kind.label if kind else Activity._meta.verbose_name_plural,
        model=Activity,
        columns=columns(kind),
        find=_finder(kind),
        save=_saver(kind),
        permission="activities.add_activity",
        filters={"kind": kind.value} if kind else {},
        prefetch=("places", "topics", "body_roles"),
    )


SHEETS = (sheet(None), *(sheet(kind) for kind in ActivityKind))
