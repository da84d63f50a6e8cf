#!/usr/bin/env bash
# The playground and the report page in a real browser with no way to the
# internet: starts `ketnoi serve --demo` on a fresh data directory and
# drives Debian's headless Chromium through the playground (run.mjs) and,
# signed in as an operator, the report page (reports.mjs), all inside a
# network namespace that has only a loopback interface. Fails on any
# console error or request to another origin; screenshots go to
# target/playground/ and target/reports/.
#
# Usage: scripts/browser-test/run.sh [ketnoi binary]   (default: target/debug/ketnoi)
# Installs what it needs where it is missing: Debian's chromium package
# (as root, or with sudo) and the driver, playwright-core, from npm.
set -euo pipefail
cd "$(dirname "$0")/../.."
binary=$(realpath "${1:-target/debug/ketnoi}")
shots=target/playground

if [ -z "${KETNOI_BROWSER_TEST_OFFLINE:-}" ]; then
  if ! command -v chromium >/dev/null 2>&1; then
    echo "== installing Chromium (Debian's package)"
    sudo=""
    [ "$(id -u)" = 0 ] || sudo=sudo
    $sudo apt-get install -y -q chromium >/dev/null ||
      { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q chromium >/dev/null; }
  fi
  (cd scripts/browser-test && npm ci --no-audit --no-fund --silent)
  rm -rf "$shots"
  mkdir -p "$shots"
  # The rest runs again inside a network namespace of its own, where
  # nothing but 127.0.0.1 exists.
  if unshare --net true 2>/dev/null; then
    exec unshare --net env KETNOI_BROWSER_TEST_OFFLINE=1 bash "$0" "$binary"
  fi
  echo "note: no network namespace here (unshare needs root); Chromium is still told that no other host exists" >&2
  export KETNOI_BROWSER_TEST_OFFLINE=0
fi
if [ "$KETNOI_BROWSER_TEST_OFFLINE" = 1 ]; then
  ip link set lo up
fi

data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
"$binary" serve --demo --data-dir "$data" --bind "127.0.0.1:$port" >"$shots/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 300); do
  curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
node scripts/browser-test/run.mjs "http://127.0.0.1:$port" "$shots"
# The operator's report page, signed in as an operator made for it.
reports=target/reports
rm -rf "$reports"
mkdir -p "$reports"
password=$(python3 -c 'import secrets; print(secrets.token_urlsafe(18))')
echo "$password" | "$binary" admin create --email operator@example.vn --data-dir "$data" >/dev/null
node scripts/browser-test/reports.mjs "http://127.0.0.1:$port" operator@example.vn "$password" "$reports"
