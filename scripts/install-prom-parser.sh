#!/usr/bin/env bash
# Debian's Python Prometheus client: its text-format parser is the independent reader the /metrics
# test scrapes Wharf with. Wharf itself never uses it.
set -euo pipefail
if /usr/bin/python3 -c "import prometheus_client.parser" >/dev/null 2>&1; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's python3-prometheus-client for the /metrics test"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq python3-prometheus-client >/dev/null
