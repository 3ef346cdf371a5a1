"""Export, import again: nothing to change, for every kind of sheet."""

import datetime

import pytest

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.activities.models import ActivityBody
from liaison.core.choices import Classification
from liaison.sheets import registry, writing
from liaison.sheets.exporting import records_for
from liaison.sheets.importing import import_sheet
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    MembershipFactory,
    ObligationFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(agency):
    vienna = PlaceFactory(name_zh_hant="維也納", name_en="Vienna", aliases=["Wien"])
    body = PartnerBodyFactory(agency=agency, name_zh_hant="公開機構", acronym="=PUB", place=vienna)
    other = PartnerBodyFactory(agency=agency, name_zh_hant="另一機構", parent=body)
    visit = ActivityFactory(
        agency=agency, title_zh_hant="赴維也納", title_en="+Visit", summary_pt="@resumo"
    )
    visit.places.add(vienna)
    visit.topics.add(TopicFactory(name_zh_hant="數碼取證"))
    ActivityBody.objects.create(activity=visit, body=body, role=BodyRole.HOST)
    ActivityBody.objects.create(activity=visit, body=other, role=BodyRole.ORGANIZER)
    ActivityFactory(
        agency=agency,
        kind=ActivityKind.INBOUND_VISIT,
        visitor_count=12,
        start_date=None,
        date_precision=DatePrecision.YEAR,
    )
    ActivityFactory(agency=agency, kind=ActivityKind.MEETING, mode="online")
    ActivityFactory(agency=agency, kind=ActivityKind.CONVENTION_REVIEW)
    course = ActivityFactory(
        agency=agency,
        kind=ActivityKind.TRAINING,
        training_hours=6,
        start_date=datetime.date(2024, 4, 3),
        date_precision=DatePrecision.DAY,
    )
    AttendanceFactory(course=course, participant=StaffFactory(agency=agency), hours=6)
    membership = MembershipFactory(agency=agency, body=body, since=datetime.date(2020, 1, 1))
    ObligationFactory(agency=agency, membership=membership, classification=Classification.PUBLIC)
    return agency


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
@pytest.mark.parametrize("name", [kind.name for kind in registry.kinds()])
def test_exported_sheet_imports_with_nothing_to_change(office, editor, tmp_path, name, fmt):
    kind = registry.kind_named(name)
    records = records_for(kind, editor, {})
    path = tmp_path / f"export.{fmt}"
    rows = writing.rows_of(kind, records, editor)
    if fmt == "xlsx":
        writing.write_xlsx(kind, rows, path)
    else:
        path.write_text("".join(writing.csv_chunks(kind, rows)), encoding="utf-8")
    result = import_sheet(kind, path, user=editor, dry_run=True)
    assert [row.errors for row in result.rows if row.errors] == []
    assert result.counts == {"create": 0, "update": 0, "skip": records.count(), "error": 0}
    assert records.count() > 0


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_an_export_hands_excel_no_formula(office, editor, tmp_path, fmt):
    """A body's acronym “=PUB” is written with the apostrophe Excel reads as plain text."""
    import csv

    import openpyxl

    kind = registry.kind_named("body")
    rows = writing.rows_of(kind, records_for(kind, editor, {}), editor)
    path = tmp_path / f"bodies.{fmt}"
    if fmt == "xlsx":
        writing.write_xlsx(kind, rows, path)
        book = openpyxl.load_workbook(path)
        cells = [cell for row in book.active.iter_rows() for cell in row]
        assert not [cell.value for cell in cells if cell.data_type == "f"]
        values = [cell.value for cell in cells]
    else:
        path.write_text("".join(writing.csv_chunks(kind, rows)), encoding="utf-8")
        values = [v for row in csv.reader(path.open(encoding="utf-8-sig")) for v in row]
    assert "'=PUB" in values and "=PUB" not in values
