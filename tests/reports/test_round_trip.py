"""The issue's round trip: import the sample chapter, approve its drafts (activities and
the chapter's own prose), write the zh-Hant Markdown from those records, import that
Markdown again, and score it against the sample's gold annotation. The writer and the
importer must agree on the genre."""

import pytest

from liaison.activities.models import Activity
from liaison.core import services
from liaison.importer.parser import parse_chapter
from liaison.importer.scoring import score
from liaison.importer.services import registry_for, save_chapter
from liaison.partners.models import PartnerBody
from liaison.reports.builder import build_chapter
from liaison.reports.models import Passage
from liaison.reports.render import render
from tests.reports.conftest import GOLD, GOLD_PATH

pytestmark = pytest.mark.django_db

SAMPLE = GOLD_PATH.with_name(GOLD_PATH.name.replace(".gold.json", ".txt"))


def approve_all(records, editor, approver) -> None:
    for record in records:
        services.submit(record, user=editor, version=record.version)
        services.approve(record, user=approver, version=record.version)


def test_imported_sample_written_as_markdown_imports_back_as_the_gold(agency, editor, approver):
    text = SAMPLE.read_text(encoding="utf-8")
    parsed = parse_chapter(text, year=GOLD["year"], registry=registry_for(editor))
    save_chapter(parsed, user=editor, source_name=SAMPLE.name)
    approve_all(PartnerBody.objects.filter(agency=agency), editor, approver)
    approve_all(Activity.objects.filter(agency=agency, year=GOLD["year"]), editor, approver)
    approve_all(Passage.objects.filter(agency=agency, year=GOLD["year"]), editor, approver)

    chapter = build_chapter(agency, GOLD["year"], "zh-Hant")
    assert not chapter.has_drafts and not chapter.is_empty
    markdown = render(chapter, "md").decode("utf-8")
    again = parse_chapter(markdown, year=GOLD["year"], registry=registry_for(editor))
    result = score(GOLD, again.to_contract())
    assert result["score"] >= 0.95, f"round-trip score {result['score']:.3f}: {result}"
    assert len(again.activities) == len(parsed.activities), "the statistics read as activities"
