#!/usr/bin/env bash
# Debian's podman (4.3): the Podman test host that scripts/test-engines.sh starts, which the
# integration tests shared with the Docker engines run on too (docs/podman.md).
set -euo pipefail
if command -v podman >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's podman for the Podman test host"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq podman >/dev/null
