#!/usr/bin/env bash
# Run every benchmark in bench/; each prints its numbers and exits non-zero over its target.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
for script in bench/bench_*.py; do
  echo "== $script"
  .venv/bin/python "$script" || status=1
done
exit $status
