# shellcheck shell=bash
# A three-node swarm of its own engines (swarm1..swarm3), every node a manager, on the loopback
# addresses 127.0.0.11..13. It is started and stopped on its own (`swarm`, `swarm-stop`), never
# by `start`: the other hosts' tests do not pay for it, and hosts.json stays as it was.
#
# Each engine is an ordinary test engine (own socket, data-root, exec-root, pidfile and the same
# network flags); the swarm's own traffic (raft, gossip) stays on 127.0.0.11..13. Swarm creates an
# ingress and a docker_gwbridge network on private ranges: test services publish no ports and join
# no network, so nothing is ever sent through them. The fixture images are pulled from the loopback
# registry onto every node, since a task runs the image of the node it lands on.

SWARM_NODES=(swarm1 swarm2 swarm3)

swarm_addr() { printf '127.0.0.1%s' "${1#swarm}"; }

sdk() {
  local name=$1
  shift
  "$DOCKER" -H "$(engine_url "$name")" "$@"
}

# inactive | pending | active | error | locked, as the node itself says.
swarm_state() {
  sdk "$1" info --format '{{.Swarm.LocalNodeState}}' 2>/dev/null || printf 'down'
}

# The number of Ready nodes the first manager sees.
swarm_ready_nodes() {
  sdk swarm1 node ls --format '{{.Status}}' 2>/dev/null | grep -c '^Ready$' || true
}

swarm_leave() {
  local name=$1
  [ -n "$(engine_pid "$name")" ] && engine_ping "$name" || return 0
  if [ "$(swarm_state "$name")" != inactive ]; then
    sdk "$name" swarm leave --force >/dev/null 2>&1 || log "warning: swarm leave on $name failed"
  fi
  # Left behind by the swarm; it sits on a private range and nothing else uses it.
  sdk "$name" network rm docker_gwbridge >/dev/null 2>&1 || true
}

# All at once: the whole cluster goes, so no node waits for the others to agree to its leaving
# (one after another, a manager's leave can wait many seconds for a quorum that is going away).
swarm_leave_all() {
  local name
  for name in "${SWARM_NODES[@]}"; do swarm_leave "$name" & done
  wait
}

swarm_form() {
  local name token addr
  addr=$(swarm_addr swarm1)
  if [ "$(swarm_state swarm1)" != active ]; then
    log "swarm: init on swarm1 ($addr)"
    sdk swarm1 swarm init --advertise-addr "$addr" --listen-addr "$addr:2377" >/dev/null
  fi
  token=$(sdk swarm1 swarm join-token -q manager)
  for name in "${SWARM_NODES[@]:1}"; do
    [ "$(swarm_state "$name")" != active ] || continue
    [ "$(swarm_state "$name")" = inactive ] || sdk "$name" swarm leave --force >/dev/null 2>&1 || true
    log "swarm: $name joins as a manager ($(swarm_addr "$name"))"
    sdk "$name" swarm join --token "$token" --advertise-addr "$(swarm_addr "$name")" \
      --listen-addr "$(swarm_addr "$name"):2377" "$addr:2377" >/dev/null
  done
}

swarm_wait_ready() {
  local i
  for ((i = 0; i < READY_TIMEOUT * 2; i++)); do
    [ "$(swarm_ready_nodes)" -ge "${#SWARM_NODES[@]}" ] && return 0
    sleep 0.5
  done
  return 1
}

swarm_seed_images() {
  local name
  FIX_HASH=$(fixture_hash)
  start_registry plain || die "the registry on 127.0.0.1:$REGISTRY_PORT is required to seed the swarm"
  if ! registry_has_images plain; then
    start_engines local
    engine_has_images local || build_base_images
    push_images plain || die "could not seed the registry on localhost:$REGISTRY_PORT"
  fi
  for name in "${SWARM_NODES[@]}"; do
    engine_has_images "$name" || pull_images "$name"
  done
}

swarm_hosts_json() {
  printf '[{"id":"swarm","name":"Swarm","url":%s,"failover":[%s,%s]}]\n' \
    "$(json_str "$(engine_url swarm1)")" "$(json_str "$(engine_url swarm2)")" "$(json_str "$(engine_url swarm3)")"
}

cmd_swarm_start() {
  need_root
  install_packages
  check_paths
  lock
  DOCKER=$(docker_cli)
  start_engines "${SWARM_NODES[@]}"
  swarm_seed_images
  swarm_form
  if ! swarm_wait_ready; then
    # A cluster half-remembered from an earlier run (a node that rejoins nothing): start it afresh.
    log "swarm: not all nodes ready; forming it again"
    swarm_leave_all
    swarm_form
    swarm_wait_ready || die "swarm: only $(swarm_ready_nodes) of ${#SWARM_NODES[@]} nodes ready"
  fi
  swarm_hosts_json >"$D/hosts-swarm.json.tmp" && mv -f "$D/hosts-swarm.json.tmp" "$D/hosts-swarm.json"
  log "swarm ready: ${#SWARM_NODES[@]} managers, hosts in $D/hosts-swarm.json"
}

cmd_swarm_stop() {
  local name
  [ -d "$D" ] || return 0
  lock
  DOCKER=$(command -v docker || echo docker)
  rm -f "$D/hosts-swarm.json"
  swarm_leave_all
  for name in "${SWARM_NODES[@]}"; do
    stop_engine "$name" kill-containers &
  done
  wait
  log "swarm stopped"
}

cmd_swarm_status() {
  local name pid s
  DOCKER=$(command -v docker || echo docker)
  for name in "${SWARM_NODES[@]}"; do
    pid=$(engine_pid "$name")
    if [ -n "$pid" ] && engine_ping "$name"; then s="up $(swarm_state "$name")"; else s=down; fi
    printf 'engine %-7s %-14s %s %s pid=%s\n' "$name" "$s" "$(engine_url "$name")" "$(swarm_addr "$name"):2377" "${pid:--}"
  done
}
