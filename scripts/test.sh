#!/usr/bin/env bash
# Installs the test dependencies into .venv and runs the whole test suite: lint, types, pytest.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
echo "== ruff"
.venv/bin/ruff check server tests scripts bench
.venv/bin/ruff format --check server tests scripts bench
echo "== mypy (strict, server/)"
.venv/bin/mypy
echo "== pytest"
.venv/bin/python -m pytest "$@"
