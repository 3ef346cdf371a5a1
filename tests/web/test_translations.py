"""The gettext catalogues: complete, compiled from the current .po, placeholders intact."""

import ast
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.utils import translation

import liaison

LOCALE = Path(liaison.__file__).parent / "locale"
LANGUAGES = ["zh_Hant", "pt"]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]|\{(\w+)\}")


def parse_po(path: Path) -> dict:
    """msgid (or (msgid, msgid_plural)) -> msgstr list, with each entry's flags."""
    entries = {}
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        key = None
        flags = ""
        for line in block.splitlines():
            if line.startswith("#,"):
                flags = line
                continue
            if line.startswith("#") or not line.strip():
                continue
            match = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d+\])?) (\".*\")$", line)
            if match:
                key = match.group(1)
                fields[key] = ast.literal_eval(match.group(2))
            else:
                fields[key] += ast.literal_eval(line)
        if not fields.get("msgid"):
            continue  # the header
        msgid = fields["msgid"]
        if "msgid_plural" in fields:
            msgid = (msgid, fields["msgid_plural"])
            strs = [value for name, value in sorted(fields.items()) if name.startswith("msgstr[")]
        else:
            strs = [fields["msgstr"]]
        entries[msgid] = {"msgstr": strs, "fuzzy": "fuzzy" in flags}
    return entries


@pytest.fixture(params=LANGUAGES)
def catalogue(request):
    folder = LOCALE / request.param / "LC_MESSAGES"
    with (folder / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    return request.param, parse_po(folder / "django.po"), compiled


def test_every_message_is_translated_and_none_is_fuzzy(catalogue):
    language, entries, _compiled = catalogue
    untranslated = [msgid for msgid, entry in entries.items() if not all(entry["msgstr"])]
    fuzzy = [msgid for msgid, entry in entries.items() if entry["fuzzy"]]
    assert untranslated == [], f"{language}: untranslated messages"
    assert fuzzy == [], f"{language}: fuzzy messages"


def test_compiled_catalogue_matches_the_po_file(catalogue):
    """A .mo compiled from an older .po would miss or differ in some message."""
    language, entries, compiled = catalogue
    assert len(entries) > 200
    for msgid, entry in entries.items():
        if isinstance(msgid, tuple):
            singular, plural = msgid
            assert compiled.ngettext(singular, plural, 1) == entry["msgstr"][0], singular
            assert compiled.ngettext(singular, plural, 2) == entry["msgstr"][-1], singular
        else:
            assert compiled.gettext(msgid) == entry["msgstr"][0], (language, msgid)
    messages = {key for key in compiled._catalog if key != ""}
    singulars = {key[0] if isinstance(key, tuple) else key for key in messages}
    po_ids = {msgid[0] if isinstance(msgid, tuple) else msgid for msgid in entries}
    assert singulars == po_ids, f"{language}: .mo and .po hold different messages"


def test_placeholders_are_kept(catalogue):
    language, entries, _compiled = catalogue
    for msgid, entry in entries.items():
        source = msgid[0] if isinstance(msgid, tuple) else msgid
        expected = sorted(PLACEHOLDER.findall(source))
        for translated in entry["msgstr"]:
            assert sorted(PLACEHOLDER.findall(translated)) == expected, (language, source)


KEY_STRINGS = {
    "zh-hant": {
        "Outbound visit": "外訪",
        "Inbound visit": "接待來訪",
        "International or regional meeting": "參與國際及區域會議",
        "Staff training": "人員培訓",
        "Draft": "草稿",
        "Submitted": "待審批",
        "Approved": "已批准",
        "Public": "公開",
        "Internal": "內部",
        "Restricted": "限閱",
        "Confidential": "機密",
        "Log out": "登出",
    },
    "pt": {
        "Outbound visit": "Visita ao exterior",
        "Draft": "Rascunho",
        "Approved": "Aprovado",
        "Confidential": "Confidencial",
        "Restricted": "Reservado",
        "Staff training": "Formação do pessoal",
        "Log out": "Terminar sessão",
    },
}


@pytest.mark.parametrize("language", sorted(KEY_STRINGS))
def test_key_strings_are_translated(language):
    with translation.override(language):
        for source, expected in KEY_STRINGS[language].items():
            assert translation.gettext(source) == expected


def test_choices_render_in_the_active_language():
    from liaison.activities.choices import ActivityKind
    from liaison.core.choices import Classification, WorkflowState

    with translation.override("zh-hant"):
        assert str(ActivityKind.CONVENTION_REVIEW.label) == "《聯合國反腐敗公約》履約工作"
        assert str(WorkflowState.SUBMITTED.label) == "待審批"
        assert str(Classification.CONFIDENTIAL.label) == "機密"
    with translation.override("pt"):
        assert str(WorkflowState.DRAFT.label) == "Rascunho"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_string_the_code_marks_is_in_the_catalogue(language, tmp_path):
    """makemessages run on a copy of the code finds no message the catalogue lacks: a new
    string left out of the .po would show in English on a Chinese or Portuguese page."""
    copy = tmp_path / "liaison"
    shutil.copytree(LOCALE.parent, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, "-m", "liaison", "makemessages", "-l", language, "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
    )
    regenerated = parse_po(copy / "locale" / language / "LC_MESSAGES" / "django.po")
    missing = [
        msgid for msgid, entry in regenerated.items() if entry["fuzzy"] or not all(entry["msgstr"])
    ]
    assert missing == [], f"{language}: messages missing from the catalogue"
