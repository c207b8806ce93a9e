#!/usr/bin/env bash
# Debian's docker-compose (1.29, the Python CLI): the independent oracle the stack tests compare
# Wharf's deploys with. Wharf itself never runs it.
set -euo pipefail
if command -v docker-compose >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's docker-compose for the stack tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq docker-compose >/dev/null
