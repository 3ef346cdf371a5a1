"""The chapter written from the sample's records reads back, through the importer, as the
sample: the writer and the parser agree on the genre."""

import pytest

from liaison.reports.render import render
from tests.reports.conftest import GOLD

pytestmark = pytest.mark.django_db

parser = pytest.importorskip("liaison.importer.parser")
scoring = pytest.importorskip("liaison.importer.scoring")


def test_zh_hant_markdown_parses_back_to_the_gold(gold_chapters):
    markdown = render(gold_chapters["zh-Hant"], "md").decode("utf-8")
    extracted = parser.parse_chapter(markdown, year=GOLD["year"]).to_contract()
    result = scoring.score(GOLD, extracted)
    assert result["score"] >= 0.95, result
