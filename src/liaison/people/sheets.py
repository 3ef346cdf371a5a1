"""The staff sheet: officers found by their staff number, their unit by code or name."""

from django.utils.translation import gettext_lazy as _

from liaison.people.models import Staff, Unit
from liaison.sheets import columns as c
from liaison.sheets.records import finder, saver, state
from liaison.sheets.registry import SheetKind

UNITS = c.Lookup(
    _("unit"),
    records=lambda user: Unit.objects.visible_to(user),
    names=lambda unit: (unit.code, unit.name_zh_hant, unit.name_pt, unit.name_en),
    name=lambda unit: unit.code,
)
#: Officers by number or by name, in Chinese or in Latin script.
STAFF = c.Lookup(
    _("officer"),
    records=lambda user: Staff.objects.visible_to(user),
    names=lambda staff: (staff.staff_number, staff.name_zh_hant, staff.name_latin),
    name=lambda staff: staff.name_zh_hant,
)


def _by_staff_number(read, ctx):
    number = read.get("staff_number")
    rows = Staff.objects.visible_to(ctx.user)
    return rows.filter(staff_number__iexact=number).first() if number else None


STAFF_SHEET = SheetKind(
    name="staff",
    label=Staff._meta.verbose_name_plural,
    model=Staff,
    columns=(
        c.identity(Staff),
        c.text(Staff, "staff_number", required=True),
        c.text(Staff, "name_zh_hant", required=True),
        c.text(Staff, "name_latin"),
        c.link(Staff, "unit", UNITS, required=True),
        c.text(Staff, "post"),
        c.text(Staff, "email"),
        c.yes_no(Staff, "active"),
        c.choice(Staff, "classification"),
        state(),
    ),
    find=finder(Staff, _by_staff_number),
    save=saver(Staff, STAFF),
    permission="people.add_staff",
    select=("unit",),
)
SHEETS = (STAFF_SHEET,)
