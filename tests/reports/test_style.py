"""House style of the printed chapter: English and Portuguese as Macao's official texts."""

import datetime

import pytest

from liaison.activities.choices import ActivityKind, DatePrecision
from liaison.reports.builder import build_chapter
from liaison.reports.render import render
from tests.factories import ActivityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def visits(agency):
    for text in ("Visited Zhuhai.", "Visited Shenyang."):
        ActivityFactory(agency=agency, summary_en=text, summary_pt=text, title_en=text)
    ActivityFactory(
        agency=agency,
        kind=ActivityKind.CONVENTION_REVIEW,
        title_pt="Sessão",
        title_en="Session",
        start_date=datetime.date(2024, 6, 1),
        date_precision=DatePrecision.MONTH,
    )


def test_english_title_heading_and_small_numbers(agency, visits):
    chapter = build_chapter(agency, 2024, "en")
    markdown = render(chapter, "md").decode("utf-8")
    assert markdown.startswith("# Part V — External Exchanges and Training\n")
    assert "## 1. Visits outside Macao" in markdown
    assert "sent delegations on two visits" in chapter.parts[0].lead


def test_portuguese_months_take_their_capital(agency, visits):
    chapter = build_chapter(agency, 2024, "pt")
    assert chapter.parts[3].items[0].text.startswith("Em Junho, ")
    assert render(chapter, "md").decode("utf-8").startswith("# Parte V — Intercâmbio")


def test_chinese_title_keeps_its_ideographic_space(agency, visits):
    markdown = render(build_chapter(agency, 2024, "zh-Hant"), "md").decode("utf-8")
    assert markdown.startswith("# 第五部分\u3000對外交流與培訓\n")
