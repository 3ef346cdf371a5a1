"""bench_load's results as a Markdown table and an SVG bar chart (p95 per page, ours beside
the admin's), written to bench/results/."""

from __future__ import annotations

import datetime
from html import escape
from pathlib import Path


def cell(row: dict) -> tuple[str, str]:
    ours = row["ours"]
    figures = f"{ours['p50']:.1f} / {ours['p95']:.1f} / {ours['p99']:.1f} ms, {ours['rps']:.0f}/s"
    if "base" not in row:
        return figures, "—"
    base = row["base"]
    times = base["p95"] / ours["p95"] if ours["requests"] and base["requests"] else 0.0
    return figures, f"{base['p50']:.1f} / {base['p95']:.1f} ms ({times:.1f}× ours)"


def markdown(runs: list[dict], missed: list[str], args) -> str:
    lines = [
        "# Load benchmark",
        "",
        f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC; gunicorn, 2 workers on"
        f" loopback; wrk, {args.clients} logged-in clients, {args.seconds} s a page.",
        f"Load average during the run (other work on the machine): {args.load}.",
        "Figures: p50 / p95 / p99 and throughput; the admin's: p50 / p95 and its p95 as a"
        " multiple of ours.",
        "",
    ]
    for run in runs:
        lines += [
            f"## {run['size']} on {run['vendor']}",
            "",
            "| page | ours | queries | admin (icontains, unindexed filters) |",
            "| --- | --- | --- | --- |",
        ]
        for row in run["rows"]:
            figures, base = cell(row)
            lines.append(f"| {row['page']} | {figures} | {row['queries']} | {base} |")
        chapter = ", ".join(f"{fmt.upper()} {ms:.0f} ms" for fmt, ms in run["chapter"].items())
        lines += [
            "",
            f"Chapter for one agency (2020): {chapter}. Peak worker memory:"
            f" {run['memory']:.0f} MB.",
            "",
        ]
    lines += ["## Targets", ""]
    lines += [f"- MISSED: {line}" for line in missed] or ["- all met"]
    return "\n".join(lines) + "\n"


def svg(runs: list[dict]) -> str:
    """Horizontal bars of p95 (log-free, capped at the slowest), ours dark, admin light."""
    bars = []
    for run in runs:
        for row in run["rows"]:
            label = f"{run['size']}/{run['vendor']}: {row['page']}"
            bars.append((label, row["ours"]["p95"], row.get("base", {}).get("p95")))
    top = max([b[1] for b in bars] + [b[2] or 0 for b in bars] + [1.0])
    width, left, height = 900, 330, 18
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}"'
        f' height="{len(bars) * 2 * height + 40}" font-family="sans-serif" font-size="11">',
        '<text x="10" y="16">p95 in ms: ours (dark), the admin (light)</text>',
    ]
    for i, (label, ours, base) in enumerate(bars):
        y = 30 + i * 2 * height
        scale = (width - left - 60) / top
        out.append(f'<text x="10" y="{y + 12}">{escape(label)}</text>')
        out.append(
            f'<rect x="{left}" y="{y}" width="{max(ours * scale, 1):.1f}" height="{height - 4}"'
            ' fill="#1f4e79"/>'
        )
        out.append(f'<text x="{left + ours * scale + 4:.1f}" y="{y + 11}">{ours:.1f}</text>')
        if base is not None:
            yb = y + height - 3
            out.append(
                f'<rect x="{left}" y="{yb}" width="{max(base * scale, 1):.1f}"'
                f' height="{height - 6}" fill="#9dc3e6"/>'
            )
            out.append(f'<text x="{left + base * scale + 4:.1f}" y="{yb + 10}">{base:.1f}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def write(runs: list[dict], missed: list[str], folder: Path, args) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "load.md").write_text(markdown(runs, missed, args))
    (folder / "load.svg").write_text(svg(runs))
    print(f"results: {folder / 'load.md'}, {folder / 'load.svg'}")
