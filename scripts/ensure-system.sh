#!/usr/bin/env bash
# Installs what the browser, PostgreSQL and shifted-clock tests need when it is missing: Debian's chromium
# (never a downloaded browser), PostgreSQL and faketime. Needs root for apt; without root, missing pieces are reported.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need+=(postgresql)
command -v faketime >/dev/null || need+=(faketime)

if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "installing ${need[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  else
    echo "missing: ${need[*]} — install them with: sudo apt-get install -y ${need[*]}" >&2
    [ -x /usr/bin/chromium ] || exit 1
  fi
fi
