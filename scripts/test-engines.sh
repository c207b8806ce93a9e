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
# same plus the SSH host). Engines: local (unix socket), edge (+ plain TCP on
# 127.0.0.1:$WHARF_EDGE_PORT, 23750), secure (+ TLS on 127.0.0.1:$WHARF_SECURE_PORT,
# 23760, client certs in tls/). Registries: 127.0.0.1:$WHARF_REGISTRY_PORT (5000),
# and with htpasswd auth 127.0.0.1:$WHARF_REGISTRY_AUTH_PORT (5001, wharf /
# wharf-registry-pw). sshd: root@127.0.0.1:$WHARF_SSH_PORT (22222), key ssh/id_ed25519,
# reaching the local engine. Images on every engine: local/busybox:1.35,
# local/ticker:1, local/idle:1 (see fixtures/README.md).
# Network rules: every engine runs with --bridge=none --iptables=false
# --ip-masq=false --ip-forward=false, and everything listens on 127.0.0.1 only.
# Processes are stopped by the pids in their pidfiles, never by name.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$SCRIPT_DIR")
FIXTURES="$SCRIPT_DIR/fixtures"
D=$(realpath -m "${WHARF_ENGINES_DIR:-$REPO_DIR/.engines}")

EDGE_PORT=${WHARF_EDGE_PORT:-23750}
SECURE_PORT=${WHARF_SECURE_PORT:-23760}
REGISTRY_PORT=${WHARF_REGISTRY_PORT:-5000}
REGISTRY_AUTH_PORT=${WHARF_REGISTRY_AUTH_PORT:-5001}
SSH_PORT=${WHARF_SSH_PORT:-22222}
REGISTRY_USER=wharf
REGISTRY_PASSWORD=wharf-registry-pw # matches fixtures/registry-auth.htpasswd
READY_TIMEOUT=${WHARF_ENGINES_READY_TIMEOUT:-60}
STOP_TIMEOUT=20
API=v1.41

ENGINES=(local edge secure)
# image name on the engines -> repository:tag in the registries
IMAGES=("local/busybox:1.35=busybox:1.35" "local/ticker:1=ticker:1" "local/idle:1=idle:1")

export PATH="$PATH:/usr/local/sbin:/usr/local/bin:/usr/sbin:/sbin"
# The caller's docker settings must not leak into our CLI calls.
unset DOCKER_HOST DOCKER_CONTEXT DOCKER_TLS_VERIFY DOCKER_CERT_PATH DOCKER_BUILDKIT

log() { printf '[test-engines] %s\n' "$*" >&2; }
die() {
  log "error: $*"
  exit 1
}

# ---------------------------------------------------------------- paths

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

# ---------------------------------------------------------------- processes

# Prints the pid in a pidfile if that process is alive and was started for
# this state dir (its command line mentions the state dir), else nothing.
live_pid() {
  local pidfile=$1 pid cmd
  [ -s "$pidfile" ] || return 0
  pid=$(tr -dc '0-9' <"$pidfile")
  [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] || return 0
  cmd=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || return 0
  case "$cmd" in *"$D/"*) printf '%s' "$pid" ;; esac
}

# "pid ppid" for every process
proc_table() {
  cat /proc/[0-9]*/stat 2>/dev/null | sed -n 's/^\([0-9][0-9]*\) (.*) [A-Za-z] \([0-9][0-9]*\) .*/\1 \2/p' || true
}

# The given pids and all their descendants.
with_descendants() {
  [ $# -gt 0 ] || return 0
  proc_table | awk -v roots="$*" '
    { parent[NR] = $2; child[NR] = $1 }
    END {
      n = split(roots, r, " ")
      for (i = 1; i <= n; i++) keep[r[i]] = 1
      do {
        added = 0
        for (j = 1; j <= NR; j++)
          if ((parent[j] in keep) && !(child[j] in keep)) { keep[child[j]] = 1; added = 1 }
      } while (added)
      for (p in keep) print p
    }'
}

alive_among() {
  local p out=()
  for p in "$@"; do
    # zombies count as gone (nothing may reap them on a machine without init)
    [ "$(sed 's/.*) \(.\).*/\1/' "/proc/$p/stat" 2>/dev/null || echo Z)" != Z ] && out+=("$p")
  done
  printf '%s\n' "${out[@]}"
}

# TERM the given pids, wait up to $1 seconds, then KILL what is left.
terminate() {
  local timeout=$1 i left
  shift
  [ $# -gt 0 ] || return 0
  kill -TERM "$@" 2>/dev/null || true
  for ((i = 0; i < timeout * 10; i++)); do
    left=$(alive_among "$@")
    [ -n "$left" ] || return 0
    sleep 0.1
  done
  left=$(alive_among "$@")
  if [ -n "$left" ]; then
    log "still running after ${timeout}s, sending KILL: $(echo $left)"
    # shellcheck disable=SC2086
    kill -KILL $left 2>/dev/null || true
    sleep 0.2
  fi
}

# Processes of ours that outlived their parent: their command line mentions
# $1 (a path under our control) and they are one of the daemons we run.
leftovers() {
  local needle=$1 f p comm
  for f in $(grep -lsF -- "$needle" /proc/[0-9]*/cmdline 2>/dev/null || true); do
    p=${f#/proc/}
    p=${p%/cmdline}
    [ "$p" != "$$" ] && [ "$p" != "${BASHPID:-}" ] || continue
    comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
    case "$comm" in
      dockerd | containerd | containerd-shim* | docker-registry | sshd | runc | docker-proxy) echo "$p" ;;
    esac
  done
}

# Starts a command detached (own session, stdin from /dev/null, output to a
# log, every other inherited fd closed: the lock, and any pipe of the caller
# such as a test runner's, which would otherwise never see EOF) and prints its
# pid. setsid does not fork here (the job is no group leader), so $! is the
# daemon's own pid.
launch() {
  local logfile=$1
  shift
  (
    for fd in /proc/"$BASHPID"/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ]; then eval "exec $fd>&-"; fi
    done 2>/dev/null
    exec setsid "$@" </dev/null >>"$logfile" 2>&1
  ) &
  printf '%s' "$!"
}

# Unmounts everything mounted at or below the given directories, deepest
# first. dockerd bind-mounts its data-root onto itself (and containers add
# overlay and shm mounts); an engine that dies early can leave them behind,
# and then `rm -rf` of the state dir fails with "Device or resource busy".
unmount_under() {
  local m dir
  for dir in "$@"; do
    awk '{print $5}' /proc/self/mountinfo | while read -r m; do
      printf -v m '%b' "$m" # \040 etc.
      case "$m" in "$dir" | "$dir"/*) printf '%s\n' "$m" ;; esac
    done
  done | sort -ru | while read -r m; do
    umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || log "warning: could not unmount $m"
  done
}

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

log_tail() {
  log "---- last lines of $1 ----"
  tail -n 30 "$1" >&2 2>/dev/null || true
  log "----"
}

# ---------------------------------------------------------------- install

docker_cli() {
  command -v docker 2>/dev/null || die "no docker CLI in PATH"
}

install_packages() {
  local missing=()
  command -v dockerd >/dev/null 2>&1 && command -v docker >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
  # The image needs a *static* busybox: the dynamic one from `busybox` is useless in a bare rootfs.
  if [ "$(dpkg-query -W -f='${db:Status-Status}' busybox-static 2>/dev/null || true)" != installed ]; then
    missing+=(busybox-static)
  fi
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || missing+=(openssh-client)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -gt 0 ] || return 0
  [ "$(id -u)" = 0 ] || die "missing packages (${missing[*]}) and not root"
  command -v apt-get >/dev/null 2>&1 || die "missing packages (${missing[*]}) and no apt-get"
  log "installing: ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=600 update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q "${missing[@]}" >&2
}

# ---------------------------------------------------------------- TLS

ensure_tls() {
  local t="$D/tls" tmp
  if [ -s "$t/ca.pem" ] && [ -s "$t/server-cert.pem" ] && [ -s "$t/server-key.pem" ] &&
    [ -s "$t/cert.pem" ] && [ -s "$t/key.pem" ]; then
    return 0
  fi
  log "generating TLS CA, server and client certificates in $t"
  tmp=$(mktemp -d "$D/.tls.XXXXXX")
  (
    cd "$tmp"
    umask 077
    printf 'basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\n' >ca.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n' >server.ext
    printf 'basicConstraints=CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=clientAuth\n' >client.ext
    openssl genrsa -out ca-key.pem 2048 2>/dev/null
    openssl req -new -key ca-key.pem -subj "/CN=Wharf test CA" -out ca.csr
    openssl x509 -req -in ca.csr -signkey ca-key.pem -days 3650 -sha256 -extfile ca.ext -out ca.pem 2>/dev/null
    openssl genrsa -out server-key.pem 2048 2>/dev/null
    openssl req -new -key server-key.pem -subj "/CN=localhost" -out server.csr
    openssl x509 -req -in server.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 -sha256 \
      -extfile server.ext -out server-cert.pem 2>/dev/null
    openssl genrsa -out key.pem 2048 2>/dev/null
    openssl req -new -key key.pem -subj "/CN=wharf-test-client" -out client.csr
    openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -days 3650 -sha256 \
      -extfile client.ext -out cert.pem 2>/dev/null
    rm -f ./*.csr ./*.ext ./*.srl
    chmod 644 ca.pem server-cert.pem cert.pem
    chmod 600 ca-key.pem server-key.pem key.pem
  )
  rm -rf "$t"
  mv "$tmp" "$t"
  chmod 755 "$t"
  TLS_NEW=1
}

# ---------------------------------------------------------------- engines

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
    log "engine $name: stopping leftover processes: $(echo $extra)"
    # shellcheck disable=SC2086
    terminate 5 $extra
  fi
  unmount_under "$dir" "$x"
}

# ---------------------------------------------------------------- registries

registry_dir() { if [ "$1" = auth ]; then printf '%s/registry-auth' "$D"; else printf '%s/registry' "$D"; fi; }
registry_port() { if [ "$1" = auth ]; then printf '%s' "$REGISTRY_AUTH_PORT"; else printf '%s' "$REGISTRY_PORT"; fi; }

registry_up() {
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(registry_port "$1")/v2/" 2>/dev/null || true)
  if [ "$1" = auth ]; then [ "$code" = 401 ]; else [ "$code" = 200 ]; fi
}

# start_registry plain|auth -> returns 1 (with a log) if it could not start
start_registry() {
  local kind=$1 dir port pid i
  dir=$(registry_dir "$kind")
  port=$(registry_port "$kind")
  pid=$(live_pid "$dir/registry.pid")
  if [ -z "$pid" ]; then
    if port_busy "$port"; then
      log "127.0.0.1:$port is already in use by another process; cannot start registry ($kind)"
      return 1
    fi
    mkdir -p "$dir/data"
    {
      printf 'version: 0.1\nlog:\n  level: info\n'
      printf 'storage:\n  filesystem:\n    rootdirectory: %s\n  delete:\n    enabled: true\n' "$dir/data"
      printf '  maintenance:\n    uploadpurging:\n      enabled: false\n'
      printf 'http:\n  addr: 127.0.0.1:%s\n  secret: wharf-test-registry\n' "$port"
      if [ "$kind" = auth ]; then
        printf 'auth:\n  htpasswd:\n    realm: wharf-test\n    path: %s\n' "$dir/htpasswd"
      fi
    } >"$dir/config.yml"
    [ "$kind" != auth ] || cp "$FIXTURES/registry-auth.htpasswd" "$dir/htpasswd"
    [ -f "$dir/log" ] && mv -f "$dir/log" "$dir/log.prev"
    pid=$(launch "$dir/log" docker-registry serve "$dir/config.yml")
    printf '%s\n' "$pid" >"$dir/registry.pid"
    log "started registry ($kind) on 127.0.0.1:$port (pid $pid)"
  fi
  for ((i = 0; i < READY_TIMEOUT * 10; i++)); do
    registry_up "$kind" && return 0
    if [ -z "$(alive_among "$pid")" ]; then
      log_tail "$dir/log"
      log "registry ($kind) on 127.0.0.1:$port exited during startup"
      return 1
    fi
    sleep 0.1
  done
  log_tail "$dir/log"
  log "registry ($kind) on 127.0.0.1:$port did not answer within ${READY_TIMEOUT}s"
  return 1
}

stop_registry() {
  local dir pid
  dir=$(registry_dir "$1")
  pid=$(live_pid "$dir/registry.pid")
  if [ -n "$pid" ]; then
    terminate "$STOP_TIMEOUT" "$pid"
    log "stopped registry ($1)"
  fi
  rm -f "$dir/registry.pid"
}

# ---------------------------------------------------------------- ssh host

SSH_DIR_REL=ssh
ssh_dir() { printf '%s/%s' "$D" "$SSH_DIR_REL"; }
ssh_key() { printf '%s/id_ed25519' "$(ssh_dir)"; }

ssh_up() { port_busy "$SSH_PORT"; }

start_sshd() {
  local s pid i
  s=$(ssh_dir)
  pid=$(live_pid "$s/sshd.pid")
  if [ -z "$pid" ]; then
    if port_busy "$SSH_PORT"; then
      log "127.0.0.1:$SSH_PORT is already in use by another process; cannot start sshd"
      return 1
    fi
    mkdir -p "$s" /run/sshd
    chmod 700 "$s"
    chmod 755 /run/sshd
    [ -s "$s/ssh_host_ed25519_key" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-host -f "$s/ssh_host_ed25519_key"
    [ -s "$(ssh_key)" ] || ssh-keygen -q -t ed25519 -N '' -C wharf-test-client -f "$(ssh_key)"
    cp "$(ssh_key).pub" "$s/authorized_keys"
    chmod 600 "$s/authorized_keys"
    cat >"$s/sshd_config" <<EOF
# Generated by scripts/test-engines.sh. Test-only SSH host on loopback.
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $s/ssh_host_ed25519_key
PidFile $s/sshd.pid
AuthorizedKeysFile $s/authorized_keys
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
SetEnv DOCKER_HOST=$(engine_url local)
EOF
    if ! /usr/sbin/sshd -t -f "$s/sshd_config" 2>"$s/log.check"; then
      log_tail "$s/log.check"
      log "sshd config check failed"
      return 1
    fi
    rm -f "$s/sshd.pid" "$s/log.check"
    [ -f "$s/log" ] && mv -f "$s/log" "$s/log.prev"
    # sshd daemonizes itself and writes its PidFile.
    /usr/sbin/sshd -f "$s/sshd_config" -E "$s/log" </dev/null >/dev/null 2>&1 9>&- || {
      log_tail "$s/log"
      log "sshd failed to start"
      return 1
    }
    for ((i = 0; i < 50; i++)); do
      pid=$(live_pid "$s/sshd.pid")
      [ -n "$pid" ] && break
      sleep 0.1
    done
    [ -n "$pid" ] || {
      log_tail "$s/log"
      log "sshd did not write its pidfile"
      return 1
    }
    log "started sshd on 127.0.0.1:$SSH_PORT (pid $pid)"
  fi
  for ((i = 0; i < 100; i++)); do
    ssh_up && return 0
    sleep 0.1
  done
  log_tail "$s/log"
  log "sshd does not accept connections on 127.0.0.1:$SSH_PORT"
  return 1
}

stop_sshd() {
  local pid tree
  pid=$(live_pid "$(ssh_dir)/sshd.pid")
  if [ -n "$pid" ]; then
    # the listener and any open sessions (e.g. `docker system dial-stdio`)
    tree=$(with_descendants "$pid")
    # shellcheck disable=SC2086
    terminate "$STOP_TIMEOUT" $tree
    log "stopped sshd"
  fi
  rm -f "$(ssh_dir)/sshd.pid"
}

# ---------------------------------------------------------------- images

fixture_hash() {
  {
    echo "wharf-fixtures-v1"
    sha256sum </bin/busybox
    (cd "$FIXTURES/images" && find . -type f | LC_ALL=C sort | while read -r f; do
      echo "$f"
      cat "$f"
    done)
  } | sha256sum | cut -c1-16
}

engine_has_images() {
  local sock ref out
  sock=$(engine_sock "$1")
  for ref in "${IMAGES[@]}"; do
    out=$(curl -sf --max-time 5 --unix-socket "$sock" "http://localhost/$API/images/${ref%%=*}/json" 2>/dev/null) || return 1
    [[ "$out" == *"\"wharf.fixture\":\"$FIX_HASH\""* ]] || return 1
  done
}

dk() {
  local name=$1
  shift
  "$DOCKER" -H "$(engine_url "$name")" "$@"
}

build_base_images() {
  local b="$D/build" root applet
  log "building local/busybox:1.35, local/ticker:1, local/idle:1 on engine local"
  rm -rf "$b"
  root="$b/rootfs"
  mkdir -p "$root/bin" "$root/etc" "$root/tmp" "$root/root"
  chmod 1777 "$root/tmp"
  chmod 700 "$root/root"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  tar -C "$root" --owner=0 --group=0 --numeric-owner -c . |
    dk local import -c 'CMD ["/bin/sh"]' -c 'ENV PATH=/bin' -c "LABEL wharf.fixture=$FIX_HASH" - local/busybox:1.35 >/dev/null
  DOCKER_BUILDKIT=0 dk local build -q --force-rm --label "wharf.fixture=$FIX_HASH" -t local/ticker:1 "$FIXTURES/images/ticker" >/dev/null 2>"$b/build.log" ||
    { cat "$b/build.log" >&2; die "building local/ticker:1 failed"; }
  DOCKER_BUILDKIT=0 dk local build -q --force-rm --label "wharf.fixture=$FIX_HASH" -t local/idle:1 "$FIXTURES/images/idle" >/dev/null 2>"$b/build.log" ||
    { cat "$b/build.log" >&2; die "building local/idle:1 failed"; }
  dk local image prune -f >/dev/null 2>&1 || true
  rm -rf "$b"
}

# registry_has_images plain|auth
registry_has_images() {
  local kind=$1 dir port ref repo auth=()
  dir=$(registry_dir "$kind")
  port=$(registry_port "$kind")
  [ "$(cat "$dir/seeded" 2>/dev/null || true)" = "$FIX_HASH" ] || return 1
  [ "$kind" != auth ] || auth=(-u "$REGISTRY_USER:$REGISTRY_PASSWORD")
  for ref in "${IMAGES[@]}"; do
    repo=${ref#*=}
    curl -sf -o /dev/null --max-time 5 "${auth[@]}" \
      -H 'Accept: application/vnd.docker.distribution.manifest.v2+json' \
      "http://127.0.0.1:$port/v2/${repo%:*}/manifests/${repo##*:}" || return 1
  done
}

push_images() {
  local kind=$1 port ref target cfg rc=0
  port=$(registry_port "$kind")
  log "pushing images to localhost:$port"
  # A throw-away client config, so no credentials land in ~/.docker.
  cfg=$(mktemp -d "$D/.docker-config.XXXXXX")
  if [ "$kind" = auth ]; then
    printf '%s' "$REGISTRY_PASSWORD" | DOCKER_CONFIG=$cfg dk local login -u "$REGISTRY_USER" --password-stdin "localhost:$port" >/dev/null 2>&1 ||
      { log "docker login to localhost:$port failed"; rm -rf "$cfg"; return 1; }
  fi
  for ref in "${IMAGES[@]}"; do
    target="localhost:$port/${ref#*=}"
    dk local tag "${ref%%=*}" "$target"
    DOCKER_CONFIG=$cfg dk local push -q "$target" >/dev/null 2>"$cfg/push.log" || {
      cat "$cfg/push.log" >&2
      rc=1
    }
    dk local rmi "$target" >/dev/null
    [ "$rc" = 0 ] || break
  done
  rm -rf "$cfg"
  [ "$rc" = 0 ] || { log "push to localhost:$port failed"; return 1; }
  printf '%s\n' "$FIX_HASH" >"$(registry_dir "$kind")/seeded"
}

pull_images() {
  local name=$1 ref src
  log "loading images into engine $name from localhost:$REGISTRY_PORT"
  for ref in "${IMAGES[@]}"; do
    src="localhost:$REGISTRY_PORT/${ref#*=}"
    dk "$name" pull -q "$src" >/dev/null
    dk "$name" tag "$src" "${ref%%=*}"
    dk "$name" rmi "$src" >/dev/null
  done
  dk "$name" image prune -f >/dev/null 2>&1 || true
}

seed_images() {
  local name
  FIX_HASH=$(fixture_hash)
  engine_has_images local || build_base_images
  registry_has_images plain || push_images plain || die "could not seed the registry on localhost:$REGISTRY_PORT"
  if [ "$AUTH_REGISTRY_OK" = 1 ]; then
    registry_has_images auth || push_images auth || log "warning: could not seed the auth registry on localhost:$REGISTRY_AUTH_PORT"
  fi
  for name in edge secure; do
    engine_has_images "$name" || pull_images "$name"
  done
}

# ---------------------------------------------------------------- outputs

json_str() {
  local s=${1//\\/\\\\}
  printf '"%s"' "${s//\"/\\\"}"
}

hosts_json() {
  printf '[{"id":"local","name":"Local","url":%s}' "$(json_str "$(engine_url local)")"
  printf ',{"id":"edge","name":"Edge","url":%s}' "$(json_str "tcp://127.0.0.1:$EDGE_PORT")"
  printf ',{"id":"secure","name":"Secure (TLS)","url":%s,"tls":{"ca":%s,"cert":%s,"key":%s}}' \
    "$(json_str "https://127.0.0.1:$SECURE_PORT")" "$(json_str "$D/tls/ca.pem")" \
    "$(json_str "$D/tls/cert.pem")" "$(json_str "$D/tls/key.pem")"
  if [ "${1:-}" = ssh ]; then
    printf ',{"id":"sshhost","name":"SSH","url":%s,"ssh":{"privateKey":%s}}' \
      "$(json_str "ssh://root@127.0.0.1:$SSH_PORT")" "$(json_str "$(ssh_key)")"
  fi
  printf ']\n'
}

write_outputs() {
  hosts_json >"$D/hosts.json.tmp" && mv -f "$D/hosts.json.tmp" "$D/hosts.json"
  if [ "$SSH_OK" = 1 ]; then
    hosts_json ssh >"$D/hosts-ssh.json.tmp" && mv -f "$D/hosts-ssh.json.tmp" "$D/hosts-ssh.json"
  else
    rm -f "$D/hosts-ssh.json"
  fi
}

print_env() {
  local kv
  for kv in \
    "WHARF_ENGINES_DIR=$D" \
    "DOCKER_LOCAL=$(engine_url local)" \
    "DOCKER_EDGE=$(engine_url edge)" \
    "DOCKER_SECURE=$(engine_url secure)" \
    "DOCKER_EDGE_TCP=tcp://127.0.0.1:$EDGE_PORT" \
    "DOCKER_SECURE_TCP=tcp://127.0.0.1:$SECURE_PORT" \
    "DOCKER_SECURE_CERT_PATH=$D/tls" \
    "WHARF_TEST_HOSTS_FILE=$D/hosts.json" \
    "WHARF_TEST_HOSTS_SSH_FILE=$D/hosts-ssh.json" \
    "WHARF_REGISTRY=127.0.0.1:$REGISTRY_PORT" \
    "WHARF_REGISTRY_AUTH=127.0.0.1:$REGISTRY_AUTH_PORT" \
    "WHARF_REGISTRY_USER=$REGISTRY_USER" \
    "WHARF_REGISTRY_PASSWORD=$REGISTRY_PASSWORD" \
    "WHARF_SSH_URL=ssh://root@127.0.0.1:$SSH_PORT" \
    "WHARF_SSH_KEY=$(ssh_key)"; do
    printf 'export %s=%q\n' "${kv%%=*}" "${kv#*=}"
  done
}

# ---------------------------------------------------------------- commands

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
  write_outputs
  log "ready (state in $D)"
}

cmd_stop() {
  local name extra
  [ -d "$D" ] || { log "nothing to stop ($D does not exist)"; return 0; }
  lock
  DOCKER=$(command -v docker || echo docker)
  stop_sshd
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
    log "stopping leftover processes: $(echo $extra)"
    # shellcheck disable=SC2086
    terminate 5 $extra
  fi
  extra=$(leftovers "$D/")
  [ -z "$extra" ] || die "processes still running: $(echo $extra)"
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
    env) print_env ;;
    -h | --help | help) sed -n '2,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' ;;
    *) die "unknown command '$cmd' (try --help)" ;;
  esac
}

main "$@"
