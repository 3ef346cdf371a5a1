"""`liaison import-report`: the contract's JSON, real imports, and clear refusals."""

import json
import subprocess
import sys
from importlib import resources
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liaison.activities.models import Activity
from tests.importer.pdfs import bomb_pdf

SAMPLE = resources.files("liaison.importer").joinpath("samples", "000_7b80f90a73d56b59.txt")


def run(*args):
    out = StringIO()
    call_command("import-report", *args, stdout=out)
    return out.getvalue()


def test_dry_run_prints_the_contract_and_writes_nothing(db):
    contract = json.loads(run(str(SAMPLE), "--year", "2024", "--dry-run", "--format", "json"))
    assert contract["year"] == 2024 and contract["language"] == "zh-Hant"
    kinds = {item["kind"] for item in contract["activities"]}
    assert kinds == {"outbound_visit", "inbound_visit", "meeting", "convention_review", "training"}
    assert not Activity.objects.exists()


def test_table_format(db):
    table = run(str(SAMPLE), "--year", "2024", "--dry-run", "--format", "table")
    assert "convention_review | 6 | 維也納" in table


def test_import_creates_drafts_and_reports(editor):
    output = run(str(SAMPLE), "--year", "2024", "--user", editor.username)
    assert output.startswith("created ")
    assert Activity.objects.filter(state="draft").count() >= 19
    again = run(str(SAMPLE), "--year", "2024", "--user", editor.username)
    assert again.startswith("created 0 draft activities")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "binary"),
        ("天氣很好。我們去公園散步。".encode(), "chapter"),
    ],
    ids=["empty", "binary", "not-a-chapter"],
)
def test_bad_input_is_refused_clearly(tmp_path, editor, content, message):
    path = tmp_path / "chapter.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=f"(?i){message}"):
        run(str(path), "--year", "2024", "--user", editor.username)
    assert not Activity.objects.exists()


def test_year_out_of_range(db):
    with pytest.raises(CommandError, match="out of range"):
        run(str(SAMPLE), "--year", "1066", "--dry-run")


def test_real_import_needs_a_user(db):
    with pytest.raises(CommandError, match="--user"):
        run(str(SAMPLE), "--year", "2024")


def test_entry_point_exits_1_with_message_on_stderr(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "liaison",
            "import-report",
            str(path),
            "--year",
            "2024",
            "--dry-run",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert "empty" in result.stderr.lower() and result.stdout == ""


def test_a_crafted_pdf_is_refused_with_a_message_in_the_shells_language(
    tmp_path, editor, monkeypatch
):
    path = tmp_path / "bomb.pdf"
    path.write_bytes(bomb_pdf(100 * 1024 * 1024))
    with pytest.raises(CommandError, match="expands beyond the importer's limits"):
        run(str(path), "--year", "2024", "--user", editor.username)
    monkeypatch.setenv("LANG", "pt_PT.UTF-8")
    with pytest.raises(CommandError, match="limites do importador"):
        run(str(path), "--year", "2024", "--user", editor.username)
    monkeypatch.setenv("LC_ALL", "zh_TW.UTF-8")
    with pytest.raises(CommandError, match="超出匯入程式的限制"):
        run(str(path), "--year", "2024", "--dry-run")
    assert not Activity.objects.exists()


def test_a_word_chapter_imports_with_its_days(editor):
    word = Path(__file__).parent / "chapters" / "2022_docx_table.docx"
    output = run(str(word), "--year", "2022", "--user", editor.username)
    assert output.startswith("created 8 draft activities")
    visit = Activity.objects.get(summary_zh_hant__contains="接待香港廉政公署代表團")
    assert (visit.start_date.isoformat(), visit.date_precision) == ("2022-05-10", "day")


def test_a_corrupt_word_file_exits_1_and_writes_nothing(tmp_path, editor):
    path = tmp_path / "chapter.docx"
    path.write_bytes(b"PK\x03\x04 broken")
    with pytest.raises(CommandError, match="not a readable Word document"):
        run(str(path), "--year", "2022", "--user", editor.username)
    assert not Activity.objects.exists()
