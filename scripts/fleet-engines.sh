#!/usr/bin/env bash
# A fleet of private Docker engines for the fleet-scale benchmarks (bench/scale.ts, bench/soak.ts).
#
#   scripts/fleet-engines.sh start DIR N          start N engines under DIR, seed local/busybox:1.35
#   scripts/fleet-engines.sh start-engine DIR ID  start engine ID again (after it was killed)
#   scripts/fleet-engines.sh stop DIR             stop everything under DIR by pid, then remove DIR
#
# Engines are f01 … fNN. Each has its own data-root, exec-root, pidfile and unix socket under DIR,
# and Wharf reaches them over the four transports in turn: f01 the unix socket, f02 plain TCP, f03
# TCP+TLS with client certificates, f04 SSH (an sshd of its own whose sessions reach the engine's
# socket), f05 the unix socket again, and so on. `start` writes DIR/hosts.json (for WHARF_HOSTS) and
# DIR/fleet.json (what the benchmarks need: id, transport, socket, pidfile).
#
# Network rules: every engine runs with --bridge=none --iptables=false --ip-masq=false
# --ip-forward=false, and everything listens on 127.0.0.1 only. Processes are stopped by the pids in
# their pidfiles (and, for leftovers, the processes whose command line names DIR), never by name.
# Env: FLEET_PORT_BASE (24100; TCP, TLS and SSH ports are taken upwards from it, skipping busy ones),
# WHARF_ENGINES_READY_TIMEOUT (120 s).
# shellcheck source-path=SCRIPTDIR
set -euo pipefail

SCRIPT_DIR=$(CDPATH='' cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
MARKER=.wharf-fleet
READY_TIMEOUT=${WHARF_ENGINES_READY_TIMEOUT:-120}
STOP_TIMEOUT=30
export PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/sbin"
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH

log() { printf '[fleet-engines] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}
port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# D is the fleet's directory; processes.sh reads it (live_pid only trusts processes that name it).
set_dir() {
  [ -n "${1:-}" ] || die "no fleet directory given"
  D=$(realpath -m "$1")
  [ "${#D}" -lt 60 ] || die "$D is too long for the engines' unix sockets; use a shorter directory"
}
# shellcheck source=test-engines/processes.sh
source "$SCRIPT_DIR/test-engines/processes.sh"

kind_of() {
  case $(((10#${1#f} - 1) % 4)) in
    0) echo unix ;;
    1) echo tcp ;;
    2) echo tls ;;
    *) echo ssh ;;
  esac
}

NEXT_PORT=${FLEET_PORT_BASE:-24100}
free_port() {
  while port_busy "$NEXT_PORT"; do NEXT_PORT=$((NEXT_PORT + 1)); done
  PORT=$NEXT_PORT
  NEXT_PORT=$((NEXT_PORT + 1))
}

make_tls() {
  local t="$D/tls"
  mkdir -p "$t"
  (
    cd "$t" || exit 1
    umask 077
    printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n' >ca.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -key ca-key.pem -subj "/CN=Wharf fleet CA" -out ca.csr
    openssl x509 -req -in ca.csr -signkey ca-key.pem -days 2 -sha256 -extfile ca.ext -out ca.pem 2>/dev/null
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -sha256 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=wharf-fleet-client" -out client.csr
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 2 -sha256 \
      -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ./*.srl
  )
}

make_ssh_keys() {
  local k="$D/ssh-keys"
  mkdir -p "$k" /run/sshd
  chmod 700 "$k"
  chmod 755 /run/sshd
  ssh-keygen -q -t ed25519 -N '' -C wharf-fleet-host -f "$k/host_ed25519"
  ssh-keygen -q -t ed25519 -N '' -C wharf-fleet-client -f "$k/id_ed25519"
  cp "$k/id_ed25519.pub" "$k/authorized_keys"
  chmod 600 "$k/authorized_keys"
}

# The dockerd command line of engine $1 (with its port $2 for tcp and tls), saved so a restart reuses it.
write_args() {
  local id=$1 port=${2:-} e="$D/$1" args
  args=(
    dockerd --host "unix://$e/docker.sock"
    --data-root "$e/data" --exec-root "$e/x" --pidfile "$e/docker.pid" --config-file "$e/daemon.json"
    --bridge=none --iptables=false --ip-masq=false --ip-forward=false
    --containerd-namespace "fleet-$id" --containerd-plugins-namespace "fleet-$id-plugins"
  )
  case $(kind_of "$id") in
    tcp) args+=(--host "tcp://127.0.0.1:$port" --tls=false) ;;
    tls) args+=(--host "tcp://127.0.0.1:$port" --tlsverify --tlscacert "$D/tls/ca.pem"
      --tlscert "$D/tls/server-cert.pem" --tlskey "$D/tls/server-key.pem") ;;
  esac
  declare -p args >"$e/args"
}

engine_ping() {
  [ "$(curl -s --max-time 2 --unix-socket "$D/$1/docker.sock" http://localhost/_ping 2>/dev/null)" = OK ]
}

# Launches engine $1 from its saved command line; prints the pid.
launch_engine() {
  local id=$1 e="$D/$1" args=()
  # shellcheck source=/dev/null # written by write_args
  source "$e/args"
  # A killed engine leaves its pidfile behind (and its pid may linger as a zombie): dockerd would
  # refuse to start. Its containerd is reused when it still runs, else its pidfile goes too.
  rm -f "$e/docker.pid"
  [ -n "$(live_pid "$e/x/containerd/containerd.pid")" ] || rm -f "$e/x/containerd/containerd.pid"
  mkdir -p "$e/data" "$e/x"
  [ -s "$e/daemon.json" ] || printf '{}\n' >"$e/daemon.json"
  launch "$e/log" "${args[@]}"
}

wait_engine() {
  local id=$1 pid=$2 i
  for ((i = 0; i < READY_TIMEOUT * 10; i++)); do
    engine_ping "$id" && return 0
    if [ -z "$(alive_among "$pid")" ]; then
      tail -n 20 "$D/$id/log" >&2 || true
      die "engine $id exited during startup"
    fi
    sleep 0.1
  done
  tail -n 20 "$D/$id/log" >&2 || true
  die "engine $id did not answer /_ping within ${READY_TIMEOUT}s"
}

start_sshd() {
  local id=$1 port=$2 s="$D/$1/ssh" i pid=""
  mkdir -p "$s"
  cat >"$s/sshd_config" <<EOF
# Generated by scripts/fleet-engines.sh: a loopback SSH host whose sessions reach engine $id.
Port $port
ListenAddress 127.0.0.1
HostKey $D/ssh-keys/host_ed25519
PidFile $s/sshd.pid
AuthorizedKeysFile $D/ssh-keys/authorized_keys
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowUsers root
StrictModes no
UsePAM no
PrintMotd no
X11Forwarding no
AllowTcpForwarding no
MaxStartups 100:30:200
MaxSessions 100
SetEnv DOCKER_HOST=unix://$D/$id/docker.sock
EOF
  /usr/sbin/sshd -f "$s/sshd_config" -E "$s/log" </dev/null >/dev/null 2>&1 9>&- || die "sshd for $id failed to start"
  for ((i = 0; i < 50; i++)); do
    pid=$(live_pid "$s/sshd.pid")
    [ -n "$pid" ] && port_busy "$port" && return 0
    sleep 0.1
  done
  die "sshd for $id does not accept connections on 127.0.0.1:$port"
}

seed_image() {
  local s="$D/seed" applet
  mkdir -p "$s/rootfs/bin" "$s/rootfs/etc" "$s/rootfs/tmp" "$s/rootfs/root"
  chmod 1777 "$s/rootfs/tmp"
  cp /bin/busybox "$s/rootfs/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$s/rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\n' >"$s/rootfs/etc/passwd"
  printf 'root:x:0:\n' >"$s/rootfs/etc/group"
  tar -C "$s/rootfs" --owner=0 --group=0 --numeric-owner -cf "$s/busybox.tar" .
}

import_image() {
  docker -H "unix://$D/$1/docker.sock" import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' \
    "$D/seed/busybox.tar" local/busybox:1.35 >/dev/null
}

# One JSON entry for engine $2: a Wharf hosts-file entry ($1 = hosts) or the bench's view ($1 = fleet).
one_entry() {
  local id=$2 kind e="$D/$2" port
  kind=$(kind_of "$id")
  port=$(cat "$e/port" 2>/dev/null || true)
  case "$1:$kind" in
    hosts:unix) printf '{"id":"%s","url":"unix://%s/docker.sock"}' "$id" "$e" ;;
    hosts:tcp) printf '{"id":"%s","url":"tcp://127.0.0.1:%s"}' "$id" "$port" ;;
    hosts:tls) printf '{"id":"%s","url":"https://127.0.0.1:%s","tls":{"ca":"%s","cert":"%s","key":"%s"}}' \
      "$id" "$port" "$D/tls/ca.pem" "$D/tls/cert.pem" "$D/tls/key.pem" ;;
    hosts:ssh) printf '{"id":"%s","url":"ssh://root@127.0.0.1:%s","ssh":{"privateKey":"%s"}}' \
      "$id" "$port" "$D/ssh-keys/id_ed25519" ;;
    *) printf '{"id":"%s","kind":"%s","socket":"%s/docker.sock","pidfile":"%s/docker.pid","port":%s}' \
      "$id" "$kind" "$e" "$e" "${port:-null}" ;;
  esac
}

# write_json hosts|fleet FILE ID...
write_json() {
  local mode=$1 file=$2 id first=1
  shift 2
  {
    printf '['
    for id in "$@"; do
      [ "$first" = 1 ] || printf ','
      first=0
      one_entry "$mode" "$id"
    done
    printf ']\n'
  } >"$file.tmp"
  mv -f "$file.tmp" "$file"
}

cmd_start() {
  local n=$1 i id ids=() pids=() fail=0
  [[ "$n" =~ ^[1-9][0-9]?$ ]] || die "N must be 1-99, got '$n'"
  if ! command -v dockerd >/dev/null || ! command -v docker >/dev/null || ! command -v openssl >/dev/null ||
    [ ! -x /usr/sbin/sshd ] || [ ! -x /bin/busybox ]; then
    die "missing dockerd, docker, openssl, sshd or busybox: run scripts/test-engines.sh install"
  fi
  mkdir -p "$D"
  touch "$D/$MARKER"
  make_tls
  make_ssh_keys
  for ((i = 1; i <= n; i++)); do
    printf -v id 'f%02d' "$i"
    ids+=("$id")
    mkdir -p "$D/$id"
    case $(kind_of "$id") in
      tcp | tls | ssh)
        free_port
        printf '%s' "$PORT" >"$D/$id/port"
        ;;
    esac
    write_args "$id" "$(cat "$D/$id/port" 2>/dev/null || true)"
  done
  log "starting $n engines in $D"
  for id in "${ids[@]}"; do pids+=("$(launch_engine "$id")"); done
  seed_image
  for i in "${!ids[@]}"; do wait_engine "${ids[$i]}" "${pids[$i]}"; done
  log "engines up; importing local/busybox:1.35 into each"
  pids=()
  for id in "${ids[@]}"; do
    import_image "$id" &
    pids+=("$!")
  done
  for i in "${!pids[@]}"; do wait "${pids[$i]}" || {
    log "import into ${ids[$i]} failed"
    fail=1
  }; done
  [ "$fail" = 0 ] || die "seeding the image failed"
  for id in "${ids[@]}"; do
    [ "$(kind_of "$id")" != ssh ] || start_sshd "$id" "$(cat "$D/$id/port")"
  done
  write_json hosts "$D/hosts.json" "${ids[@]}"
  write_json fleet "$D/fleet.json" "${ids[@]}"
  log "ready: $n engines ($D/hosts.json)"
}

cmd_start_engine() {
  local id=$1 pid
  if [ ! -f "$D/$MARKER" ] || [ ! -s "$D/$id/args" ]; then die "no engine $id in $D"; fi
  [ -z "$(live_pid "$D/$id/docker.pid")" ] || die "engine $id is running"
  pid=$(launch_engine "$id")
  wait_engine "$id" "$pid"
  log "engine $id up again (pid $pid)"
}

kill_containers() {
  local ids
  ids=$(docker -H "unix://$1/docker.sock" ps -q 2>/dev/null || true)
  # shellcheck disable=SC2086 # one id per word
  [ -z "$ids" ] || docker -H "unix://$1/docker.sock" kill $ids >/dev/null 2>&1 || true
}

cmd_stop() {
  local e pid pids=() extra
  [ -d "$D" ] || return 0
  [ -f "$D/$MARKER" ] || die "$D is not a fleet directory (no $MARKER); not touching it"
  for e in "$D"/f[0-9]*/; do
    pid=$(live_pid "$e/ssh/sshd.pid")
    # shellcheck disable=SC2046 # the listener and any open sessions
    [ -z "$pid" ] || terminate 5 $(with_descendants "$pid")
    pid=$(live_pid "$e/docker.pid")
    [ -z "$pid" ] || pids+=("$pid")
    # Running containers are killed first (they are kept, exited), so the engines need not stop
    # them one by one on the way down.
    [ -z "$pid" ] || kill_containers "${e%/}" &
  done
  wait
  if [ ${#pids[@]} -gt 0 ]; then
    log "stopping ${#pids[@]} engines"
    terminate "$STOP_TIMEOUT" "${pids[@]}"
  fi
  # shellcheck disable=SC2046 # containerd, shims or sessions whose engine died
  extra=$(with_descendants $(leftovers "$D/"))
  if [ -n "$extra" ]; then
    log "stopping leftover processes: ${extra//$'\n'/ }"
    # shellcheck disable=SC2086
    terminate 5 $extra
  fi
  extra=$(leftovers "$D/")
  [ -z "$extra" ] || die "processes still running: ${extra//$'\n'/ }"
  unmount_under "$D"
  rm -rf "$D"
  log "stopped; removed $D"
}

main() {
  local cmd=${1:-}
  case "$cmd" in
    start)
      set_dir "${2:-}"
      [ "$(id -u)" = 0 ] || die "must run as root (dockerd needs it)"
      cmd_start "${3:-}"
      ;;
    start-engine)
      set_dir "${2:-}"
      cmd_start_engine "${3:-}"
      ;;
    stop)
      set_dir "${2:-}"
      cmd_stop
      ;;
    -h | --help | help) sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$cmd' (try --help)" ;;
  esac
}

main "$@"
