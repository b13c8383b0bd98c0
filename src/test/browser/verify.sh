#!/usr/bin/env bash
# The browser checks as part of `./mvnw verify`: run when Chromium and Node.js are on the machine
# (.ci/run installs Chromium first), skipped with a notice on a machine that has only a JDK.
set -euo pipefail
cd "$(dirname "$0")/../../.."
missing=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing="Chromium (/usr/bin/chromium, Debian package chromium)"
command -v node >/dev/null && command -v npm >/dev/null || missing="${missing:+$missing and }Node.js 20+ with npm"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "browser checks: $missing is missing; .ci/run should have installed it" >&2
    exit 1
  fi
  echo "browser checks skipped: $missing is not installed (see .ci/run)"
  exit 0
fi
exec bash src/test/browser/run.sh
