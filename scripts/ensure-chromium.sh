#!/usr/bin/env bash
# Browser tests use Debian's Chromium at /usr/bin/chromium; a downloaded browser is never used.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ]; then
  echo "Installing Debian chromium (browser tests need /usr/bin/chromium)…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
else
  echo "Browser tests need Debian's chromium: sudo apt-get install chromium" >&2
  exit 1
fi
