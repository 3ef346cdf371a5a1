"""Score an importer's output against a hand annotation of a chapter.

    python -m liaison.importer.scoring GOLD.json OUT.json [--verbose]
    python -m liaison.importer.scoring --chapters DIR [DIR…]   (each chapter file's score)

Activities are paired by text similarity (greedy, best pairs first, at least
0.5); then recall, precision, kind accuracy, the mean per-activity F1 of
places, organizations and events, and month accuracy are averaged into
`score`.  Gold fields may list aliases (["香港廉政公署", "廉政公署"]); a found
name matches an alias when one contains the other.  Gold activities marked
"optional" may be matched but are not required.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path

_IGNORED = re.compile(r"[\s\u3000“”‘’\"'「」『』《》〈〉（）()，,。．.、：:；;！!？?—\-–·]+")
MATCH_THRESHOLD = 0.5
ENTITY_FIELDS = ("places", "organizations", "events")


def _key(text: str | None) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text or "")).lower()


def similarity(a: str, b: str) -> float:
    """How alike two activity texts are; containment counts as at least 0.8."""
    a, b = _key(a), _key(b)
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return max(0.8, SequenceMatcher(None, a, b).ratio())
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def same_name(a: str, b: str) -> bool:
    a, b = _key(a), _key(b)
    if not a or not b:
        return False
    return a == b or (len(a) >= 2 and a in b) or (len(b) >= 2 and b in a)


def names(items) -> list[str]:
    """Names from a list of strings or of objects with a name/title/text."""
    out = []
    for item in items or []:
        if isinstance(item, dict):
            item = item.get("name") or item.get("title") or item.get("text") or ""
        if str(item):
            out.append(str(item))
    return out


def entity_f1(gold: list, found: list[str]) -> float | None:
    """F1 of found names against gold alias groups; None when both are empty."""
    groups = [g if isinstance(g, list) else [g] for g in gold]
    if not groups and not found:
        return None
    gold_hit = sum(any(same_name(a, f) for a in group for f in found) for group in groups)
    found_hit = sum(any(same_name(a, f) for group in groups for a in group) for f in found)
    precision = found_hit / len(found) if found else 0.0
    recall = gold_hit / len(groups) if groups else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def pair(gold: list[dict], extracted: list[dict]) -> dict[int, int]:
    """Gold index → extracted index, best-matching texts first."""
    candidates = sorted(
        (
            (similarity(g["text"], x.get("text", "")), gi, xi)
            for gi, g in enumerate(gold)
            for xi, x in enumerate(extracted)
        ),
        reverse=True,
    )
    matched: dict[int, int] = {}
    used: set[int] = set()
    for ratio, gi, xi in candidates:
        if ratio >= MATCH_THRESHOLD and gi not in matched and xi not in used:
            matched[gi] = xi
            used.add(xi)
    return matched


def score(gold: dict, extracted: dict | list) -> dict[str, float]:
    """Every measure, and `score`, their mean."""
    gold_acts = gold["activities"]
    found = extracted.get("activities", []) if isinstance(extracted, dict) else extracted
    matched = pair(gold_acts, found)
    required = [i for i, g in enumerate(gold_acts) if not g.get("optional")]
    measures = {
        "activities_recall": sum(i in matched for i in required) / len(required),
        "activities_precision": len(matched) / len(found) if found else 0.0,
        "kind_accuracy": sum(
            i in matched and gold_acts[i]["kind"] == found[matched[i]].get("kind") for i in required
        )
        / len(required),
    }
    for name in ENTITY_FIELDS:
        values = [
            entity_f1(gold_acts[gi].get(name, []), names(found[xi].get(name)))
            for gi, xi in matched.items()
        ]
        values = [v for v in values if v is not None]
        measures[f"{name}_f1"] = sum(values) / len(values) if values else 0.0
    months = [
        (gold_acts[gi]["month"], found[xi].get("month"))
        for gi, xi in matched.items()
        if gold_acts[gi].get("month")
    ]
    if months:
        measures["month_accuracy"] = sum(a == b for a, b in months) / len(months)
    measures["score"] = sum(measures.values()) / len(measures)
    return measures


def report(gold: dict, extracted: dict | list) -> list[str]:
    """Per-activity lines: what each gold activity was matched with, misses and extras."""
    gold_acts = gold["activities"]
    found = extracted.get("activities", []) if isinstance(extracted, dict) else extracted
    matched = pair(gold_acts, found)
    lines = []
    for gi, g in enumerate(gold_acts):
        if gi not in matched:
            lines.append(f"  MISSED [{g['kind']}] {g['text'][:50]}")
            continue
        x = found[matched[gi]]
        lines.append(f"  [{g['kind']} -> {x.get('kind')}] {g['text'][:40]}")
        lines.append(
            f"     places={names(x.get('places'))} orgs={names(x.get('organizations'))} "
            f"events={names(x.get('events'))}"
        )
    used = set(matched.values())
    lines += [
        f"  EXTRA [{x.get('kind')}] {x.get('text', '')[:50]}"
        for i, x in enumerate(found)
        if i not in used
    ]
    return lines


def score_chapters(folders: list[Path]) -> int:
    """Parse every chapter (.txt, .docx) that has a gold beside it and print its score."""
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liaison.settings")
    django.setup()  # a file's refusals are translated messages
    from liaison.importer.parser import parse_chapter
    from liaison.importer.sources import read_chapter_source

    for folder in folders:
        for path in sorted([*folder.glob("*.txt"), *folder.glob("*.docx")]):
            gold_path = path.with_name(path.stem + ".gold.json")
            if gold_path.exists():
                gold = json.loads(gold_path.read_text(encoding="utf-8"))
                contract = parse_chapter(read_chapter_source(path)[0]).to_contract()
                print(f"{score(gold, contract)['score']:.3f}  {path.name}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Score an importer's output against a gold annotation."
    )
    parser.add_argument("gold", type=Path, nargs="?")
    parser.add_argument("extracted", type=Path, nargs="?")
    parser.add_argument("--verbose", action="store_true", help="show each activity's match")
    parser.add_argument("--chapters", type=Path, nargs="+", help="score each chapter in folders")
    args = parser.parse_args(argv)
    if args.chapters:
        return score_chapters(args.chapters)
    if not (args.gold and args.extracted):
        parser.error("give GOLD and OUT, or --chapters DIR")
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    extracted = json.loads(args.extracted.read_text(encoding="utf-8"))
    measures = score(gold, extracted)
    total = measures.pop("score")
    for name, value in measures.items():
        print(f"{name}: {value:.3f}")
    if args.verbose:
        print("\n".join(report(gold, extracted)))
    print(f"score: {total:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
