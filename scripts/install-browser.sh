#!/usr/bin/env bash
# Debian's Chromium for Playwright, and a CJK font so zh-CN pages render (and screenshot) as users see them.
# Playwright itself never downloads a browser here.
set -euo pipefail
if [ -x /usr/bin/chromium ] && fc-list :lang=zh | grep -q .; then exit 0; fi
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
echo "installing Debian's chromium and a CJK font for the end-to-end tests"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
