"""`liaison report`: files in every format, clear errors with exit status 1, logged runs."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from liaison.audit.models import AuditEvent
from liaison.reports.management.commands.report import Command
from tests.factories import ActivityFactory


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("report", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "Unknown language “fr”"),
        (["--format", "odt"], "Unknown format “odt”"),
        (["--classification", "secret"], "Unknown classification “secret”"),
    ],
    ids=["language", "format", "classification"],
)
def test_bad_input_exits_1_with_a_message_on_stderr(args, message, capsys):
    # Checked before the database is touched, so no database is needed here.
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["liaison", "report", "--year", "2024", *args])
    assert exit_info.value.code == 1
    assert message in capsys.readouterr().err


@pytest.mark.django_db
def test_markdown_to_stdout_read_by_the_system(agency):
    ActivityFactory(agency=agency, summary_zh_hant="赴香港出席會議。")
    out, _ = run("--year", "2024", "--lang", "zh-hant", "--agency", "ccac")
    assert out.startswith("# 第五部分")
    assert "- 赴香港出席會議。" in out
    assert not AuditEvent.objects.exists()  # no user, nothing to attribute


@pytest.mark.django_db
def test_empty_year_is_a_chapter_not_an_error(agency):
    out, err = run("--year", "1999", "--agency", "ccac")
    assert "1999年未有已審批的對外交流與培訓活動記錄" in out
    assert "No records for 1999" in err


@pytest.mark.django_db
def test_files_for_a_user_are_written_and_logged(agency, editor, tmp_path):
    ActivityFactory(
        agency=agency, summary_zh_hant="赴香港出席會議。", summary_en="Attended a meeting."
    )
    output = tmp_path / "chapter.docx"
    _, err = run(
        "--year",
        "2024",
        "--lang",
        "en",
        "--format",
        "docx",
        "--user",
        "editor",
        "--output",
        str(output),
    )
    assert output.read_bytes()[:2] == b"PK"
    assert f"Wrote {output}" in err
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.REPORT_GENERATED)
    assert event.actor == editor
    assert event.details["year"] == 2024 and event.details["format"] == "docx"
    assert event.details["lang"] == "en"


@pytest.mark.django_db
def test_unknown_agency_or_user_is_an_error(agency):
    with pytest.raises(CommandError, match="No agency"):
        run("--year", "2024", "--agency", "nowhere")
    with pytest.raises(CommandError, match="No active user"):
        run("--year", "2024", "--user", "nobody")


@pytest.mark.django_db
def test_a_final_chapter_with_untranslated_names_is_refused_and_names_them(agency, tmp_path):
    ActivityFactory(agency=agency, title_zh_hant="某某研討會", summary_zh_hant="出席某某研討會。")
    output = tmp_path / "chapter.md"
    with pytest.raises(CommandError) as refused:
        run("--year", "2024", "--lang", "pt", "--agency", "ccac", "--output", str(output))
    assert "某某研討會" in str(refused.value) and "--include-drafts" in str(refused.value)
    assert not output.exists()
    run(
        "--year",
        "2024",
        "--lang",
        "pt",
        "--agency",
        "ccac",
        "--include-drafts",
        "--output",
        str(output),
    )
    assert "RASCUNHO" in output.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--year", "1998"], "The year 1998 is out of range (1999–2100)"),
        (["--year", "2101"], "The year 2101 is out of range (1999–2100)"),
        (["--year", "2024", "--output", "{tmp}"], "is a folder"),
        (["--year", "2024", "--output", "{tmp}/missing/chapter.md"], "does not exist"),
    ],
    ids=["before", "after", "onto a folder", "into a missing folder"],
)
def test_a_year_or_an_output_that_cannot_be_is_refused_before_anything(
    args, message, tmp_path, capsys
):
    # Checked before the database is touched: nothing is generated, logged or written.
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["liaison", "report", *args])
    assert exit_info.value.code == 1
    assert message in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []
