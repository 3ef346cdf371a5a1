"""The attendance sheet: a course by its title (and year), an officer by number or name."""

from django.utils.translation import gettext_lazy as _

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.people.sheets import STAFF
from liaison.sheets import cells
from liaison.sheets import columns as c
from liaison.sheets.records import by_number
from liaison.sheets.registry import SheetKind
from liaison.training import services
from liaison.training.models import Attendance

COURSES = c.Lookup(
    _("course"),
    records=lambda user: Activity.objects.visible_to(user).filter(kind=ActivityKind.TRAINING),
    names=lambda course: (course.title_zh_hant, course.title_pt, course.title_en),
    name=lambda course: course.title_zh_hant,
)


def _course(cell, row, ctx):
    written = cells.text(cell)
    if not written:
        return None
    year = cells.whole_number(row.get("course_year"))
    return COURSES.find(ctx, written, narrow=lambda course: year is None or course.year == year)


def _participant(cell, row, ctx):
    number = cells.text(row.get("staff_number"))
    written = number or cells.text(cell)
    return STAFF.find(ctx, written) if written else None


COLUMNS = (
    c.identity(Attendance),
    c.Column(
        "course",
        Attendance._meta.get_field("course").verbose_name,
        read=_course,
        current=lambda row: row.course,
        cell=lambda course: cells.neutralised(course.title_zh_hant),
        apply=lambda course, changes: changes.data.__setitem__("course", course),
        required=True,
        offers=COURSES.offers,
        same=lambda a, b: a.pk == b.pk,
    ),
    c.Column(
        "course_year",
        _("course year"),
        read=lambda cell, row, ctx: cells.whole_number(cell),
        current=lambda row: row.course.year,
        identifies=True,
    ),
    c.Column(
        "staff_number",
        _("staff number"),
        read=lambda cell, row, ctx: cells.text(cell),
        current=lambda row: row.participant.staff_number,
        cell=cells.neutralised,
        identifies=True,
    ),
    c.Column(
        "participant",
        Attendance._meta.get_field("participant").verbose_name,
        read=_participant,
        current=lambda row: row.participant,
        cell=lambda staff: cells.neutralised(staff.name_zh_hant),
        apply=lambda staff, changes: changes.data.__setitem__("participant", staff),
        required=True,
        same=lambda a, b: a.pk == b.pk,
    ),
    c.number(Attendance, "hours", required=True),
    c.yes_no(Attendance, "completed"),
    c.text(Attendance, "certificate_number"),
)


def _on_course(ctx, course) -> dict:
    """The course's rows the user may see, by participant, read once per import, and the
    numbers of the rows this import adds (a later row of the same officer changes the first;
    the rows themselves are not kept, so a long sheet's memory stays bounded)."""
    key = ("attendance", course.pk)
    if key not in ctx.cache:
        rows = Attendance.objects.visible_to(ctx.user).filter(course=course)
        ctx.cache[key] = {row.participant_id: row for row in rows.select_related("participant")}
        for row in ctx.cache[key].values():
            row.course = course
    return ctx.cache[key]


def _find(read, ctx):
    if read.get("id") is not None:
        rows = Attendance.objects.visible_to(ctx.user).select_related("course", "participant")
        return by_number(Attendance, read, ctx, rows)
    if read.get("course") and read.get("participant"):
        found = _on_course(ctx, read["course"]).get(read["participant"].pk)
        if isinstance(found, int):
            found = Attendance.objects.select_related("course", "participant").get(pk=found)
        return found
    return None


def _version(course) -> int:
    """The course's version now: the import holds it locked until it ends."""
    return Activity.objects.values_list("version", flat=True).get(pk=course.pk)


def _save(row, changes, ctx, where):
    """One row, saved as a change of its course."""
    row = row or Attendance()
    for name, value in changes.data.items():
        setattr(row, name, value)
    saved = services.save_attendance(row, user=ctx.user, parent_version=_version(row.course))
    _on_course(ctx, saved.course)[saved.participant_id] = saved.pk
    return saved


def _save_many(new: list, ctx) -> list:
    """New rows, course by course, each course's rows as one change of it."""
    rows = [Attendance(**changes.data) for changes in new]
    by_course: dict[int, list] = {}
    for row in rows:
        by_course.setdefault(row.course.pk, []).append(row)
    for course_rows in by_course.values():
        course = course_rows[0].course
        services.add_attendance(course, course_rows, user=ctx.user, parent_version=_version(course))
        _on_course(ctx, course).update({row.participant_id: row.pk for row in course_rows})
    return rows


ATTENDANCE_SHEET = SheetKind(
    name="attendance",
    label=Attendance._meta.verbose_name_plural,
    model=Attendance,
    columns=COLUMNS,
    find=_find,
    save=_save,
    save_many=_save_many,
    permission="activities.change_activity",
    select=("course", "participant"),
)
SHEETS = (ATTENDANCE_SHEET,)
