#!/usr/bin/env bash
# Installs what the Virtuoso tests need (tests/kg/test_virtuoso.py, and the Virtuoso half of
# tests/kg/test_remote.py and test_export.py): Debian's virtuoso-opensource-7-bin, which
# has the server (virtuoso-t) and its SQL client (isql-vt); the tests make their own
# database and virtuoso.ini, so no service is set up or started. Idempotent; called by
# `make test`. Without it (and without root or sudo) the tests are skipped, except in
# CI (CI=true), where they fail.
set -euo pipefail
if command -v virtuoso-t >/dev/null 2>&1 && command -v isql-vt >/dev/null 2>&1; then
  exit 0
fi
pkg=virtuoso-opensource-7-bin
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
  echo "Virtuoso tests need: $pkg (apt-get install $pkg); they will be skipped" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "Virtuoso tests need $pkg, and there is no apt-get here; they will be skipped" >&2
  exit 0
fi
echo "installing $pkg …" >&2
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$pkg" >/dev/null
