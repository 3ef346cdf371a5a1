"""Bring the catalogues up to date and fill in translations, in one step.

    .venv/bin/python scripts/translate.py [TABLE.json ...]

Runs makemessages (the flags the catalogues are kept with), writes the msgstr of every
msgid a table names (dropping its fuzzy flag), then compiles the .mo files. A table is
{"zh_Hant": {msgid: text}, "pt": {msgid: text}}. Keeping a change's strings in a table
makes a catalogue conflict after a rebase cheap: take main's .po and run this again.
A message with a plural takes a list: one text per plural form of the language.
"""

import json
import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent / "src" / "liaison"
LIAISON = Path(sys.executable).parent / "liaison"
LANGUAGES = ("zh_Hant", "pt")
MSGID = re.compile(r'^msgid ((?:".*"\n?)+)', re.MULTILINE)
QUOTED = re.compile(r'"((?:[^"\\]|\\.)*)"')


def unquote(lines: str) -> str:
    text = "".join(QUOTED.findall(lines))
    return text.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")


def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def fill(block: str, translations: dict[str, str]) -> str:
    """The entry `block` with its msgstr from `translations`, or unchanged."""
    found = MSGID.search(block)
    if not found or unquote(found.group(1)) not in translations:
        return block
    head = []
    for line in block.split("\n"):
        if line.startswith("msgstr"):
            break
        if line.startswith("#|"):
            continue  # the previous msgid a fuzzy match came from
        if line.startswith("#,"):
            line = line.replace(", fuzzy", "")
            if line == "#":
                continue
        head.append(line)
    text = translations[unquote(found.group(1))]
    if isinstance(text, str):
        return "\n".join([*head, "msgstr " + quote(text)])
    return "\n".join([*head, *(f"msgstr[{n}] {quote(form)}" for n, form in enumerate(text))])


def main(tables: list[str]) -> None:
    merged: dict[str, dict[str, str]] = {language: {} for language in LANGUAGES}
    for table in tables:
        for language, entries in json.loads(Path(table).read_text("utf-8")).items():
            merged[language].update(entries)
    command = [str(LIAISON), "makemessages", "--no-obsolete", "--add-location", "file"]
    subprocess.run(
        [*command, *(f"-l{language}" for language in LANGUAGES)],
        cwd=PROJECT,
        check=True,
        capture_output=True,
    )
    for language in LANGUAGES:
        po = PROJECT / "locale" / language / "LC_MESSAGES" / "django.po"
        blocks = po.read_text("utf-8").split("\n\n")
        po.write_text("\n\n".join(fill(block, merged[language]) for block in blocks), "utf-8")
    subprocess.run([str(LIAISON), "compilemessages"], cwd=PROJECT, check=True, capture_output=True)


if __name__ == "__main__":
    main(sys.argv[1:])
