#!/usr/bin/env bash
# `npm test`: installs what the tests need, starts the private test engines, runs every check, and
# stops the engines again whatever happens.
set -euo pipefail
cd "$(dirname "$0")/.."
t0=$(date +%s)
step() { printf '\n\033[1m== %s (%ss)\033[0m\n' "$*" "$(( $(date +%s) - t0 ))"; }

if [ ! -x node_modules/.bin/next ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step "npm ci"
  npm ci --no-audit --no-fund
fi
step "browser, compose oracle and podman"
bash scripts/install-browser.sh
bash scripts/install-compose.sh
bash scripts/install-podman.sh
bash scripts/install-prom-parser.sh

step "test engines"
trap 'step "stopping test engines"; bash scripts/test-engines.sh swarm-stop || true; bash scripts/test-engines.sh stop' EXIT
bash scripts/test-engines.sh start
# The three-manager swarm forms while the checks below run; every swarm test file and spec finds it
# up and leaves it so, instead of each starting and stopping its own (about 30 s apiece).
SWARM_LOG="${WHARF_ENGINES_DIR:-.engines}/swarm-start.log"; mkdir -p "$(dirname "$SWARM_LOG")"
bash scripts/test-engines.sh swarm > "$SWARM_LOG" 2>&1 &
SWARM_START=$!

step "typecheck";   npm run -s typecheck
step "lint";        npm run -s lint
step "format";      npx prettier --check . >/dev/null || { npx prettier --list-different .; echo "run: npm run format"; exit 1; }
step "unit";        npm run -s test:unit
step "build";       npm run -s build
wait "$SWARM_START" || echo "the swarm did not form (see $SWARM_LOG); the swarm tests start it themselves"
step "integration"; npm run -s test:integration
step "e2e";         npm run -s test:e2e
step "all passed in $(( $(date +%s) - t0 )) s"
