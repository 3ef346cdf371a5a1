"""The chapter parser: normalisation, structure, entities, errors (no database)."""

from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liaison.importer.parser import (
    BodyEntry,
    ChapterError,
    PlaceEntry,
    Registry,
    normalize,
    parse_chapter,
)
from liaison.importer.parser.mentions import find_month
from liaison.importer.scoring import score

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "liaison" / "importer" / "samples"
SAMPLE = SAMPLES / "000_7b80f90a73d56b59.txt"


def sample_text() -> str:
    return SAMPLE.read_text(encoding="utf-8")


CHAPTER = """第五部分
對外交流與培訓
2025年，廉政公署繼續與各地同業交流。
一、外訪
- 赴新加坡拜訪新加坡貪污調查局。
二、人員培訓
- 在3月派員赴北京參加“反貪調查研修班”。
"""


def test_normalize_undoes_extraction_spacing_but_keeps_latin_words():
    text = "赴 奧 地 利 出 席 全 球 網 絡\n\n（ GlobE Network） 舉 辦 的 “ 第 7 屆 會 議 ” 。"
    assert normalize(text) == "赴奧地利出席全球網絡（GlobE Network）舉辦的“第7屆會議”。"


def test_normalize_joins_a_dash_split_across_lines():
    assert normalize("阿 里 雲 —\n\n— 雲 棲 大 會 。") == "阿里雲——雲棲大會。"


def test_normalize_drops_page_numbers_and_running_headers():
    text = (
        "第 五 部 分\n\n- 12 -\n\n廉 政 公 署 2024 年 工 作 報 告\n\n一 、 外 訪\n\n第 13 頁\n\n12"
    )
    assert normalize(text) == "第五部分\n一、外訪"


def test_normalize_keeps_headings_on_their_own_lines():
    assert normalize("一 、 外 訪\n2024 年 ， 赴 香 港 。").split("\n") == [
        "一、外訪",
        "2024年，赴香港。",
    ]


def test_sample_scores_at_least_095():
    gold = __import__("json").loads(
        SAMPLE.with_suffix("").with_suffix(".gold.json").read_text("utf-8")
    )
    result = score(gold, parse_chapter(sample_text()).to_contract())
    assert result["score"] >= 0.95, result


def test_sample_outline_and_year():
    chapter = parse_chapter(sample_text())
    assert chapter.year == 2024
    assert chapter.language == "zh-Hant"
    assert "對外交流與培訓" in chapter.title
    assert chapter.introduction.startswith("2024年，廉政公署先後組織代表團出訪")
    kinds = [a.kind for a in chapter.activities]
    assert kinds.count("outbound_visit") == 4
    assert kinds.count("convention_review") == 1


def test_provenance_points_into_the_normalised_text():
    chapter = parse_chapter(sample_text())
    for activity in chapter.activities:
        p = activity.provenance
        assert chapter.normalized_text[p.start : p.end] == activity.text
        assert activity.text in p.source


def test_bodies_with_bracketed_acronyms_are_one_body():
    chapter = parse_chapter(sample_text())
    globe = next(a for a in chapter.activities if "第7屆指導委員會會議" in a.events)
    assert [(b.name, b.acronym) for b in globe.organizations] == [
        ("全球反腐敗執法合作網絡", "GlobE Network")
    ]
    assert globe.places == ["維也納"]


def test_city_list_names_each_city_body():
    chapter = parse_chapter(sample_text())
    visit = next(a for a in chapter.activities if "三市" in a.text)
    assert [b.name for b in visit.organizations] == [
        "珠海市監察委員會",
        "中山市監察委員會",
        "深圳市監察委員會",
    ]


def test_author_agency_is_not_a_partner_body():
    chapter = parse_chapter(sample_text())
    training = next(a for a in chapter.activities if a.month == 4)
    assert [b.name for b in training.organizations] == ["中國刑事警察學院"]
    assert training.topics == ["電子取證", "犯罪心理", "專業技能訓練"]


def test_simplified_input_is_folded_and_reported():
    chapter = parse_chapter(opencc.OpenCC("t2s").convert(CHAPTER))
    assert chapter.language == "zh-Hans"
    assert chapter.activities[0].organizations[0].name == "新加坡貪污調查局"


def test_registry_from_entries_adds_the_office_bodies_and_places():
    registry = Registry.from_entries(
        bodies=[BodyEntry("星海市廉政委員會", aliases=("星海廉委",), acronyms=("XHAC",))],
        places=[PlaceEntry("星海", aliases=("Xinghai",), region="abroad")],
    )
    text = CHAPTER.replace("赴新加坡拜訪新加坡貪污調查局", "赴星海拜訪星海廉委（XHAC）")
    activity = parse_chapter(text, registry=registry).activities[0]
    assert activity.places == ["星海"]
    assert [(b.name, b.acronym) for b in activity.organizations] == [("星海市廉政委員會", "XHAC")]


def test_numbered_items_and_month_ranges():
    text = (
        "對外交流與培訓\n（一）外訪\n1. 4月至6月期間，派員赴上海拜訪上海市監察委員會。\n"
        "2. 2023年3月，赴東京出席“年會”。"
    )
    chapter = parse_chapter(text, year=2023)
    assert [a.month for a in chapter.activities] == [4, 3]
    assert chapter.activities[1].places == ["東京"]


def test_portuguese_structure_months_and_quoted_events():
    text = (
        "Intercâmbio e formação\n1. Visitas ao exterior\n"
        "- Em junho de 2024, deslocação a Lisboa para participar no «Fórum Anticorrupção».\n"
        "2. Formação do pessoal\n"
        "- Participação em curso organizado pela IAACA em Pequim, em Março.\n"
    )
    chapter = parse_chapter(text, lang="pt")
    assert [a.kind for a in chapter.activities] == ["outbound_visit", "training"]
    first, second = chapter.activities
    assert (first.month, first.places, first.events) == (6, ["里斯本"], ["Fórum Anticorrupção"])
    assert second.places == ["北京"] and second.organizations[0].name == "國際反貪局聯合會"


def test_contract_shape():
    contract = parse_chapter(CHAPTER).to_contract()
    assert contract["year"] == 2025 and contract["language"] == "zh-Hant"
    activity = contract["activities"][1]
    assert set(activity) >= {"kind", "text", "places", "organizations", "events", "month", "topics"}
    assert activity["month"] == 3 and activity["events"] == ["反貪調查研修班"]


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("", None, "empty"),
        ("   \n\n ", None, "empty"),
        ("今天天氣很好。我們去公園散步。", None, "not an annual-report chapter"),
        (CHAPTER, 1989, "out of range"),
        (CHAPTER, 2101, "out of range"),
        (CHAPTER, 2019, "reports on 2025"),
    ],
)
def test_errors(text, year, message):
    with pytest.raises(ChapterError, match=message):
        parse_chapter(text, year=year)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "第一二、外訪培訓會議赴香港出席“”。，：-\n 2024年月（）ABC監察委員會"
        ),
        max_size=300,
    )
)
def test_parser_returns_or_raises_chapter_error(text):
    try:
        chapter = parse_chapter(text)
    except ChapterError:
        return
    assert chapter.activities


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=200)
    | st.text(
        alphabet=st.sampled_from("一、外訪對交流培訓第五部分12 -。：\n\f\u3000“”赴港"), max_size=200
    )
)
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


def one_activity(sentence: str, heading: str = "一、外訪", **kwargs):
    """The single activity of a minimal chapter made of one part and one paragraph."""
    chapter = parse_chapter(f"對外交流與培訓\n{heading}\n{sentence}", **kwargs)
    assert len(chapter.activities) == 1, chapter.activities
    return chapter.activities[0]


def test_simplified_chapter_reports_text_places_and_events_as_written():
    activity = one_activity(
        "• 12月，本署人员前往马来西亚吉隆坡，出席马来西亚反贪污委员会主办的“国际反贪污会议”。"
    )
    assert activity.text.startswith("12月，本署人员前往马来西亚吉隆坡")
    assert activity.places == ["吉隆坡"] and activity.events == ["国际反贪污会议"]
    assert [b.name for b in activity.organizations] == ["馬來西亞反貪污委員會"]


def test_simplified_chapter_offsets_point_into_the_text_as_written():
    chapter = parse_chapter(opencc.OpenCC("t2s").convert(CHAPTER))
    assert chapter.title == "第五部分 对外交流与培训"
    assert chapter.activities[1].provenance.section == "人员培训"
    for activity in chapter.activities:
        p = activity.provenance
        assert chapter.normalized_text[p.start : p.end] == activity.text
        assert activity.text in p.source


def test_places_are_given_as_written():
    assert one_activity("- 赴阿聯酋出席“年會”。").places == ["阿聯酋"]


def test_latin_place_names_become_canonical():
    assert one_activity("- Deslocação a Lisboa.", heading="1. Visitas ao exterior").places == [
        "里斯本"
    ]


def test_place_of_the_people_trained_is_not_a_venue():
    activity = one_activity("本署为新加坡及马来西亚执法人员举办“反贪调查研修班”。", heading="培训")
    assert activity.places == []


def test_words_after_a_country_are_not_a_city_when_they_are_a_verb():
    assert one_activity("2018年，安排人員赴新加坡參加培訓，並與當地同業交流。").places == ["新加坡"]


@pytest.mark.parametrize(
    ("text", "month"),
    [("2018年9月3日至5日", 9), ("7月10日", 7), ("11月中旬", 11), ("5月下旬", 5), ("1月至3月", 1)],
)
def test_month_of_a_date_with_a_day(text, month):
    assert find_month(text) == month


def test_an_officers_title_is_not_a_body():
    activity = one_activity(
        "11月中旬，接待由柬埔寨反貪污局局長率領的代表團。", heading="二、接待來訪"
    )
    assert [b.name for b in activity.organizations] == ["柬埔寨反貪污局"]


def test_intergovernmental_is_not_a_government():
    activity = one_activity("再派員出席“預防腐敗問題不限成員名額政府間工作組第九次會議”。")
    assert activity.organizations == []


def test_a_verb_ends_a_body_name():
    activity = one_activity(
        "8月，接待香港大學法律學院學生到訪，講解廉政公署的職能。", heading="二、接待來訪"
    )
    assert [b.name for b in activity.organizations] == ["香港大學法律學院"]


def test_a_country_opens_a_body_name_though_it_starts_with_a_date_word():
    activity = one_activity("於7月赴日本東京，拜訪日本法務省法務綜合研究所。")
    assert [b.name for b in activity.organizations] == ["日本法務省法務綜合研究所"]


def test_a_counted_delegation_is_no_body_and_no_activity():
    chapter = parse_chapter(
        "對外交流與培訓\n二、接待來訪\n廉政公署在2018年接待了多個來訪代表團。"
        "3月，接待福建省監察委員會代表團。",
        year=2018,
    )
    assert [a.text for a in chapter.activities] == ["接待福建省監察委員會代表團。"]


def test_a_sentence_saying_nothing_took_place_is_no_activity():
    text = (
        "對外交流與培訓\n一、外訪\n2022年，因應防疫要求，廉政公署暫停組織代表團外訪。\n"
        "二、人員培訓\n- 在3月派員赴北京參加“研修班”。"
    )
    assert [a.kind for a in parse_chapter(text).activities] == ["training"]


def test_activity_starts_after_its_summary():
    activity = one_activity(
        "2016年，廉政公署分別安排人員赴香港及新加坡參加培訓，其中包括於5月派員赴新加坡參加“國際課程”。",
        heading="二、人員培訓",
    )
    assert activity.text == "於5月派員赴新加坡參加“國際課程”。"
    assert activity.places == ["新加坡"]


def test_unquoted_meeting_with_a_session_is_an_event():
    activity = one_activity(
        "2021年9月，以視像形式出席二十國集團反腐敗工作組第二次會議。", heading="國際會議"
    )
    assert activity.events == ["二十國集團反腐敗工作組第二次會議"]


def test_a_body_inside_a_longer_name_is_not_a_second_body():
    activity = one_activity("8月，與香港大學專業進修學院合辦“法證會計證書課程”。", heading="培訓")
    assert [b.name for b in activity.organizations] == ["香港大學專業進修學院"]


@pytest.mark.parametrize("heading", ["（四）專業進修", "培訓及進修"])
def test_further_study_headings_are_training(heading):
    assert one_activity("11月，與澳門大學合辦“刑事訴訟法專題講座”。", heading).kind == "training"


def test_a_heading_split_over_two_lines_is_one_heading():
    text = "三 、 參 與 國 際 及 區 域 組 織 舉 辦 的\n\n會 議 及 研 討 會\n\n- 赴 香 港 。"
    assert normalize(text).split("\n")[0] == "三、參與國際及區域組織舉辦的會議及研討會"


def test_an_annual_report_running_header_is_dropped():
    assert normalize("一、外訪\n\n廉 政 公 署 2019 年 報\n\n- 赴 香 港 出 席 “ 年 會 ” 。") == (
        "一、外訪\n-赴香港出席“年會”。"
    )


def test_the_chapter_title_as_a_running_header_starts_no_part():
    text = (
        "第五部分\n對外交流與培訓\n三、參與國際及區域會議\n- 赴香港出席“年會”。\n"
        "第五部分 對外交流與培訓\n- 以視像形式參與“第八屆締約方大會”。"
    )
    assert [a.kind for a in parse_chapter(text, year=2019).activities] == ["meeting", "meeting"]


def test_macau_is_a_destination_in_a_chapter_that_travels_there():
    activity = one_activity("3月，委員會主任率團赴澳門特別行政區，拜會澳門廉政公署。", "出訪交流")
    assert activity.places == ["澳門"]


def test_a_second_country_after_a_first_is_not_an_unknown_city():
    activity = one_activity("6月，代表團赴新加坡和馬來西亞，走訪新加坡貪污調查局。", "出訪交流")
    assert activity.places == ["新加坡", "馬來西亞"]


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("9月，派員出席“《聯合國反腐敗公約》締約國會議第六屆會議”。", "meeting"),
        ("6月，派員出席“《聯合國反腐敗公約》履約審議工作組第九屆會議”。", "convention_review"),
    ],
)
def test_a_convention_meeting_is_a_review_only_when_it_says_so(sentence, kind):
    assert one_activity(sentence, "（二）區域及國際合作").kind == kind
