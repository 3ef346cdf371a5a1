"""Every kind of sheet: its headers read in any of the three languages, and a new row, in
the office's own words, created through the services as a draft with its provenance."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from liaison.activities.choices import ActivityKind
from liaison.core.choices import WorkflowState
from liaison.sheets import registry
from liaison.sheets.columns import LANGUAGES
from liaison.sheets.importing import import_sheet, match_headers
from liaison.sheets.models import SheetRow
from tests.factories import (
    ActivityFactory,
    MembershipFactory,
    PartnerBodyFactory,
    StaffFactory,
    UnitFactory,
)

NEW_ROWS = {
    "place": {"name_zh_hant": "新城市", "kind": "城市", "region_group": "Mainland China"},
    "body": {"name_zh_hant": "新机构", "acronym": "NEW", "place": "VIENNA"},
    "membership": {"body": "公開機構", "since": "2024-04-03"},
    "obligation": {
        "membership": "会员机构",
        "title_zh_hant": "新問卷",
        "kind": "dues",
        "due_date": "5/1/2025",
    },
    "staff": {"staff_number": "N1", "name_zh_hant": "新職員", "unit": "open"},
    "activity": {
        "kind": "reunião internacional ou regional",
        "title_zh_hant": "新會議",
        "start_date": "Abril de 2024",
    },
    **{
        kind: {"title_zh_hant": "新活動", "start_date": "2024年4月"} for kind in ActivityKind.values
    },
    "attendance": {"course": "公開的课程", "staff_number": "a1", "participant": "", "hours": 3},
}


@pytest.fixture
def office(agency):
    from tests.factories import PlaceFactory

    PlaceFactory(name_zh_hant="維也納", name_en="Vienna")
    PartnerBodyFactory(agency=agency, name_zh_hant="公開機構")
    MembershipFactory(
        agency=agency, body=PartnerBodyFactory(agency=agency, name_zh_hant="會員機構")
    )
    unit = UnitFactory(agency=agency, code="open")
    StaffFactory(agency=agency, unit=unit, staff_number="A1")
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, title_zh_hant="公開的課程")


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("name", [kind.name for kind in registry.kinds()])
def test_every_header_is_read_in_every_language(name, language):
    kind = registry.kind_named(name)
    with translation.override(language):
        header = [str(column.label) for column in kind.columns]
    with translation.override("zh-hant"):
        assert match_headers(kind, header) == dict(enumerate(c.key for c in kind.columns))


@pytest.mark.django_db
@pytest.mark.parametrize("name", [kind.name for kind in registry.kinds()])
def test_a_new_row_of_every_kind_is_created_as_a_draft_with_its_provenance(
    office, editor, workbook, name
):
    kind = registry.kind_named(name)
    with translation.override("en"):
        header = [str(kind.column(key).label) for key in NEW_ROWS[name]]
    path = workbook([header, list(NEW_ROWS[name].values())])
    before = list(kind.model.objects.values_list("pk", flat=True))
    result = import_sheet(kind, path, user=editor)
    assert result.counts["create"] == 1 and result.written, result.rows
    (new,) = kind.model.objects.exclude(pk__in=before)
    assert getattr(new, "state", WorkflowState.DRAFT) == WorkflowState.DRAFT
    provenance = SheetRow.objects.get(
        content_type=ContentType.objects.get_for_model(new), object_id=new.pk
    )
    assert (provenance.row, provenance.sheet_import.imported_by) == (2, editor)
