"""The issue's measure of a faithful chapter: for the sample and every chapter of
tests/importer/chapters, import it, approve what it made, write it back in its language
(zh-Hant for a Chinese one) and compare with the source: the share of the source's text,
without spacing and punctuation, that difflib finds, in order, in the chapter's text."""

import difflib
import unicodedata
from pathlib import Path

import pytest

from liaison.activities.models import Activity
from liaison.core.text import to_traditional
from liaison.importer.parser import parse_chapter
from liaison.importer.parser.text import YEAR_HEADING
from liaison.importer.services import registry_for, save_chapter
from liaison.importer.sources import read_chapter_source
from liaison.partners.models import PartnerBody
from liaison.reports.builder import Chapter, build_chapter
from liaison.reports.models import Passage
from tests.reports.conftest import GOLD_PATH
from tests.reports.test_round_trip import approve_all

pytestmark = pytest.mark.django_db

SAMPLE = GOLD_PATH.with_name(GOLD_PATH.name.replace(".gold.json", ".txt"))
CHAPTERS = Path(__file__).resolve().parents[1] / "importer" / "chapters"
OTHERS = sorted([*CHAPTERS.glob("*.txt"), *CHAPTERS.glob("*.docx")])


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


def of_the_year(text: str, year: int) -> str:
    """A page of several years (under year headings) without the other years' parts."""
    kept, keep = [], True
    for line in text.split("\n"):
        heading = YEAR_HEADING.match(line.strip())
        if heading:
            keep = int(heading.group(1) or heading.group(2)) == year
        if keep:
            kept.append(line)
    return "\n".join(kept)


def imported_and_written(path: Path, agency, editor, approver) -> tuple[str, Chapter]:
    """The source as the chapter should say it, and the chapter written from its records."""
    text = read_chapter_source(path)[0]
    parsed = parse_chapter(text, registry=registry_for(editor))
    save_chapter(parsed, user=editor, source_name=path.name)
    approve_all(PartnerBody.objects.filter(agency=agency), editor, approver)
    approve_all(Activity.objects.filter(agency=agency, year=parsed.year), editor, approver)
    approve_all(Passage.objects.filter(agency=agency, year=parsed.year), editor, approver)
    language = parsed.language if parsed.language in ("pt", "en") else "zh-Hant"
    source = to_traditional(text) if parsed.language == "zh-Hans" else text
    return of_the_year(source, parsed.year), build_chapter(agency, parsed.year, language)


def test_the_sample_written_back_reproduces_95_percent_of_its_prose(agency, editor, approver):
    source, chapter = imported_and_written(SAMPLE, agency, editor, approver)
    share = reproduced(source, prose(chapter))
    assert share >= 0.95, f"{share:.1%} of the sample's prose reproduced"


@pytest.mark.parametrize("path", OTHERS, ids=lambda path: path.name)
def test_each_chapter_written_back_reproduces_90_percent_of_its_prose(
    path, agency, editor, approver
):
    source, chapter = imported_and_written(path, agency, editor, approver)
    share = reproduced(source, prose(chapter))
    assert share >= 0.90, f"{share:.1%} of {path.name}'s prose reproduced"
