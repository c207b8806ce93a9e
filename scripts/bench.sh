#!/usr/bin/env bash
# `npm run bench`: the benchmarks in bench/ (list, logs, exec, proxy, files, stats, compose, idle-rss,
# first-load, history)
# against the private test engines. Starts the engines when none is running and then stops them again
# at the end; engines that were already up (someone else's) are left as they are. Env: BENCH_N,
# BENCH_WARMUP, BENCH_KEEP=1, BENCH_CPU_PROF=<dir> (see bench/list.ts), BENCH_COMPOSE_ROUNDS,
# BENCH_COMPOSE_REDEPLOYS, BENCH_COMPOSE_WARMUP (see bench/compose.ts; Debian's docker-compose is
# installed first with scripts/install-compose.sh when it is missing), BENCH_RSS_ROUNDS,
# BENCH_RSS_IDLE_MS (see bench/idle-rss.ts), BENCH_FIRST_LOAD_KB, BENCH_VERBOSE=1 (see
# bench/first-load.ts, which weighs the pages of the last `npm run build`), BENCH_HISTORY_CONTAINERS,
# BENCH_HISTORY_DAYS (see bench/history.ts, which needs no engine), BENCH_PROXY_N, BENCH_PROXY_HTTP_N,
# BENCH_PROXY_WARMUP, BENCH_PROXY_LOGS_RUNS, BENCH_PROXY_LOGS_LINES, BENCH_PROXY_CONTAINERS (see
# bench/proxy.ts: the docker CLI through Wharf's Docker endpoint against the raw socket), BENCH_FILES_N,
# BENCH_FILES_WARMUP, BENCH_FILES_COUNT (see bench/files.ts: a 10,000-file folder listed through Wharf
# against the engine's raw archive of it).
#
# Named phases run only those, in the order given; the long fleet benchmarks run only when named:
#   npm run bench -- scale       bench/scale.ts: 20 private engines × 250 containers (~15 min)
#   npm run bench -- soak        bench/soak.ts: 30 minutes of stats and logs under churn
#   npm run bench -- layers      bench/layers.ts: the cold layer index of a 1 GiB image against docker save
#   npm run bench -- list stats  some of the default phases
#   npm run bench -- compose     bench/compose.ts alone: a 10-service stack through Wharf against
#                                docker-compose 1.29, and Wharf's redeploy with no change (~10 min)
# BENCH_ONLY="scale" does the same as arguments. scale and soak start engines of their own (see
# scripts/fleet-engines.sh), so they need the test engines only for BENCH_SOAK_ENGINES=test.
set -euo pipefail
cd "$(dirname "$0")/.."

DEFAULT_PHASES=(list logs exec proxy files stats compose idle-rss first-load history)
OPT_IN_PHASES=(scale soak layers)
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

phases=("$@")
if [ ${#phases[@]} -eq 0 ] && [ -n "${BENCH_ONLY:-}" ]; then read -ra phases <<<"$BENCH_ONLY"; fi
[ ${#phases[@]} -gt 0 ] || phases=("${DEFAULT_PHASES[@]}")
need_engines=0
for p in "${phases[@]}"; do
  case " ${DEFAULT_PHASES[*]} ${OPT_IN_PHASES[*]} " in
    *" $p "*) ;;
    *)
      log "unknown phase '$p' (one of: ${DEFAULT_PHASES[*]} ${OPT_IN_PHASES[*]})"
      exit 2
      ;;
  esac
  case "$p" in
    scale | history) ;;
    soak) [ "${BENCH_SOAK_ENGINES:-}" != test ] || need_engines=1 ;;
    *) need_engines=1 ;;
  esac
done

started=0
up=${#ENGINES[@]}
[ "$need_engines" = 0 ] || up=$(engines_up)
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

# bench/compose.ts compares Wharf with Debian's docker-compose 1.29.
for p in "${phases[@]}"; do
  if [ "$p" = compose ]; then
    bash scripts/install-compose.sh || log "could not install docker-compose; the compose phase will fail"
  fi
done

# In the foreground: Ctrl-C reaches the benchmark too, which then stops its Wharf child and removes
# its containers; this script's EXIT trap runs only after that. Plain node with tsx's loader rather
# than the tsx command: on a busy machine, tsx relays a Ctrl-C its child has not confirmed within a
# few milliseconds again, and then SIGKILLs it, before the benchmark has cleaned up. An interrupted
# phase (exit 130) ends the run.
rc=0
for p in "${phases[@]}"; do
  node --import tsx "bench/$p.ts" || rc=$?
  if [ "$rc" = 130 ]; then break; fi
done
if [ "$need_engines" = 0 ]; then engines="not needed"; elif [ "$started" = 1 ]; then engines="started here, stopping them now"; else engines="left as they were"; fi
log "done in $(($(date +%s) - t0)) s (exit $rc; test engines $engines)"
exit "$rc"
