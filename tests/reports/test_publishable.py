"""The issue's measure of a faithful chapter: zh-Hant written back from an imported chapter
reproduces the source's prose, the share of the source (without spacing and punctuation)
that difflib finds, in order, in the chapter's text."""

import difflib
import unicodedata
from pathlib import Path

import pytest

from liaison.activities.models import Activity
from liaison.importer.parser import parse_chapter
from liaison.importer.services import registry_for, save_chapter
from liaison.partners.models import PartnerBody
from liaison.reports.builder import Chapter, build_chapter
from tests.reports.conftest import GOLD_PATH
from tests.reports.test_round_trip import approve_all

pytestmark = pytest.mark.django_db

SAMPLE = GOLD_PATH.with_name(GOLD_PATH.name.replace(".gold.json", ".txt"))


def letters(text: str) -> str:
    """The text without spacing and punctuation: what the prose measure compares."""
    return "".join(ch for ch in text if unicodedata.category(ch)[0] in "LN")


def prose(chapter: Chapter) -> str:
    blocks = [chapter.part_label, chapter.title, chapter.intro]
    for part in chapter.parts:
        blocks += [part.heading, part.lead, *(item.text for item in part.items)]
    return "\n".join(blocks)


def reproduced(source: str, written: str) -> float:
    """The share of `source`'s letters found, in order, in `written` (difflib's blocks)."""
    source, written = letters(source), letters(written)
    matcher = difflib.SequenceMatcher(None, source, written, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(source)


def imported_and_written(path: Path, agency, editor, approver) -> tuple[str, Chapter]:
    text = path.read_text(encoding="utf-8")
    parsed = parse_chapter(text, registry=registry_for(editor))
    save_chapter(parsed, user=editor, source_name=path.name)
    approve_all(PartnerBody.objects.filter(agency=agency), editor, approver)
    approve_all(Activity.objects.filter(agency=agency, year=parsed.year), editor, approver)
    return text, build_chapter(agency, parsed.year, "zh-Hant")


def test_the_sample_written_back_reproduces_95_percent_of_its_prose(agency, editor, approver):
    source, chapter = imported_and_written(SAMPLE, agency, editor, approver)
    share = reproduced(source, prose(chapter))
    assert share >= 0.95, f"{share:.1%} of the sample's prose reproduced"
