"""Importing: names matched as people type them, only among what the user may see; rows
saved as drafts through the services, with their provenance; all or nothing, or by
choice only the valid rows."""

import datetime

import pytest
from django.utils import translation

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision
from liaison.activities.models import Activity
from liaison.core.choices import Classification, WorkflowState
from liaison.partners.models import PartnerBody
from liaison.sheets import registry
from liaison.sheets.importing import import_sheet
from liaison.sheets.models import SheetRow
from liaison.training.models import Attendance
from tests.factories import ActivityFactory, PartnerBodyFactory, PlaceFactory, StaffFactory

pytestmark = pytest.mark.django_db
HEADERS = ["kind", "title (Chinese)", "start date", "places", "bodies", "role", "summary (Chinese)"]


@pytest.fixture
def known(agency, keeper):
    PlaceFactory(name_zh_hant="維也納", name_en="Vienna", aliases=["Wien"])
    body = PartnerBodyFactory(agency=agency, name_zh_hant="監察委員會", acronym="NSC")
    secret = PartnerBodyFactory(
        agency=agency,
        name_zh_hant="秘密機構",
        acronym="SEC",
        classification=Classification.CONFIDENTIAL,
    )
    secret.cleared_officers.add(keeper)
    return body


@pytest.fixture
def keeper(make_user):
    from liaison.core.choices import Role

    return make_user(Role.EDITOR, username="keeper")


def activities(workbook, *rows):
    return workbook([HEADERS, *rows], name="activities.xlsx", title="2024")


def test_bodies_and_places_by_any_name_in_either_script(workbook, editor, known):
    path = activities(
        workbook,
        ["outbound_visit", "赴維也納", "Abril de 2024", "wien", "监察委员会", "", "=1+1"],
        ["外訪", "再訪", "2024年5月", "VIENNA", "nsc (host)", "visitor", "@x"],
    )
    result = import_sheet(registry.kind_named("activity"), path, user=editor)
    assert result.counts == {"create": 2, "update": 0, "skip": 0, "error": 0}, result.rows
    first, second = Activity.objects.order_by("pk")
    assert first.state == WorkflowState.DRAFT
    assert (first.start_date, first.date_precision, first.year) == (
        datetime.date(2024, 4, 1),
        DatePrecision.MONTH,
        2024,
    )
    assert [p.name_zh_hant for p in first.places.all()] == ["維也納"]
    assert {(r.body, r.role) for r in first.body_roles.all()} == {(known, BodyRole.HOST)}
    assert first.summary_zh_hant == "=1+1"  # a formula is kept as the text it was
    assert second.body_roles.get().role == BodyRole.HOST
    rows = SheetRow.objects.select_related("sheet_import")
    assert {(row.sheet_import.file, row.sheet_import.sheet, row.row) for row in rows} == {
        ("activities.xlsx", "2024", 2),
        ("activities.xlsx", "2024", 3),
    }
    assert rows[0].sheet_import.imported_by == editor and rows[0].record in (first, second)


def test_a_hidden_body_is_never_matched(workbook, editor, known):
    path = activities(workbook, ["meeting", "會議", "2024-04-03", "", "SEC", "", ""])
    with translation.override("en"):
        result = import_sheet(registry.kind_named("activity"), path, user=editor)
    assert not result.written and not Activity.objects.exists()
    (row,) = result.rows
    assert "No body “SEC” among those you may see" in row.errors[0]
    assert "秘密" not in str(result)


def test_all_or_nothing_unless_valid_rows_are_chosen(workbook, editor, known):
    rows = [
        ["meeting", "會議", "2024-04-03", "", "", "", ""],
        ["meeting", "", "someday", "", "", "", ""],
    ]
    kind = registry.kind_named("activity")
    with translation.override("en"):
        result = import_sheet(kind, activities(workbook, *rows), user=editor)
    assert not result.written and not Activity.objects.exists()
    errors = result.rows[1].errors
    assert any("title (Chinese): this cell is required" in e for e in errors)
    assert any("not a date" in e for e in errors)
    with translation.override("pt"):
        result = import_sheet(kind, activities(workbook, *rows), user=editor, valid_only=True)
    assert result.written and Activity.objects.count() == 1
    assert "esta célula é obrigatória" in " ".join(result.rows[1].errors)


def test_a_dry_run_writes_nothing(workbook, editor, known):
    path = activities(workbook, ["meeting", "會議", "2024-04-03", "", "", "", ""])
    result = import_sheet(registry.kind_named("activity"), path, user=editor, dry_run=True)
    assert result.counts["create"] == 1 and not result.written
    assert not Activity.objects.exists() and not SheetRow.objects.exists()


def test_a_changed_row_updates_and_returns_the_record_to_draft(workbook, editor, agency):
    visit = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, title_zh_hant="會議")
    path = workbook(
        [["number in Liaison", "title (Chinese)", "summary (Chinese)"], [visit.pk, "會議", "新的"]]
    )
    with translation.override("en"):
        result = import_sheet(registry.kind_named("meeting"), path, user=editor)
    assert result.counts["update"] == 1
    assert result.rows[0].changed == ["summary (Chinese)"]
    visit.refresh_from_db()
    assert (visit.summary_zh_hant, visit.state) == ("新的", WorkflowState.DRAFT)


def test_staff_by_number_or_name_in_attendance(workbook, editor, agency):
    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, title_zh_hant="調查培訓")
    first = StaffFactory(agency=agency, staff_number="A001", name_zh_hant="陳大文")
    second = StaffFactory(agency=agency, name_zh_hant="李小明", name_latin="Lei Siu Meng")
    rows = [
        ["course", "staff number", "participant", "hours attended", "completed"],
        ["调查培训", "a001", "", 6, "是"],
        ["調查培訓", "", "lei siu meng", 3, "否"],
    ]
    result = import_sheet(registry.kind_named("attendance"), workbook(rows), user=editor)
    assert result.counts["create"] == 2, result.rows
    assert {(a.participant, a.completed) for a in Attendance.objects.all()} == {
        (first, True),
        (second, False),
    }
    assert course.attendance.count() == 2


def test_bodies_sheet_names_a_parent_created_by_an_earlier_row(workbook, editor):
    rows = [["name (Chinese)", "parent body"], ["總會", ""], ["分會", "总会"]]
    result = import_sheet(registry.kind_named("body"), workbook(rows), user=editor)
    assert result.counts["create"] == 2, result.rows
    assert PartnerBody.objects.get(name_zh_hant="分會").parent.name_zh_hant == "總會"


def test_a_viewer_may_not_import(workbook, viewer):
    from liaison.sheets.reading import SheetError

    with pytest.raises(SheetError):
        import_sheet(
            registry.kind_named("body"), workbook([["name (Chinese)"], ["x"]]), user=viewer
        )


def test_a_hidden_bodys_role_is_neither_exported_nor_removed(
    workbook, editor, agency, known, tmp_path
):
    from liaison.activities.models import ActivityBody
    from liaison.sheets import writing
    from liaison.sheets.exporting import records_for

    visit = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, title_zh_hant="會議")
    ActivityBody.objects.create(activity=visit, body=known, role=BodyRole.HOST)
    secret = PartnerBody.objects.get(acronym="SEC")
    ActivityBody.objects.create(activity=visit, body=secret, role=BodyRole.ORGANIZER)
    kind = registry.kind_named("meeting")
    path = tmp_path / "meetings.csv"
    rows = writing.rows_of(kind, records_for(kind, editor, {}), editor)
    path.write_text("".join(writing.csv_chunks(kind, rows)), encoding="utf-8")
    assert "秘密" not in path.read_text(encoding="utf-8")
    result = import_sheet(kind, path, user=editor)
    assert result.counts["skip"] == 1
    assert visit.body_roles.count() == 2


def test_a_body_named_as_a_hidden_confidential_one_is_imported_as_if_it_did_not_exist(
    workbook, editor, keeper, known, client
):
    """The name is unique among the bodies anyone may see: a refusal, or a 500 from the
    constraint, would tell the editor that a confidential body of that name exists."""
    from django.urls import reverse

    path = workbook([["name (Chinese)", "acronym"], ["秘密機構", "NEW"]], name="bodies.xlsx")
    client.force_login(editor)
    with path.open("rb") as sheet, translation.override("en"):
        page = client.post(reverse("sheets:upload"), {"kind": "body", "sheet": sheet})
    assert page.status_code == 200
    assert page.context["result"].counts == {"create": 1, "update": 0, "skip": 0, "error": 0}
    done = client.post(reverse("sheets:confirm"), {"token": page.context["token"]})
    assert done.status_code == 200 and done.context["result"].written
    mine = PartnerBody.objects.visible_to(editor).get(name_zh_hant="秘密機構")
    assert mine.acronym == "NEW" and mine.classification != Classification.CONFIDENTIAL
    named = PartnerBody.objects.visible_to(keeper).filter(name_zh_hant="秘密機構")
    assert sorted(named.values_list("acronym", flat=True)) == ["NEW", "SEC"]


def test_two_bodies_anyone_may_see_still_cannot_share_a_name(workbook, editor, agency):
    from django.core.exceptions import ValidationError

    PartnerBodyFactory(agency=agency, name_zh_hant="公開機構")
    twin = PartnerBodyFactory.build(agency=agency, name_zh_hant="公開機構")
    refused = pytest.raises(ValidationError, match="Another body of the agency has this Chinese")
    with refused, translation.override("en"):
        twin.validate_constraints()
