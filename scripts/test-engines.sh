#!/usr/bin/env bash
# Private Docker engines, registries and an SSH host for Wharf's tests.
#
#   scripts/test-engines.sh [start]           install if needed, start everything, seed images
#   scripts/test-engines.sh stop              stop everything (running containers are killed first)
#   scripts/test-engines.sh stop-engine NAME  shut one engine down normally (local | edge | secure)
#   scripts/test-engines.sh start-engine NAME start one engine (if down) and wait until it answers
#   scripts/test-engines.sh status            show what is up
#   scripts/test-engines.sh env               print `export` lines for tests and shells
#   scripts/test-engines.sh install           install missing Debian packages
#
# State lives in ${WHARF_ENGINES_DIR:-<repo>/.engines} (git-ignored). `start` writes
# there hosts.json (WHARF_HOSTS for local, edge, secure) and hosts-ssh.json (the
# same plus the SSH host), and with Podman installed hosts-podman.json (the Podman
# host alone, id podman, at podman/podman.sock) and hosts-all.json (the three Docker
# engines plus podman). Engines: local (unix socket), edge (+ plain TCP on
# 127.0.0.1:$WHARF_EDGE_PORT, 23750), secure (+ TLS on 127.0.0.1:$WHARF_SECURE_PORT,
# 23760, client certs in tls/). Registries: 127.0.0.1:$WHARF_REGISTRY_PORT (5000),
# and with htpasswd auth 127.0.0.1:$WHARF_REGISTRY_AUTH_PORT (5001, wharf /
# wharf-registry-pw). sshd: root@127.0.0.1:$WHARF_SSH_PORT (22222), key ssh/id_ed25519,
# reaching the local engine. Images on every engine: local/busybox:1.35,
# local/ticker:1, local/idle:1 (see fixtures/README.md).
# Network rules: every engine runs with --bridge=none --iptables=false
# --ip-masq=false --ip-forward=false, and everything listens on 127.0.0.1 only.
# Processes are stopped by the pids in their pidfiles, never by name.
#
# The parts live in test-engines/, one file per concern; this file holds the
# commands and sources the rest.
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR=$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=test-engines/common.sh
source "$SCRIPT_DIR/test-engines/common.sh"
# shellcheck source=test-engines/processes.sh
source "$SCRIPT_DIR/test-engines/processes.sh"
# shellcheck source=test-engines/install.sh
source "$SCRIPT_DIR/test-engines/install.sh"
# shellcheck source=test-engines/tls.sh
source "$SCRIPT_DIR/test-engines/tls.sh"
# shellcheck source=test-engines/engines.sh
source "$SCRIPT_DIR/test-engines/engines.sh"
# shellcheck source=test-engines/registries.sh
source "$SCRIPT_DIR/test-engines/registries.sh"
# shellcheck source=test-engines/ssh.sh
source "$SCRIPT_DIR/test-engines/ssh.sh"
# shellcheck source=test-engines/images.sh
source "$SCRIPT_DIR/test-engines/images.sh"
# shellcheck source=test-engines/podman.sh
source "$SCRIPT_DIR/test-engines/podman.sh"
# shellcheck source=test-engines/outputs.sh
source "$SCRIPT_DIR/test-engines/outputs.sh"
# shellcheck source=test-engines/swarm.sh
source "$SCRIPT_DIR/test-engines/swarm.sh"

lock() {
  mkdir -p "$D"
  exec 9>"$D/.lock"
  flock -w 300 9 || die "another test-engines.sh holds $D/.lock"
}

need_root() { [ "$(id -u)" = 0 ] || die "must run as root (dockerd needs it)"; }

valid_engine() {
  local n
  for n in "${ENGINES[@]}"; do [ "$n" = "${1:-}" ] && return 0; done
  die "unknown engine '${1:-}' (one of: ${ENGINES[*]})"
}

cmd_start() {
  need_root
  install_packages
  check_paths
  lock
  DOCKER=$(docker_cli)
  TLS_NEW=0
  ensure_tls
  if [ "$TLS_NEW" = 1 ] && [ -n "$(engine_pid secure)" ]; then
    log "TLS material was regenerated; restarting engine secure"
    stop_engine secure
  fi
  start_engines "${ENGINES[@]}"
  start_registry plain || die "the registry on 127.0.0.1:$REGISTRY_PORT is required"
  AUTH_REGISTRY_OK=0
  if start_registry auth; then AUTH_REGISTRY_OK=1; else log "warning: authenticated registry unavailable; continuing without it"; fi
  SSH_OK=0
  if start_sshd; then SSH_OK=1; else log "warning: SSH host unavailable; hosts-ssh.json not written"; fi
  seed_images
  PODMAN_OK=0
  if start_podman && seed_podman; then PODMAN_OK=1; else log "warning: Podman host unavailable; hosts-podman.json not written"; fi
  write_outputs
  log "ready (state in $D)"
}

cmd_stop() {
  local name extra
  [ -d "$D" ] || { log "nothing to stop ($D does not exist)"; return 0; }
  lock
  DOCKER=$(command -v docker || echo docker)
  stop_sshd
  stop_podman kill-containers
  stop_registry auth
  stop_registry plain
  for name in "${ENGINES[@]}"; do
    stop_engine "$name" kill-containers &
  done
  wait
  # Last sweep: anything of ours still alive under the state dir.
  # shellcheck disable=SC2046
  extra=$(with_descendants $(leftovers "$D/") $(for name in "${ENGINES[@]}"; do
    x=$(engine_exec_root "$name")
    [ "$x" = "$(engine_dir "$name")/run" ] || leftovers "$x/"
  done))
  if [ -n "$extra" ]; then
    log "stopping leftover processes: ${extra//$'\n'/ }"
    # shellcheck disable=SC2086
    terminate 5 $extra
  fi
  extra=$(leftovers "$D/")
  [ -z "$extra" ] || die "processes still running: ${extra//$'\n'/ }"
  log "all stopped"
}

cmd_status() {
  local name pid rc=0 s
  for name in "${ENGINES[@]}"; do
    pid=$(engine_pid "$name")
    if [ -n "$pid" ] && engine_ping "$name"; then s=up; else
      s=down
      rc=1
    fi
    case "$name" in
      edge) printf 'engine %-7s %-5s %s pid=%s\n' "$name" "$s" "$(engine_url edge) tcp://127.0.0.1:$EDGE_PORT" "${pid:--}" ;;
      secure) printf 'engine %-7s %-5s %s pid=%s\n' "$name" "$s" "$(engine_url secure) https://127.0.0.1:$SECURE_PORT" "${pid:--}" ;;
      *) printf 'engine %-7s %-5s %s pid=%s\n' "$name" "$s" "$(engine_url "$name")" "${pid:--}" ;;
    esac
  done
  pid=$(live_pid "$(registry_dir plain)/registry.pid")
  if [ -n "$pid" ] && registry_up plain; then s=up; else
    s=down
    rc=1
  fi
  printf 'registry       %-5s http://127.0.0.1:%s pid=%s\n' "$s" "$REGISTRY_PORT" "${pid:--}"
  pid=$(live_pid "$(registry_dir auth)/registry.pid")
  if [ -n "$pid" ] && registry_up auth; then s=up; else s=down; fi
  printf 'registry-auth  %-5s http://127.0.0.1:%s (user %s) pid=%s\n' "$s" "$REGISTRY_AUTH_PORT" "$REGISTRY_USER" "${pid:--}"
  pid=$(live_pid "$(ssh_dir)/sshd.pid")
  if [ -n "$pid" ] && ssh_up; then s=up; else s=down; fi
  printf 'sshd           %-5s ssh://root@127.0.0.1:%s pid=%s\n' "$s" "$SSH_PORT" "${pid:--}"
  pid=$(podman_pid)
  if [ -n "$pid" ] && podman_ping; then s=up; else s=down; fi
  printf 'podman         %-5s %s pid=%s\n' "$s" "$(podman_url)" "${pid:--}"
  return $rc
}

main() {
  local cmd=${1:-start}
  case "$cmd" in
    install)
      need_root
      install_packages
      ;;
    start) cmd_start ;;
    stop) cmd_stop ;;
    stop-engine)
      valid_engine "${2:-}"
      need_root
      lock
      DOCKER=$(docker_cli)
      stop_engine "$2"
      ;;
    start-engine)
      valid_engine "${2:-}"
      need_root
      check_paths
      lock
      start_engines "$2"
      ;;
    status) cmd_status ;;
    swarm) cmd_swarm_start ;;
    swarm-stop) cmd_swarm_stop ;;
    swarm-status) cmd_swarm_status ;;
    env) print_env ;;
    -h | --help | help) sed -n '2,25p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$cmd' (try --help)" ;;
  esac
}

main "$@"
