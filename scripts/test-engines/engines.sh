# shellcheck shell=bash
# The dockerd engines (local, edge, secure): paths, start, readiness, stop.

engine_dir() { printf '%s/%s' "$D" "$1"; }
engine_sock() { printf '%s/%s/docker.sock' "$D" "$1"; }
engine_url() { printf 'unix://%s' "$(engine_sock "$1")"; }
# dockerd's exec-root holds containerd's sockets; unix socket paths must stay
# short (108 bytes max), so fall back to /tmp when the state dir is deep.
engine_exec_root() {
  local x
  x="$(engine_dir "$1")/run"
  if [ $((${#x} + 32)) -ge 100 ]; then
    x="/tmp/wharf-engines-$(printf '%s' "$D" | sha256sum | cut -c1-10)/$1"
  fi
  printf '%s' "$x"
}

check_paths() {
  local s
  s=$(engine_sock secure)
  [ "${#s}" -lt 100 ] || die "state dir path too long for unix sockets ($s); set WHARF_ENGINES_DIR to a shorter path"
}

engine_ping() {
  local out
  out=$(curl -s --max-time 2 --unix-socket "$(engine_sock "$1")" "http://localhost/_ping" 2>/dev/null) || return 1
  [ "$out" = OK ]
}

engine_pid() { live_pid "$(engine_dir "$1")/docker.pid"; }

# Launches dockerd for NAME unless it already runs. Prints the launched pid (or nothing).
launch_engine() {
  local name=$1 dir x args pid
  dir=$(engine_dir "$name")
  if [ -n "$(engine_pid "$name")" ]; then
    return 0
  fi
  x=$(engine_exec_root "$name")
  stop_engine "$name" # leftovers (containerd, shims, mounts) of an engine that died
  # Stale pidfiles: dockerd refuses to start, or waits for a containerd that is
  # gone, while the old pid still exists (a zombie nobody has reaped yet).
  rm -f "$dir/docker.pid" "$x/containerd/containerd.pid"
  mkdir -p "$dir/data" "$x"
  [ -s "$dir/daemon.json" ] || printf '{}\n' >"$dir/daemon.json"
  args=(
    --host "unix://$dir/docker.sock"
    --data-root "$dir/data" --exec-root "$x" --pidfile "$dir/docker.pid"
    --config-file "$dir/daemon.json"
    --bridge=none --iptables=false --ip-masq=false --ip-forward=false
    --containerd-namespace "wharf-$name" --containerd-plugins-namespace "wharf-$name-plugins"
  )
  case "$name" in
    edge)
      # --tls=false says "plain TCP on purpose": newer engines otherwise sleep 15 s or refuse.
      args+=(--host "tcp://127.0.0.1:$EDGE_PORT" --tls=false)
      ;;
    secure)
      ensure_tls
      args+=(--host "tcp://127.0.0.1:$SECURE_PORT" --tlsverify
        --tlscacert "$D/tls/ca.pem" --tlscert "$D/tls/server-cert.pem" --tlskey "$D/tls/server-key.pem")
      ;;
  esac
  [ -f "$dir/log" ] && mv -f "$dir/log" "$dir/log.prev"
  pid=$(launch "$dir/log" dockerd "${args[@]}")
  log "started engine $name (pid $pid)"
  printf '%s' "$pid"
}

wait_engine() {
  local name=$1 launched=${2:-} i
  for ((i = 0; i < READY_TIMEOUT * 10; i++)); do
    engine_ping "$name" && return 0
    if [ -n "$launched" ] && [ -z "$(alive_among "$launched")" ]; then
      log_tail "$(engine_dir "$name")/log"
      die "engine $name exited during startup"
    fi
    if [ -z "$launched" ] && [ -z "$(engine_pid "$name")" ] && [ "$i" -gt 20 ]; then
      log_tail "$(engine_dir "$name")/log"
      die "engine $name is not running"
    fi
    sleep 0.1
  done
  log_tail "$(engine_dir "$name")/log"
  die "engine $name did not answer /_ping within ${READY_TIMEOUT}s"
}

start_engines() {
  local name pids=()
  for name in "$@"; do
    pids+=("$(launch_engine "$name")")
  done
  local i=0
  for name in "$@"; do
    wait_engine "$name" "${pids[$i]}"
    i=$((i + 1))
  done
}

# stop_engine NAME [kill-containers]
# Without the second argument this is a normal engine shutdown (what
# `systemctl stop docker` does): running containers get TERM and their stop
# timeout, and restart policies bring them back on the next start.
stop_engine() {
  local name=$1 kill_first=${2:-} dir x pid ids sock extra
  dir=$(engine_dir "$name")
  x=$(engine_exec_root "$name")
  sock=$(engine_sock "$name")
  pid=$(engine_pid "$name")
  if [ -n "$pid" ]; then
    if [ -n "$kill_first" ] && engine_ping "$name"; then
      # Kill running containers first so the engine does not wait out their
      # stop timeouts. The containers are kept (exited).
      ids=$("$DOCKER" -H "unix://$sock" ps -q 2>/dev/null || true)
      if [ -n "$ids" ]; then
        # shellcheck disable=SC2086
        "$DOCKER" -H "unix://$sock" kill $ids >/dev/null 2>&1 || true
      fi
    fi
    terminate "$STOP_TIMEOUT" "$pid"
    log "stopped engine $name"
  fi
  # Managed containerd and shims should exit with the engine; make sure.
  # shellcheck disable=SC2046
  extra=$(with_descendants $(leftovers "$dir/") $( [ "$x" = "$dir/run" ] || leftovers "$x/"))
  if [ -n "$extra" ]; then
    log "engine $name: stopping leftover processes: ${extra//$'\n'/ }"
    # shellcheck disable=SC2086
    terminate 5 $extra
  fi
  unmount_under "$dir" "$x"
}
