"""What the search finds, how it ranks, and that it finds and counts only what the reader
may see."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from liaison.core.choices import Classification, WorkflowState
from liaison.search.results import search
from tests.factories import (
    ActivityFactory,
    CaseAssistanceRequestFactory,
    EventFactory,
    PartnerBodyFactory,
    PlaceFactory,
)

pytestmark = pytest.mark.django_db


def found(user, query, kind=None):
    """{kind: (count, [str(record)...])} for the query."""
    return {
        group.name: (group.count, [str(hit.record) for hit in group.hits])
        for group in search(user, query, kind=kind)
    }


@pytest.fixture
def records(agency, indexed):
    ActivityFactory(agency=agency, title_zh_hant="國家監察委員會代表團來訪")
    PartnerBodyFactory(agency=agency, name_zh_hant="中華人民共和國國家監察委員會", acronym="NCS")
    PartnerBodyFactory(
        agency=agency,
        name_zh_hant="反腐敗機構全球行動網絡",
        name_pt="Rede Operacional Global",
        name_en="Global Operational Network",
        acronym="GlobE",
    )
    PartnerBodyFactory(agency=agency, name_zh_hant="國際申訴專員協會", acronym="IOI")
    PartnerBodyFactory(agency=agency, name_zh_hant="亞太反洗錢組織", acronym="APG")
    PartnerBodyFactory(
        agency=agency, name_zh_hant="廉政公署", name_pt="Comissão Contra a Corrupção"
    )
    activity = ActivityFactory(agency=agency, title_zh_hant="出席反腐敗會議")
    EventFactory(activity=activity, title_zh_hant="國際反貪局聯合會年會", title_pt="Viena")
    activity.places.add(PlaceFactory(name_zh_hant="維也納", name_pt="Viena", name_en="Vienna"))
    ActivityFactory(agency=agency, title_zh_hant="赴香港出席研討會")
    indexed()


def test_simplified_finds_traditional(viewer, records):
    hits = found(viewer, "监察委员会")
    assert hits["activity"][0] == 1
    assert hits["partnerbody"][0] == 1


def test_portuguese_without_accent_and_any_case(viewer, records):
    assert found(viewer, "comissao")["partnerbody"][0] == 1
    assert found(viewer, "CONTRA A CORRUPÇÃO")["partnerbody"][0] == 1


def test_a_place_and_an_event_find_their_activity(viewer, records):
    hits = found(viewer, "Viena")
    assert hits["activity"][1] == ["出席反腐敗會議"]
    assert hits["place"][0] == 1


@pytest.mark.parametrize("acronym", ["GlobE", "globe", "IOI", "APG", "ＡＰＧ"])
def test_acronyms(viewer, records, acronym):
    assert found(viewer, acronym)["partnerbody"][0] == 1


@pytest.mark.parametrize(("query", "count"), [("香港", 1), ("廉政", 1), ("廉", 1), ("会", 2)])
def test_one_and_two_characters(viewer, records, query, count):
    """Under three characters the trigram index cannot answer: the LIKE fallback does."""
    hits = found(viewer, query)
    assert sum(number for number, _names in hits.values()) >= 1
    assert hits.get("activity", (0,))[0] + hits.get("partnerbody", (0,))[0] >= count


def test_short_and_long_terms_together(viewer, records):
    assert found(viewer, "香港 研討會")["activity"][0] == 1
    assert found(viewer, "香港 年會") == {}


def test_cjk_substring_inside_a_name(viewer, records):
    assert found(viewer, "洗錢")["partnerbody"][0] == 1
    assert found(viewer, "全球行動")["partnerbody"][0] == 1


def test_name_equal_to_the_query_ranks_first(viewer, agency, indexed):
    PartnerBodyFactory(agency=agency, name_zh_hant="澳門廉政公署之友協會")
    PartnerBodyFactory(agency=agency, name_zh_hant="廉政公署之友")
    PartnerBodyFactory(agency=agency, name_zh_hant="公署", aliases=["廉政公署之友"])
    PartnerBodyFactory(agency=agency, name_zh_hant="廉政公署之友協會")
    indexed()
    names = found(viewer, "廉政公署之友")["partnerbody"][1]
    assert names == ["廉政公署之友", "廉政公署之友協會", "澳門廉政公署之友協會", "公署"]


def test_the_match_is_highlighted_in_context(viewer, records):
    (group,) = search(viewer, "comissao")
    assert "<mark>Comissão</mark>" in group.hits[0].context


def test_hidden_records_are_never_found_nor_counted(viewer, editor, agency, other_agency, indexed):
    ActivityFactory(
        agency=agency, title_zh_hant="機密會議甲", classification=Classification.CONFIDENTIAL
    )
    ActivityFactory(agency=agency, title_zh_hant="機密會議乙", state=WorkflowState.DRAFT)
    ActivityFactory(agency=other_agency, title_zh_hant="機密會議丙")
    ActivityFactory(
        agency=agency, title_zh_hant="機密會議丁", classification=Classification.RESTRICTED
    )
    ActivityFactory(agency=agency, title_zh_hant="機密會議戊")
    indexed()
    assert found(viewer, "機密會議") == {"activity": (1, ["機密會議戊"])}
    assert found(editor, "機密會議")["activity"][0] == 3  # drafts and restricted, not 甲
    assert found(editor, "機密會議甲") == {}


def test_a_confidential_record_is_found_by_the_officers_named_on_it(
    editor, make_user, agency, indexed
):
    named = make_user("editor", username="named")
    secret = ActivityFactory(
        agency=agency, title_zh_hant="LKM行動", classification=Classification.CONFIDENTIAL
    )
    secret.cleared_officers.add(named)
    indexed()
    assert found(named, "LKM") == {"activity": (1, ["LKM行動"])}
    assert found(editor, "LKM") == {}


def test_the_register_only_for_its_officers(register_officer, editor, agency, indexed):
    entry = CaseAssistanceRequestFactory(agency=agency, reference="REQ-77", subject="協查洗錢案")
    entry.cleared_officers.add(register_officer, editor)
    indexed()
    assert found(register_officer, "協查")["caseassistancerequest"][0] == 1
    assert found(editor, "協查") == {}


def test_an_unnamed_or_anonymous_user_finds_nothing(records):
    from django.contrib.auth.models import AnonymousUser

    assert search(AnonymousUser(), "監察") == []


def test_queries_are_bounded_by_kinds_not_hits(viewer, agency, indexed):
    def queries(count):
        for number in range(100 * count, 101 * count):
            ActivityFactory(agency=agency, title_zh_hant=f"香港會議{number}")
            PartnerBodyFactory(agency=agency, name_zh_hant=f"香港機構{number}")
        indexed()
        with CaptureQueriesContext(connection) as captured:
            search(viewer, "香港")
            search(viewer, "香港", kind="activity")
        return len(captured)

    ActivityFactory(agency=agency, title_zh_hant="香港")
    indexed()
    search(viewer, "香港")  # content types and roles cached, as in any running process
    few = queries(30)
    assert queries(60) == few
    # One read of the index for every kind the viewer may search at once (activities,
    # bodies, places, obligations, units, the chapter's passages), then per kind with hits
    # (two here) its visible hits and, when there are more than counted, the records named
    # as asked; the best few are read with those visible (a read of the index per kind
    # made it 14).
    assert few <= 8
    assert queries(2) <= few


def test_a_count_stops_at_the_limit_and_counts_only_what_is_visible(
    viewer, agency, indexed, monkeypatch
):
    """Hits are read a batch at a time: hidden ones never fill the count, and reading stops
    once more than COUNTED visible ones are found (shown as "3+")."""
    from liaison.search import results

    monkeypatch.setattr(results, "COUNTED", 3)
    for number in range(3):
        ActivityFactory(agency=agency, title_zh_hant=f"培訓課程{number}")
    for number in range(6):  # the newest hits, all hidden: the first batches are empty
        ActivityFactory(
            agency=agency,
            title_zh_hant=f"培訓課程機密{number}",
            classification=Classification.CONFIDENTIAL,
        )
    indexed()
    (group,) = search(viewer, "培訓課程")
    assert (group.count, group.more) == (3, False)
    ActivityFactory(agency=agency, title_zh_hant="培訓課程3")
    ActivityFactory(agency=agency, title_zh_hant="培訓課程4")
    indexed()
    (group,) = search(viewer, "培訓課程")
    assert (group.count, group.more) == (3, True)
    assert all("機密" not in str(hit.record) for hit in group.hits)


def test_a_name_equal_to_the_query_ranks_first_beyond_the_limit(
    viewer, agency, indexed, monkeypatch
):
    from liaison.search import results

    monkeypatch.setattr(results, "COUNTED", 2)
    PartnerBodyFactory(agency=agency, name_zh_hant="監察委員會")  # the oldest hit
    for number in range(4):
        PartnerBodyFactory(agency=agency, name_zh_hant=f"省監察委員會{number}")
    indexed()
    (group,) = search(viewer, "监察委员会")
    assert group.more
    assert str(group.hits[0].record) == "監察委員會"
