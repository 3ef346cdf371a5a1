"""Whole chapters against their hand annotations, from text and from a rendered PDF."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from liaison.importer.parser import parse_chapter
from liaison.importer.scoring import score, similarity
from liaison.importer.sources import read_chapter_bytes, read_chapter_source

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parents[1] / "src" / "liaison" / "importer" / "samples" / "000_7b80f90a73d56b59.txt"
OWN = sorted((HERE / "chapters").glob("*.txt"))
WORD = sorted((HERE / "chapters").glob("*.docx"))
OFFICIAL_SCORER = HERE.parents[2] / "shared" / "tools" / "score_import.py"


def gold_of(path: Path) -> dict:
    return json.loads(path.with_name(path.stem + ".gold.json").read_text(encoding="utf-8"))


def contract_of(path: Path) -> dict:
    return parse_chapter(read_chapter_source(path)[0]).to_contract()


def test_there_are_at_least_four_own_chapters():
    assert len(OWN) >= 4 and WORD


@pytest.mark.parametrize("path", OWN + WORD, ids=lambda p: p.name)
def test_day_dates_are_read(path):
    """Where the gold gives an activity's days, the parser gives the same."""
    gold, contract = gold_of(path), contract_of(path)
    dated = [item for item in gold["activities"] if item.get("start_date")]
    found = {item["text"]: item for item in contract["activities"]}
    for item in dated:
        match = next((found[text] for text in found if similarity(text, item["text"]) > 0.8), None)
        assert match is not None, item["text"]
        assert (match["start_date"], match["end_date"]) == (
            item["start_date"],
            item.get("end_date"),
        ), item["text"]


@pytest.mark.parametrize("path", OWN + WORD, ids=lambda p: p.name)
def test_own_chapter_scores_at_least_085(path):
    result = score(gold_of(path), contract_of(path))
    assert result["score"] >= 0.85, result


@pytest.mark.parametrize("path", OWN + WORD, ids=lambda p: p.name)
def test_language_and_year_are_detected(path):
    gold, contract = gold_of(path), contract_of(path)
    assert (contract["year"], contract["language"]) == (gold["year"], gold["language"])


@pytest.mark.skipif(
    not OFFICIAL_SCORER.exists(), reason="../shared/tools/score_import.py is absent (fresh clone)"
)
@pytest.mark.parametrize("path", [SAMPLE, *OWN], ids=lambda p: p.stem)
def test_our_scorer_agrees_with_the_official_one(path, tmp_path):
    out = tmp_path / "out.json"
    contract = contract_of(path)
    contract["activities"] = contract["activities"][1:]  # a miss, so the scores are not all 1
    out.write_text(json.dumps(contract, ensure_ascii=False), encoding="utf-8")
    gold_path = path.with_name(path.stem + ".gold.json")
    official = subprocess.run(
        [sys.executable, str(OFFICIAL_SCORER), str(gold_path), str(out)],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    theirs = dict(line.split(": ") for line in official.strip().splitlines())
    ours = score(gold_of(path), contract)
    assert {k: f"{v:.3f}" for k, v in ours.items()} == theirs


def render_pdf(text: str) -> bytes:
    weasyprint = pytest.importorskip("weasyprint")
    if b"Noto Sans CJK" not in subprocess.run(["fc-list"], capture_output=True).stdout:
        pytest.skip("no CJK font (Debian fonts-noto-cjk) to render the chapter")
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n") if line.strip())
    html = (
        "<html><head><style>@page { size: A4; margin: 2cm } "
        "body { font-family: 'Noto Sans CJK TC', 'Noto Sans CJK HK'; font-size: 12pt }"
        "</style></head>"
        f"<body>{paragraphs}</body></html>"
    )
    return weasyprint.HTML(string=html).write_pdf()


def test_pdf_round_trip_gives_the_same_activities():
    from liaison.importer.parser import normalize

    text = SAMPLE.read_text(encoding="utf-8")
    from_text = parse_chapter(text)
    pdf_text, kind = read_chapter_bytes(render_pdf(normalize(text)), "chapter.pdf")
    from_pdf = parse_chapter(pdf_text)
    assert kind == "pdf"
    assert [a.kind for a in from_pdf.activities] == [a.kind for a in from_text.activities]
    assert score(gold_of(SAMPLE), from_pdf.to_contract())["score"] >= 0.95
