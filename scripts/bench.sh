#!/usr/bin/env bash
# `npm run bench`: the benchmarks in bench/ (list, logs, exec, stats, idle-rss, first-load) against
# the private test engines. Starts the engines when none is running and then stops them again at the
# end; engines that were already up (someone else's) are left as they are. Env: BENCH_N, BENCH_WARMUP,
# BENCH_KEEP=1, BENCH_CPU_PROF=<dir> (see bench/list.ts), BENCH_RSS_ROUNDS, BENCH_RSS_IDLE_MS (see
# bench/idle-rss.ts), BENCH_FIRST_LOAD_KB, BENCH_VERBOSE=1 (see bench/first-load.ts, which weighs the
# pages of the last `npm run build`).
set -euo pipefail
cd "$(dirname "$0")/.."

ENGINES=(local edge secure)
t0=$(date +%s)
log() { printf '[bench] %s\n' "$*" >&2; }

# How many of the three engines answer now.
engines_up() {
  local out n=0 e
  out=$(bash scripts/test-engines.sh status 2>/dev/null || true)
  for e in "${ENGINES[@]}"; do
    if grep -Eq "^engine +$e +up " <<<"$out"; then n=$((n + 1)); fi
  done
  printf '%s' "$n"
}

started=0
up=$(engines_up)
if [ "$up" -lt ${#ENGINES[@]} ]; then
  if [ "$up" -eq 0 ]; then
    started=1
    trap 'log "stopping the test engines this script started"; bash scripts/test-engines.sh stop' EXIT
  else
    log "only $up of ${#ENGINES[@]} engines are up; starting the rest, and leaving them running afterwards"
  fi
  log "starting the test engines"
  bash scripts/test-engines.sh start
fi

# In the foreground: Ctrl-C reaches the benchmark too, which then stops its Wharf child and removes
# its containers; this script's EXIT trap runs only after that.
rc=0
npx tsx bench/list.ts || rc=$?
npx tsx bench/logs.ts || rc=$?
npx tsx bench/exec.ts || rc=$?
npx tsx bench/stats.ts || rc=$?
npx tsx bench/idle-rss.ts || rc=$?
npx tsx bench/first-load.ts || rc=$?
if [ "$started" = 1 ]; then engines="started here, stopping them now"; else engines="left as they were"; fi
log "done in $(($(date +%s) - t0)) s (exit $rc; test engines $engines)"
exit "$rc"
