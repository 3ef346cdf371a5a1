"""The chapter says what the office wrote for the year where it wrote it (its passages), and
the patterns where it did not."""

import pytest

from liaison.activities.choices import ActivityKind, DatePrecision
from liaison.core.choices import Classification, Role, WorkflowState
from liaison.reports.builder import build_chapter
from liaison.reports.services import MissingTranslations, generate
from liaison.reports.text import render_text
from tests.factories import ActivityFactory, PassageFactory

pytestmark = pytest.mark.django_db

SOURCE = "2024.txt"
UNDATED = {"start_date": None, "date_precision": DatePrecision.YEAR}


def imported(agency, kind, text, start, **fields):
    """An activity as the importer leaves it: its sentence, and its place in the source."""
    ref = {"file": SOURCE, "block": start, "start": start, "source": text}
    return ActivityFactory(
        agency=agency,
        kind=kind,
        summary_zh_hant=text,
        source_text=text,
        source_ref=ref,
        **UNDATED,
        **fields,
    )


def passage(agency, role, part, text, position, **fields):
    fields.setdefault("source_name", SOURCE)
    return PassageFactory(
        agency=agency, role=role, part=part, text_zh_hant=text, position=position, **fields
    )


def part(chapter, kind):
    return next(p for p in chapter.parts if p.kind == kind)


def test_a_year_without_passages_gets_the_patterns(agency):
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="參加培訓。")
    chapter = build_chapter(agency, 2024, "zh-Hant")
    context = {"year": 2024, "agency": "廉政公署", "count": 1}
    assert part(chapter, "training").lead == render_text("zh-Hant", "leads/training.txt", context)
    assert chapter.intro.startswith("2024年，廉政公署")
    assert [p.kind for p in chapter.parts] == list(ActivityKind)


def test_the_office_s_lead_replaces_the_pattern_of_its_part_only(agency):
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="參加培訓。")
    ActivityFactory(agency=agency, kind=ActivityKind.MEETING, summary_zh_hant="出席會議。")
    passage(agency, "lead", "training", "本署重視人員培訓。", 0, source_name="")
    chapter = build_chapter(agency, 2024, "zh-Hant")
    assert part(chapter, "training").lead == "本署重視人員培訓。"
    assert part(chapter, "meeting").lead.startswith("2024年，各國際及區域組織")


def test_the_source_s_parts_headings_and_context_come_back_in_its_order(agency):
    passage(agency, "title", "", "第四章　對外聯絡", 0)
    passage(agency, "introduction", "", "廉政公署與各地同業保持交往。", 5)
    passage(agency, "heading", "training", "（一）專業進修", 20)
    first = imported(agency, ActivityKind.TRAINING, "派員赴北京參加研修班。", 30)
    passage(agency, "context", "training", "除上述課程外，亦參加其他培訓。", 50)
    second = imported(agency, ActivityKind.TRAINING, "派員赴香港參加課程。", 70)
    passage(agency, "heading", "outbound_visit", "（二）出訪交流", 90)
    passage(agency, "lead", "outbound_visit", "本年度暫停組織代表團外訪。", 95)
    later = ActivityFactory(
        agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="新課程。", **UNDATED
    )
    chapter = build_chapter(agency, 2024, "zh-Hant")
    assert (chapter.full_title, chapter.intro) == (
        "第四章　對外聯絡",
        "廉政公署與各地同業保持交往。",
    )
    assert [(p.heading, p.lead) for p in chapter.parts] == [
        ("（一）專業進修", ""),  # the office wrote no lead there: none is made up
        ("（二）出訪交流", "本年度暫停組織代表團外訪。"),
    ]
    texts = [item.text for item in chapter.parts[0].items]
    assert texts == [
        first.summary_zh_hant,
        "除上述課程外，亦參加其他培訓。",
        second.summary_zh_hant,
        later.summary_zh_hant,  # written in a form: in the part of its kind, after the source's
    ]


def test_a_draft_passage_stays_out_of_a_final_chapter_and_is_marked_in_a_draft(agency):
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="參加培訓。")
    passage(agency, "context", "training", "草擬的句子。", 0, state=WorkflowState.DRAFT)
    assert "草擬的句子。" not in [
        i.text for i in part(build_chapter(agency, 2024, "zh-Hant"), "training").items
    ]
    draft = build_chapter(agency, 2024, "zh-Hant", include_drafts=True)
    item = next(i for i in part(draft, "training").items if i.text == "草擬的句子。")
    assert item.is_draft and draft.is_draft


def test_an_untranslated_lead_falls_back_to_the_pattern_and_context_refuses_the_final(agency):
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, summary_pt="Formação.")
    passage(agency, "lead", "training", "本署重視人員培訓。", 0, source_name="")
    passage(agency, "context", "training", "除上述課程外，亦參加其他培訓。", 1, source_name="")
    chapter = build_chapter(agency, 2024, "pt")
    assert "本署" not in part(chapter, "training").lead and part(chapter, "training").lead
    assert [m.name for m in chapter.missing] == ["除上述課程外，亦參加其他培訓。"]
    with pytest.raises(MissingTranslations):
        generate(agency, 2024, "pt", "md")
    passage(agency, "context", "training", "句子。", 2, text_pt="Frase.", source_name="")
    assert "Frase." in [i.text for i in part(build_chapter(agency, 2024, "pt"), "training").items]


def test_a_confidential_passage_never_appears_even_for_its_officer(agency, make_user):
    keeper = make_user(Role.EDITOR, username="keeper")
    ActivityFactory(agency=agency, kind=ActivityKind.TRAINING, summary_zh_hant="參加培訓。")
    secret = passage(
        agency, "context", "training", "機密的句子。", 0, classification=Classification.CONFIDENTIAL
    )
    secret.cleared_officers.add(keeper)
    passage(
        agency, "heading", "training", "機密的標題", 0, classification=Classification.CONFIDENTIAL
    )
    for reader in (None, keeper, make_user(Role.EDITOR, username="other")):
        chapter = build_chapter(agency, 2024, "zh-Hant", reader=reader, include_drafts=True)
        texts = [chapter.intro] + [
            t for p in chapter.parts for t in (p.heading, p.lead, *(i.text for i in p.items))
        ]
        assert not any("機密" in text for text in texts)
