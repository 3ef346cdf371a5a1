"""The parser keeps the chapter's own prose around its activities (no database): the title,
the introduction, each part's heading and lead, and the sentences that report nothing."""

from pathlib import Path

from liaison.importer.parser import parse_chapter

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "src/liaison/importer/samples/000_7b80f90a73d56b59.txt"


def roles(text: str, **options) -> list[tuple[str, str, str]]:
    return [(p.role, p.part, p.text) for p in parse_chapter(text, **options).passages]


def test_the_sample_keeps_its_title_introduction_headings_leads_and_context():
    parsed = parse_chapter(SAMPLE.read_text(encoding="utf-8"))
    expected = [
        ("title", "", "第五部分 對外交流與培訓"),
        ("introduction", "", "2024年，廉政公署先後組"),
        ("heading", "outbound_visit", "一、外訪"),
        ("lead", "outbound_visit", "2024年，廉政公署先後多"),
        ("heading", "inbound_visit", "二、接待來訪"),
        ("context", "inbound_visit", "此外，廉政公署於2024"),  # after the part's first activity
        ("heading", "meeting", "三、參與國際及區域會議"),
        ("lead", "meeting", "2024年，各國際及區域組"),  # two sentences, one paragraph
        ("heading", "convention_review", "四、《聯合國反腐敗公約》"),
        ("lead", "convention_review", "2024年，廉政公署繼續配"),
        ("heading", "training", "五、人員培訓"),  # no lead: its first sentence is an activity
        ("context", "training", "廉政公署致力提高辦案人"),  # "除上述課程外…": no course of its own
    ]
    found = [(p.role, p.part, p.text) for p in parsed.passages]
    assert len(found) == len(expected)
    for (role, part, text), (want_role, want_part, opening) in zip(found, expected, strict=True):
        assert (role, part) == (want_role, want_part) and text.startswith(opening), text
    meeting_lead = parsed.passages[7].text
    assert meeting_lead.endswith("積極履行作為國際及區域組織成員的義務，當中包括：")
    starts = [p.start for p in parsed.passages[1:]]
    assert starts == sorted(starts)
    inbound = [a.provenance.start for a in parsed.activities if a.kind == "inbound_visit"]
    assert inbound[0] < parsed.passages[5].start < inbound[1]


def test_a_sentence_saying_nothing_took_place_is_kept_as_the_part_lead():
    text = (
        "對外交流與培訓\n一、外訪\n2022年，因應防疫要求，廉政公署暫停組織代表團外訪。\n"
        "二、人員培訓\n- 在3月派員赴北京參加“反貪調查研修班”。\n"
    )
    assert (
        "lead",
        "outbound_visit",
        "2022年，因應防疫要求，廉政公署暫停組織代表團外訪。",
    ) in roles(text)


def test_a_chapter_without_headings_is_one_part_with_an_empty_heading():
    found = roles((HERE / "chapters" / "2023_en_first_person.txt").read_text(encoding="utf-8"))
    assert found[:2] == [("title", "", "International Cooperation"), ("heading", "", "")]
    assert [role for role, _, _ in found[2:]] == ["lead", "lead"]
    assert found[2][2].startswith("The Office of the Ombudsman of Samoa")


def test_a_page_of_several_years_keeps_the_heading_of_the_year_read():
    text = (HERE / "chapters" / "2023_zh_hant_year_headings.txt").read_text(encoding="utf-8")
    headings = [words for role, _, words in roles(text, year=2022) if role == "heading"]
    assert headings == ["2022年"]


def test_a_simplified_chapter_keeps_its_prose_as_written():
    lead = "2024年，廉政公署先后多次组织代表团外访，当中包括："
    text = f"第五部分\n对外交流与培训\n一、外访\n{lead}\n- 赴香港拜访香港廉政公署。\n"
    assert ("lead", "outbound_visit", lead) in roles(text)
