# shellcheck shell=bash
# Settings, logging and small helpers shared by every part of test-engines.sh.
# SCRIPT_DIR is the scripts/ folder; the entry point sets it before sourcing this.
# shellcheck disable=SC2034 # the settings are read by the other parts

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

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

log_tail() {
  log "---- last lines of $1 ----"
  tail -n 30 "$1" >&2 2>/dev/null || true
  log "----"
}
