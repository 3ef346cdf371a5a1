"""The importer's scorer."""

import json

from liaison.importer.scoring import entity_f1, main, score, similarity

MEETING = {
    "kind": "meeting",
    "text": "赴北京出席“年會”。",
    "places": ["北京"],
    "organizations": [["國家監察委員會", "NCS"]],
    "events": ["年會"],
    "month": 6,
}
OPTIONAL = {"kind": "training", "text": "參加研修班。", "optional": True, "places": []}
GOLD = {"activities": [MEETING, OPTIONAL]}


def test_similarity_ignores_spacing_and_punctuation_and_favours_containment():
    assert similarity("赴 北京，出席。", "赴北京出席") == 1.0
    assert similarity("赴北京", "2024年，廉政公署派員赴北京出席會議") >= 0.8
    assert similarity("", "x") == 0.0


def test_entity_f1_with_aliases():
    assert entity_f1([["國家監察委員會", "NCS"]], ["NCS"]) == 1.0
    assert entity_f1([], []) is None
    assert entity_f1([], ["x"]) == 0.0


def test_perfect_and_partial():
    found = {"activities": [{**MEETING, "organizations": ["國家監察委員會"]}]}
    assert score(GOLD, found)["score"] == 1.0
    found["activities"].append({"kind": "meeting", "text": "完全無關的句子"})
    result = score(GOLD, found)
    assert result["activities_precision"] == 0.5
    assert result["activities_recall"] == 1.0


def test_main_prints_the_measures(tmp_path, capsys):
    gold, out = tmp_path / "gold.json", tmp_path / "out.json"
    gold.write_text(json.dumps(GOLD), encoding="utf-8")
    out.write_text(json.dumps({"activities": []}), encoding="utf-8")
    assert main([str(gold), str(out), "--verbose"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "activities_recall: 0.000"
    assert "  MISSED [meeting] 赴北京出席“年會”。" in lines
    assert lines[-1] == "score: 0.000"


def test_the_chapters_mode_prints_each_chapters_score(capsys):
    from pathlib import Path

    from liaison.importer.scoring import main

    chapters = Path(__file__).parent / "chapters"
    assert main(["--chapters", str(chapters)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(list(chapters.glob("*.gold.json")))
    assert all(float(line.split()[0]) >= 0.85 for line in lines)
