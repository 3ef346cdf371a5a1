"""What a chapter may contain: approved records of one agency and year, nothing above the
chapter's classification, drafts only on request and marked, every name translated or
listed as missing."""

import datetime

import pytest

from liaison.activities.choices import ActivityKind, BodyRole, DatePrecision, Mode
from liaison.activities.models import Activity, ActivityBody
from liaison.core.choices import Classification, RegionGroup, WorkflowState
from liaison.partners.models import PartnerBody
from liaison.reports.builder import build_chapter
from liaison.reports.queries import ChapterScope
from liaison.reports.render import render
from tests.factories import (
    ActivityFactory,
    AttendanceFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
    StaffFactory,
    UnitFactory,
)

pytestmark = pytest.mark.django_db


def texts(chapter) -> list[str]:
    return [chapter.marked(item) for part in chapter.parts for item in part.items]


@pytest.fixture
def mixed(agency, other_agency):
    """One record of each kind a chapter must or must not show."""
    return {
        "public": ActivityFactory(
            agency=agency, summary_zh_hant="公開的外訪。", classification=Classification.PUBLIC
        ),
        "internal": ActivityFactory(agency=agency, summary_zh_hant="內部的外訪。"),
        "restricted": ActivityFactory(
            agency=agency, summary_zh_hant="受限的外訪。", classification=Classification.RESTRICTED
        ),
        "confidential": ActivityFactory(
            agency=agency,
            summary_zh_hant="機密的外訪。",
            classification=Classification.CONFIDENTIAL,
        ),
        "draft": ActivityFactory(
            agency=agency,
            summary_zh_hant="草擬的外訪。",
            state=WorkflowState.DRAFT,
            approved_at=None,
        ),
        "submitted": ActivityFactory(
            agency=agency,
            summary_zh_hant="待批的外訪。",
            state=WorkflowState.SUBMITTED,
            approved_at=None,
        ),
        "other_agency": ActivityFactory(agency=other_agency, summary_zh_hant="他署的外訪。"),
        "other_year": ActivityFactory(
            agency=agency,
            summary_zh_hant="前年的外訪。",
            year=2022,
            start_date=datetime.date(2022, 3, 1),
        ),
    }


def test_system_reading_shows_approved_public_and_internal_only(agency, mixed):
    chapter = build_chapter(agency, 2024, "zh-Hant")
    assert texts(chapter) == ["公開的外訪。", "內部的外訪。"]
    assert not chapter.has_drafts


def test_restricted_chapter_still_never_shows_confidential(agency, mixed):
    chapter = build_chapter(agency, 2024, "zh-Hant", max_classification=Classification.CONFIDENTIAL)
    assert "受限的外訪。" in texts(chapter)
    assert "機密的外訪。" not in texts(chapter)


def test_confidential_never_appears_even_for_a_cleared_officer(agency, mixed, administrator):
    mixed["confidential"].cleared_officers.add(administrator)
    visible = Activity.objects.visible_to(administrator)
    assert visible.filter(pk=mixed["confidential"].pk).exists()
    for level in Classification:
        chapter = build_chapter(
            agency,
            2024,
            "zh-Hant",
            reader=administrator,
            include_drafts=True,
            max_classification=level,
        )
        assert all("機密" not in text for text in texts(chapter))


def test_drafts_appear_only_on_request_and_marked(agency, mixed, editor):
    approved_only = build_chapter(agency, 2024, "zh-Hant", reader=editor)
    assert "草擬的外訪。" not in "".join(texts(approved_only))
    chapter = build_chapter(agency, 2024, "zh-Hant", reader=editor, include_drafts=True)
    assert "【草稿】草擬的外訪。" in texts(chapter)
    assert "【草稿】待批的外訪。" in texts(chapter)
    assert "公開的外訪。" in texts(chapter)  # approved records carry no mark
    assert chapter.has_drafts
    markdown = render(chapter, "md").decode()
    assert "【草稿】草擬的外訪。" in markdown and chapter.labels["drafts_note"] in markdown
    english = build_chapter(agency, 2024, "en", reader=editor, include_drafts=True)
    assert any(text.startswith("[DRAFT] ") for text in texts(english))


def test_a_viewer_gets_no_drafts_even_when_asking(agency, mixed, viewer):
    chapter = build_chapter(agency, 2024, "zh-Hant", reader=viewer, include_drafts=True)
    assert texts(chapter) == ["公開的外訪。", "內部的外訪。"]


def test_other_agency_records_never_appear(agency, other_agency, mixed, make_user):
    superuser = make_user(is_superuser=True, agency=None, username="root")
    visible = Activity.objects.visible_to(superuser)
    assert visible.filter(agency=other_agency).exists()
    for reader in (None, superuser):
        chapter = build_chapter(agency, 2024, "zh-Hant", reader=reader, include_drafts=True)
        assert all("他署" not in text for text in texts(chapter))
        scope = ChapterScope(agency, reader, include_drafts=True)
        assert scope.activities(2024).filter(agency=other_agency).count() == 0


def test_statistics_never_count_what_the_text_hides(agency, mixed):
    chapter = build_chapter(agency, 2024, "zh-Hant")
    by_part = next(table for table in chapter.tables if table.key == "by_part")
    assert by_part.rows[-1][1] == 2  # the total: public + internal only


def test_empty_year_gives_a_chapter_that_says_so(agency):
    chapter = build_chapter(agency, 1999, "zh-Hant")
    assert chapter.is_empty and chapter.tables == [] and chapter.parts == []
    assert "1999年未有已審批的對外交流與培訓活動記錄" in chapter.intro
    for fmt in ("md", "html", "docx"):
        assert render(chapter, fmt)


def test_sentences_are_written_from_the_record_when_there_is_no_summary(agency):
    vienna = PlaceFactory(name_zh_hant="維也納", name_en="Vienna", name_pt="Viena")
    globe = PartnerBodyFactory(
        agency=agency, name_zh_hant="全球反腐敗執法合作網絡", name_en="GlobE Network", name_pt=""
    )
    meeting = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, mode=Mode.IN_PERSON)
    meeting.places.add(vienna)
    ActivityBody.objects.create(activity=meeting, body=globe, role=BodyRole.ORGANIZER)
    EventFactory(
        activity=meeting,
        title_zh_hant="第7屆指導委員會會議",
        title_en="7th Steering Committee meeting",
    )
    chapter = {lang: build_chapter(agency, 2024, lang) for lang in ("zh-Hant", "pt", "en")}
    assert texts(chapter["zh-Hant"]) == [
        "赴維也納出席由全球反腐敗執法合作網絡舉辦的“第7屆指導委員會會議”。"
    ]
    assert texts(chapter["en"]) == [
        "Attended “7th Steering Committee meeting”, organised by the GlobE Network, in Vienna."
    ]
    # Portuguese has no names of its own on the records: the terminology base gives them.
    assert texts(chapter["pt"]) == [
        "Participação no “7.ª Reunião do Comité Directivo”, organizado pela Rede Operacional "
        "Global de Autoridades de Aplicação da Lei Anticorrupção (GlobE Network), em Viena."
    ]
    assert chapter["pt"].missing == [] and chapter["zh-Hant"].missing == []


def test_a_name_nobody_translated_is_shown_in_chinese_and_listed(agency):
    body = PartnerBodyFactory(agency=agency, name_zh_hant="某某反貪機構", name_pt="")
    meeting = ActivityFactory(agency=agency, kind=ActivityKind.MEETING)
    ActivityBody.objects.create(activity=meeting, body=body, role=BodyRole.ORGANIZER)
    EventFactory(activity=meeting, title_zh_hant="某某研討會")
    chapter = build_chapter(agency, 2024, "pt")
    assert texts(chapter) == ["Participação no “某某研討會”, organizado por 某某反貪機構."]
    missing = {(entry.category, entry.name) for entry in chapter.missing}
    assert missing == {("Entidade", "某某反貪機構"), ("Evento", "某某研討會")}


def test_summary_in_the_chapter_language_wins(agency):
    ActivityFactory(
        agency=agency,
        summary_zh_hant="赴香港出席會議。",
        summary_en="Attended a meeting in Hong Kong.",
    )
    assert texts(build_chapter(agency, 2024, "en")) == ["Attended a meeting in Hong Kong."]
    assert texts(build_chapter(agency, 2024, "zh-Hant")) == ["赴香港出席會議。"]


def test_statistics_by_region_mode_body_and_unit_with_previous_year(agency):
    hong_kong = PlaceFactory(name_zh_hant="香港", region_group=RegionGroup.HONG_KONG)
    beijing = PlaceFactory(name_zh_hant="北京", region_group=RegionGroup.MAINLAND)
    commission = PartnerBodyFactory(agency=agency, region_group=RegionGroup.MAINLAND)
    visit = ActivityFactory(agency=agency)
    visit.places.add(hong_kong)
    online = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, mode=Mode.ONLINE)
    ActivityBody.objects.create(activity=online, body=commission, role=BodyRole.ORGANIZER)
    in_person = ActivityFactory(agency=agency, kind=ActivityKind.MEETING, mode=Mode.IN_PERSON)
    in_person.places.add(beijing)
    ActivityBody.objects.create(activity=in_person, body=commission, role=BodyRole.HOST)
    unit = UnitFactory(agency=agency, name_zh_hant="調查廳", code="a")
    course = ActivityFactory(agency=agency, kind=ActivityKind.TRAINING)
    AttendanceFactory(course=course, participant=StaffFactory(agency=agency, unit=unit), hours=6)
    AttendanceFactory(course=course, participant=StaffFactory(agency=agency, unit=unit), hours=6)
    last_year = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, year=2023, start_date=datetime.date(2023, 5, 1)
    )
    AttendanceFactory(course=last_year, participant=StaffFactory(agency=agency, unit=unit), hours=3)

    tables = {table.key: table for table in build_chapter(agency, 2024, "zh-Hant").tables}
    by_part = {row[0]: row[1:] for row in tables["by_part"].rows}
    assert by_part["國際及區域會議"] == [2, 0, "+2"]
    assert by_part["人員培訓"] == [1, 1, "0"]
    assert by_part["總計"] == [4, 1, "+3"]
    by_region = {row[0]: row[1] for row in tables["by_region"].rows}
    assert by_region["香港"] == 1 and by_region["內地"] == 2  # the body's region, when no place
    assert {row[0]: row[1] for row in tables["meeting_mode"].rows}["線上參與"] == 1
    assert tables["by_body"].rows == [[commission.name_zh_hant, 2]]
    assert tables["training_by_unit"].rows[0][:4] == ["調查廳", 1, 2, 12]
    assert tables["training_by_unit"].rows[0][4] == 3  # last year's hours


def test_a_chapter_costs_a_fixed_number_of_queries(agency, django_assert_max_num_queries):
    for _ in range(30):
        activity = ActivityFactory(agency=agency)
        activity.places.add(PlaceFactory())
        ActivityBody.objects.create(
            activity=activity, body=PartnerBodyFactory(agency=agency), role=BodyRole.VISITED
        )
        EventFactory(activity=activity)
    with django_assert_max_num_queries(15):  # one of them reads the year's own prose
        build_chapter(agency, 2024, "pt")


def test_chinese_prose_says_its_month_when_the_summary_does_not(agency):
    june = {"start_date": datetime.date(2024, 6, 1), "date_precision": DatePrecision.MONTH}
    ActivityFactory(
        agency=agency, kind=ActivityKind.CONVENTION_REVIEW, summary_zh_hant="派員參加會議。", **june
    )
    ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="在6月派員受訓。", **june
    )
    ActivityFactory(agency=agency, summary_zh_hant="赴香港出席會議。", **june)
    assert texts(build_chapter(agency, 2024, "zh-Hant")) == [
        "赴香港出席會議。",  # a bullet, as the seed lists visits: undated
        "在6月，派員參加會議。",
        "在6月派員受訓。",
    ]


def test_a_visiting_delegation_counts_by_its_origin_not_as_a_partner(agency):
    indonesia = PlaceFactory(name_zh_hant="印尼", region_group=RegionGroup.ABROAD)
    delegation = PartnerBodyFactory(
        agency=agency,
        name_zh_hant="印尼檢察官代表團",
        kind=PartnerBody.Kind.DELEGATION,
        place=indonesia,
        region_group=RegionGroup.ABROAD,
    )
    visit = ActivityFactory(agency=agency, kind=ActivityKind.INBOUND_VISIT)
    ActivityBody.objects.create(activity=visit, body=delegation, role=BodyRole.VISITOR)
    tables = {table.key: table for table in build_chapter(agency, 2024, "zh-Hant").tables}
    assert {row[0]: row[1] for row in tables["by_region"].rows}["外地"] == 1
    assert tables["by_body"].rows == []


def test_the_top_bodies_break_a_tie_alphabetically_and_say_so(agency):
    for n, name in enumerate("ABCDEFGHIJKL"):
        body = PartnerBodyFactory(agency=agency, name_zh_hant=f"機構{name}", name_en=f"Body {name}")
        for _ in range(3 if n < 8 else 2 if n < 11 else 1):
            activity = ActivityFactory(agency=agency, kind=ActivityKind.MEETING)
            ActivityBody.objects.create(activity=activity, body=body, role=BodyRole.HOST)
    table = {t.key: t for t in build_chapter(agency, 2024, "en").tables}["by_body"]
    names = [row[0] for row in table.rows]
    assert len(names) == 10  # eight with three, then two of the three with two, by name
    assert names[8:] == ["Body I", "Body J"] and names[0] == "Body A"
    assert "ten bodies" in table.note and "alphabetically" in table.note
