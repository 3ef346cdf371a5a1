"""The pages and commands: upload, preview, confirm; export of a filtered list; templates."""

import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from liaison.activities.choices import ActivityKind
from liaison.activities.models import Activity
from liaison.core import registry as records
from liaison.core.choices import Classification
from liaison.sheets import registry
from liaison.sheets.models import SheetRow
from tests.factories import ActivityFactory, PlaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_of(client):
    def login(user, language=None):
        found = Client(headers={"accept-language": language}) if language else client
        found.force_login(user)
        return found

    return login


def test_upload_preview_confirm(client_of, editor, workbook):
    client = client_of(editor)
    path = workbook([["title (Chinese)", "start date"], ["會議", "2024-04-03"], ["", "x"]])
    with path.open("rb") as sheet:
        page = client.post(reverse("sheets:upload"), {"kind": "meeting", "sheet": sheet})
    assert page.status_code == 200 and not Activity.objects.exists()
    token = page.context["token"]
    assert page.context["result"].counts == {"create": 1, "update": 0, "skip": 0, "error": 1}
    done = client.post(reverse("sheets:confirm"), {"token": token, "valid_only": "1"})
    assert done.status_code == 200 and done.context["result"].written
    assert Activity.objects.get().title_zh_hant == "會議"
    assert SheetRow.objects.get().row == 2
    again = client.post(reverse("sheets:confirm"), {"token": token})
    assert again.status_code == 302 and Activity.objects.count() == 1


def test_a_bad_file_is_a_form_error(client_of, editor):
    upload = io.BytesIO(b"PK broken")
    upload.name = "broken.xlsx"
    page = client_of(editor).post(reverse("sheets:upload"), {"kind": "body", "sheet": upload})
    assert page.status_code == 200 and page.context["form"].errors["sheet"]


def test_viewers_cannot_import(client_of, viewer):
    assert client_of(viewer).get(reverse("sheets:upload")).status_code == 403


def test_the_list_links_its_filtered_export(client_of, editor, agency, keeper):
    ActivityFactory(agency=agency, year=2024, title_zh_hant="今年")
    ActivityFactory(
        agency=agency, year=2023, start_date=None, date_precision="year", title_zh_hant="去年"
    )
    secret = ActivityFactory(
        agency=agency, year=2024, title_zh_hant="秘密", classification=Classification.CONFIDENTIAL
    )
    secret.cleared_officers.add(keeper)
    client = client_of(editor)
    page = client.get("/activities/?year=2024").content.decode()
    link = reverse("sheets:export", args=["activity", "xlsx"]) + "?year=2024"
    assert link in page
    response = client.get(link)
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    titles = [row[2] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert titles == ["今年"]
    csv = client.get(reverse("sheets:export", args=["activity", "csv"]) + "?year=2023")
    assert "去年" in b"".join(csv.streaming_content).decode("utf-8-sig")


@pytest.fixture
def keeper(make_user):
    from liaison.core.choices import Role

    return make_user(Role.EDITOR, username="keeper")


def test_a_template_offers_kinds_roles_and_places(client_of, editor, agency):
    from openpyxl.utils import column_index_from_string

    from tests.factories import PartnerBodyFactory

    PlaceFactory(name_zh_hant="維也納")
    PartnerBodyFactory(agency=agency, name_zh_hant="=HYPERLINK(1)")
    response = client_of(editor).get(reverse("sheets:template", args=["activity"]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet, lists = book.worksheets[0], book["lists"]
    headers = [cell.value for cell in sheet[1]]
    validated = {
        headers[column_index_from_string(str(v.sqref).split(":")[0].rstrip("0123456789")) - 1]
        for v in sheet.data_validations.dataValidation
    }
    kind = registry.kind_named("activity")
    with translation.override("zh-hant"):
        wanted = {str(kind.column(key).label) for key in ("kind", "places", "role", "bodies")}
    assert wanted <= validated
    offered = [value for column in lists.iter_cols(values_only=True) for value in column]
    assert {"維也納", "外訪", "接待方"} <= set(offered)
    assert "'=HYPERLINK(1)" in offered  # a name Excel would run is offered as text
    assert not [c for row in lists.iter_rows() for c in row if c.data_type == "f"]


@pytest.mark.parametrize("name", [kind.name for kind in registry.kinds()])
def test_every_kind_has_a_template_in_the_users_language(client_of, editor, name):
    kind = registry.kind_named(name)
    response = client_of(editor, "pt").get(reverse("sheets:template", args=[name]))
    book = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    with translation.override("pt"):
        assert [cell.value for cell in book.worksheets[0][1]] == [
            str(column.label) for column in kind.columns
        ]


def test_commands_import_and_export(editor, agency, workbook, tmp_path, capsys):
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, year=2024, title_zh_hant="培訓")
    output = tmp_path / "out.xlsx"
    call_command(
        "export-sheet",
        kind="training",
        year="2024",
        format="xlsx",
        output=str(output),
        user="editor",
    )
    call_command("import-sheet", str(output), kind="training", user="editor", dry_run=True)
    assert "0 to create, 0 to update, 1 unchanged" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--user"):
        call_command("import-sheet", str(output), kind="training")
    bad = workbook([["title (Chinese)", "start date"], ["x", "someday"]])
    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import-sheet", str(bad), kind="training", user="editor")


def test_an_imported_record_shows_where_it_came_from(client_of, editor, agency, workbook):
    from liaison.partners.models import PartnerBody
    from liaison.sheets.importing import import_sheet
    from tests.factories import PartnerBodyFactory

    editor.first_name, editor.last_name = "Ana", "Lopes"
    editor.save()
    path = workbook([["name (Chinese)"], [""], ["輸入機構"]], name="機構.xlsx", title="2024")
    import_sheet(registry.kind_named("body"), path, user=editor)
    typed = PartnerBodyFactory(agency=agency, name_zh_hant="手寫機構")
    client = client_of(editor, "en")
    assert "Imported from a sheet" not in client.get(detail_of(typed)).content.decode()
    html = client.get(detail_of(PartnerBody.objects.get(name_zh_hant="輸入機構"))).content.decode()
    assert "Imported from a sheet" in html
    assert "機構.xlsx, sheet “2024”, row 3" in html and "imported by Ana Lopes" in html


def test_a_course_counts_the_imported_attendance_its_reader_may_see(
    client_of, editor, keeper, agency, workbook
):
    from liaison.sheets.importing import import_sheet
    from tests.factories import StaffFactory

    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, title_zh_hant="培訓")
    StaffFactory(agency=agency, staff_number="A1")
    secret = StaffFactory(
        agency=agency, staff_number="S1", classification=Classification.CONFIDENTIAL
    )
    secret.cleared_officers.add(keeper)
    rows = [
        ["course", "staff number", "participant", "hours attended"],
        ["培訓", "A1", "", 3],
        ["培訓", "S1", "", 3],
    ]
    import_sheet(registry.kind_named("attendance"), workbook(rows), user=keeper)
    seen = {
        who.username: client_of(who, "en").get(detail_of(course)).content.decode()
        for who in (editor, keeper)
    }
    assert "attendance (2): sheet.xlsx, sheet “Sheet1”, rows 2–3" in seen["keeper"]
    assert "attendance (1): sheet.xlsx, sheet “Sheet1”, rows 2–2" in seen["editor"]


def detail_of(record) -> str:
    return records.family_of(type(record)).url("detail", record.pk)


def test_a_long_sheet_draws_a_progress_bar(editor, tmp_path, capsys):
    book = openpyxl.Workbook()  # as Excel saves it: the sheet's size is in the file
    book.active.append(["name (Chinese)"])
    for number in range(150):
        book.active.append([f"機構{number}"])
    path = tmp_path / "bodies.xlsx"
    book.save(path)
    call_command("import-sheet", str(path), kind="body", user="editor", dry_run=True)
    drawn = capsys.readouterr()
    assert "150 to create" in drawn.out
    assert f"[{'#' * 30}] 151/151 rows" in drawn.err and drawn.err.count("\r") > 50
