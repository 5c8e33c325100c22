#!/usr/bin/env bash
# Browser tests need Debian's chromium (browsers cannot be downloaded from npm here); playwright-core drives it.
# Called by .ci/run before `pnpm test:browser`. Idempotent: does nothing when /usr/bin/chromium is there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
