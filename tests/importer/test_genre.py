"""Other agencies' reports of the genre: no part headings, several years on one page, other
shapes of bullets, quotes and dates, agencies writing about themselves, summaries."""

from pathlib import Path

import pytest

from liaison.importer.parser import ChapterError, parse_chapter
from liaison.importer.parser.mentions import find_dates

CHAPTERS = Path(__file__).parent / "chapters"
YEARS_PAGE = (CHAPTERS / "2023_zh_hant_year_headings.txt").read_text(encoding="utf-8")


def test_a_page_of_year_headings_gives_the_year_asked_for():
    latest = parse_chapter(YEARS_PAGE)
    assert latest.year == 2023 and len(latest.activities) == 6
    earlier = parse_chapter(YEARS_PAGE, year=2022)
    assert [a.month for a in earlier.activities] == [3, 11]
    assert [a.kind for a in earlier.activities] == ["meeting", "inbound_visit"]


def test_a_year_the_page_does_not_report_is_refused():
    with pytest.raises(ChapterError, match="reports on 2022–2023, not 2021"):
        parse_chapter(YEARS_PAGE, year=2021)


def test_a_one_year_chapter_of_another_year_is_still_refused():
    text = (CHAPTERS / "2023_en_first_person.txt").read_text(encoding="utf-8")
    with pytest.raises(ChapterError, match="reports on 2023, not 2019"):
        parse_chapter(text, year=2019)


def test_the_years_of_a_history_or_a_plan_are_not_the_reports():
    text = (CHAPTERS / "2023_en_first_person.txt").read_text(encoding="utf-8")
    assert parse_chapter(text).year == 2023  # not 1994 ("since 1994"), nor 2014 or 2024


def test_the_title_line_gives_the_year():
    chapter = parse_chapter(
        "2021年工作報告\n第四章 對外聯繫\n(一) 外訪\n- 3月，赴北京拜訪國家監察委員會。"
        "本署2019年曾派員出席會議，2019年亦有接待。"
    )
    assert chapter.year == 2021


def test_headingless_kinds_come_from_the_wording_and_say_so():
    chapter = parse_chapter(YEARS_PAGE)
    assert {a.kind_from for a in chapter.activities} == {"wording"}
    assert [a.kind for a in chapter.activities] == [
        "meeting",
        "inbound_visit",
        "training",
        "outbound_visit",
        "meeting",
        "training",
    ]
    contract = chapter.to_contract()["activities"][0]
    assert contract["kind_from"] == "wording"
    headed = parse_chapter("對外交流與培訓\n一、外訪\n- 3月，赴北京拜訪國家監察委員會。")
    assert headed.activities[0].kind_from == "heading"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("5月，出席於曼谷舉行的亞洲監察組織年會。", "meeting"),
        ("5月，赴新加坡考察貪污調查局。", "outbound_visit"),
        ("5月，接待泰國國家監察使公署代表團來訪。", "inbound_visit"),
        ("5月，本院調查官參加於香港舉辦的「調查技巧研習營」。", "training"),
        ("5月，派員出席《聯合國反腐敗公約》履約審議會議。", "convention_review"),
        (
            "In May, we received a delegation from the Anti-Corruption Bureau of Laos.",
            "inbound_visit",
        ),
        ("In May, our officers attended a training course in Bangkok.", "training"),
        (
            "Em Maio, o Gabinete visitou a Procuradoria-Geral da República em Lisboa.",
            "outbound_visit",
        ),
    ],
)
def test_kinds_from_wording(sentence, kind):
    text = f"國際交流\n2024年\n- {sentence}" if "月" in sentence else f"Cooperation\n\n{sentence}"
    activities = parse_chapter(text, year=2024).activities
    assert [a.kind for a in activities] == [kind]


@pytest.mark.parametrize(
    "mark",
    ["●", "○", "■", "□", "◆", "▪", "➢", "✓", "・", "\uf0b7", "\uf06c", "l", "①", "1)", "(一)"],
)
def test_every_kind_of_bullet_starts_an_activity(mark):
    text = (
        "對外交流與培訓\n一、外訪\n"
        f"{mark} 3月，赴北京拜訪國家監察委員會。\n{mark} 5月，赴上海拜訪上海市監察委員會。"
    )
    assert [a.month for a in parse_chapter(text, year=2024).activities] == [3, 5]


def test_single_quotes_and_half_width_punctuation_in_chinese():
    text = "對外交流與培訓\n三、參與會議\n- 5月,赴維也納出席‘第十屆年會’(線上)。"
    activity = parse_chapter(text, year=2024).activities[0]
    assert activity.events == ["第十屆年會"] and activity.places == ["維也納"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("5月13日至17日，赴北京。", ("2023-05-13", "2023-05-17")),
        ("10月30日至11月1日，出席會議。", ("2023-10-30", "2023-11-01")),
        ("From 3–5 June, we received", ("2023-06-03", "2023-06-05")),
        ("De 29 de Novembro a 1 de Dezembro, o Gabinete", ("2023-11-29", "2023-12-01")),
        ("On 8 March the Office", ("2023-03-08", None)),
        ("30 December to 2 January", ("2023-12-30", "2024-01-02")),
        ("2022年11月14日，舉辦課程。", ("2022-11-14", None)),  # the year as written
    ],
)
def test_date_ranges_give_days(text, dates):
    start, end = find_dates(text, 2023)
    assert (start.isoformat(), end.isoformat() if end else None) == dates


def test_a_month_alone_gives_no_days():
    assert find_dates("In May, our Deputy Commissioner spoke", 2023) is None
    assert find_dates("2月30日", 2023) is None  # no such day


def test_the_agency_speaking_of_itself_is_no_partner():
    text = (CHAPTERS / "2024_zh_hant_mixed_shapes.txt").read_text(encoding="utf-8")
    names = {b.name for a in parse_chapter(text).activities for b in a.organizations}
    assert not any(name.startswith("本署") for name in names)


def test_a_programme_summary_is_an_activity_and_its_funder_no_partner():
    text = (CHAPTERS / "2023_en_first_person.txt").read_text(encoding="utf-8")
    summary = parse_chapter(text).activities[-1]
    assert summary.text.startswith("Over the year we ran nine")
    assert summary.organizations == []


@pytest.mark.parametrize(
    "text",
    [
        "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam.",
        "首頁\n關於我們\n新聞中心\n聯絡我們\n網站地圖\n私隱政策",
        "Home\nAbout us\nNews\nPublications\nContact\nSitemap",
    ],
    ids=["lorem-ipsum", "menu-zh", "menu-en"],
)
def test_unrelated_text_is_still_refused(text):
    with pytest.raises(ChapterError, match="not an annual-report chapter"):
        parse_chapter(text)


def test_a_text_with_one_activity_is_read():
    chapter = parse_chapter("國際交流\n\n2023年\n\n● 5月，接待泰國國家監察使公署代表團來訪。")
    assert [a.kind for a in chapter.activities] == ["inbound_visit"]
