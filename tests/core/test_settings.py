"""Production settings pass Django's deployment checks; development defaults are safe."""

import os
import secrets
import subprocess
import sys

from django.conf import settings

#: Set by the browser tests' harness (Playwright's loop beside the ORM); never in production.
HARNESS_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE"}


def liaison(*args, **env):
    inherited = {key: value for key, value in os.environ.items() if key not in HARNESS_ONLY}
    return subprocess.run(
        [sys.executable, "-m", "liaison", *args],
        capture_output=True,
        text=True,
        check=False,
        env={**inherited, **env},
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = liaison(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        LIAISON_DEBUG="0",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="liaison.example.org",
        LIAISON_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr


def test_production_refuses_to_start_without_a_secret_key():
    result = liaison("check", LIAISON_DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_languages_and_time_zone():
    assert settings.LANGUAGE_CODE == "zh-hant"
    assert [code for code, _name in settings.LANGUAGES] == ["zh-hant", "pt", "en"]
    assert settings.TIME_ZONE == "Asia/Macau"
    assert settings.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


def test_default_database_is_sqlite_in_wal_mode_under_var(tmp_path):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env["LIAISON_VAR_DIR"] = str(tmp_path)
    code = (
        "from django.db import connection; c = connection.cursor(); "
        "c.execute('PRAGMA journal_mode'); print(c.fetchone()[0], connection.settings_dict['NAME'])"
    )
    result = subprocess.run(
        [sys.executable, "-m", "liaison", "shell", "-c", code],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    mode, name = result.stdout.split()[-2:]
    assert mode == "wal" and name == str(tmp_path / "liaison.sqlite3")
