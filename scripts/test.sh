#!/usr/bin/env bash
# Installs the test dependencies into .venv and runs the whole test suite: lint, types, pytest.
# Usage: bash scripts/test.sh [pytest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
if [ "${CI:-}" = true ] && ! command -v emacs >/dev/null; then
  echo "== installing emacs-nox and elpa-eglot for the Emacs client test"
  (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q emacs-nox elpa-eglot) >/dev/null
fi
echo "== ruff"
.venv/bin/ruff check server tests scripts bench
.venv/bin/ruff format --check server tests scripts bench
echo "== mypy (strict, server/)"
.venv/bin/mypy
# The VS Code end-to-end test (real VS Code via code-server + Playwright on Chromium) installs its tools
# on first use (about 5-9 minutes on a fresh machine); WRANGLER_LSP_SKIP_VSCODE_E2E=1 leaves it out.
if [ "${WRANGLER_LSP_SKIP_VSCODE_E2E:-}" != 1 ]; then
  export WRANGLER_LSP_VSCODE_E2E=1
fi
echo "== pytest"
.venv/bin/python -m pytest "$@"
