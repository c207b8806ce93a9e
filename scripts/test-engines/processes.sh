# shellcheck shell=bash
# Finding, launching and stopping our own processes: by pidfile and parentage, never by name.

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
    log "still running after ${timeout}s, sending KILL: ${left//$'\n'/ }"
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
    if [ "$p" = "$$" ] || [ "$p" = "${BASHPID:-}" ]; then continue; fi
    comm=$(cat "/proc/$p/comm" 2>/dev/null) || continue
    case "$comm" in
      dockerd | containerd | containerd-shim* | docker-registry | sshd | runc | docker-proxy | podman | conmon) echo "$p" ;;
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
