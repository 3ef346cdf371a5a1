"""Benchmark the chapter importer: milliseconds per chapter from text and from PDF.

    python bench/bench_importer.py [--repeat N]

Exits non-zero when over target: 50 ms per chapter from text, 1 s from PDF or Word.
"""

import argparse
import sys
import time
from pathlib import Path

from liaison.importer.parser import Registry, normalize, parse_chapter
from liaison.importer.sources import read_chapter_bytes, read_chapter_source

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = [
    ROOT / "src" / "liaison" / "importer" / "samples" / "000_7b80f90a73d56b59.txt",
    *sorted((ROOT / "tests" / "importer" / "chapters").glob("*.txt")),
]
WORD = sorted((ROOT / "tests" / "importer" / "chapters").glob("*.docx"))
TEXT_TARGET_MS, PDF_TARGET_MS = 50.0, 1000.0


def per_run_ms(action, repeat: int) -> float:
    start = time.perf_counter()
    for _ in range(repeat):
        action()
    return (time.perf_counter() - start) * 1000 / repeat


def render_pdf(text: str) -> bytes:
    import weasyprint

    body = "".join(f"<p>{line}</p>" for line in normalize(text).split("\n"))
    style = "body { font-family: 'Noto Sans CJK TC', 'Noto Sans CJK HK'; font-size: 12pt }"
    return weasyprint.HTML(string=f"<style>{style}</style>{body}").write_pdf()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    Registry.seed()  # built once per process, not per chapter
    texts = {path.stem: path.read_text(encoding="utf-8") for path in CHAPTERS}
    text_ms = {
        name: per_run_ms(lambda t=text: parse_chapter(t), args.repeat)
        for name, text in texts.items()
    }
    sample = texts[CHAPTERS[0].stem]
    pdf = render_pdf(sample)
    pdf_ms = per_run_ms(
        lambda: parse_chapter(read_chapter_bytes(pdf, "chapter.pdf")[0]), max(1, args.repeat // 5)
    )
    word_ms = {
        path.stem: per_run_ms(
            lambda p=path: parse_chapter(read_chapter_source(p)[0]), max(1, args.repeat // 5)
        )
        for path in WORD
    }
    for name, ms in text_ms.items():
        print(f"text  {name:32} {ms:8.2f} ms per chapter")
    print(f"pdf   {CHAPTERS[0].stem:32} {pdf_ms:8.2f} ms per chapter ({len(pdf)} bytes)")
    for name, ms in word_ms.items():
        print(f"docx  {name:32} {ms:8.2f} ms per chapter")
    worst = max(text_ms.values())
    slowest_file = max([pdf_ms, *word_ms.values()])
    if worst > TEXT_TARGET_MS or slowest_file > PDF_TARGET_MS:
        print(f"over target: text {worst:.1f} ms (≤ {TEXT_TARGET_MS}),", end=" ")
        print(f"pdf or docx {slowest_file:.1f} ms (≤ {PDF_TARGET_MS})")
        return 1
    print("within target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
