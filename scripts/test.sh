#!/usr/bin/env bash
# The whole suite on SQLite, then on a throw-away PostgreSQL, then ruff (lint + format).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=.venv/bin

pgdir=$(mktemp -d /tmp/liaison-pg.XXXXXX)
trap 'bash scripts/postgres.sh stop "$pgdir"' EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
pg_url=$(bash scripts/postgres.sh start "$pgdir" "$port")

echo "== tests on SQLite"
DATABASE_URL="sqlite:///$(pwd)/var/test.sqlite3" $bin/pytest -n 2 -q --durations=15 "$@"

echo "== tests on PostgreSQL"
LIAISON_SECOND_DATABASE=1 DATABASE_URL="$pg_url" $bin/pytest -n 2 -q --durations=15 "$@"

echo "== ruff"
$bin/ruff check src tests bench scripts
$bin/ruff format --check src tests bench scripts
