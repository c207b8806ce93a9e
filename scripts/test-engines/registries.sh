# shellcheck shell=bash
# The two local registries: plain on REGISTRY_PORT, htpasswd auth on REGISTRY_AUTH_PORT.

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
