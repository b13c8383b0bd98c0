#!/usr/bin/env bash
# Browser checks of the two built-in themes, default and harbor, in Debian's Chromium (/usr/bin/chromium,
# package chromium):
#
#   bash src/test/browser/run.sh           (from the repository root; needs Node.js 20+ and npm)
#
# 1. installs the pinned tools (npm ci) if node_modules/ is missing;
# 2. bakes the sample site into a temporary folder with the launcher, and a copy of it with
#    site.theme=harbor;
# 3. serves both on 127.0.0.1 (serve.mjs: 404.html for unknown paths, the production security headers);
# 4. axe-core on every page type, in both themes: zero violations of WCAG 2.1 A/AA and axe's best practices;
#    what axe cannot judge, in both themes, at 1280 and 320 px wide (wcag.mjs): the skip link, a visible and
#    unhidden focus on every Tab stop with no trap, 24 px targets, reflow with 1.4.12's text spacing, dates
#    a screen reader reads as words, and the clinic's help in the same order on every page;
#    site search by keyboard: the Search link, the labelled box, results in a live region, no request
#    leaving the site, no CSP complaint (search.mjs);
# 5. Lighthouse on the home page, the ESI article and a condition page: accessibility, SEO and best
#    practices 100, performance at least 95;
# 6. screenshots of the home page and the ESI article, phone and desktop (BROWSER_SCREENSHOTS_OUT=DIR
#    keeps them, e.g. src/docs/screenshots/ for the README).
#
# Ends with "browser: N passed, M failed" and exits non-zero if any check failed.
# CHROMIUM_PATH overrides the browser; BROWSER_KEEP=1 keeps the temporary folder (bake log, site,
# Lighthouse HTML reports) and prints where it is.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
started=$SECONDS
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"

work="$(mktemp -d "${TMPDIR:-/tmp}/clinicbake-browser.XXXXXX")"
server_pid=""
cleanup() {
  local pid
  for pid in $server_pid; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  if [ "${BROWSER_KEEP:-}" != "1" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

export BROWSER_RESULTS="$work/results.txt"
: > "$BROWSER_RESULTS"
fail() { echo "FAIL $1" | tee -a "$BROWSER_RESULTS"; }
step() { printf '\n== %s (%ss)\n' "$1" "$((SECONDS - started))"; }
summary() {
  local passed failed
  passed="$(grep -c '^PASS ' "$BROWSER_RESULTS" || true)"
  failed="$(grep -c '^FAIL ' "$BROWSER_RESULTS" || true)"
  printf '\nbrowser checks took %ss\n' "$((SECONDS - started))"
  if [ "${BROWSER_KEEP:-}" = "1" ]; then echo "kept $work (bake log, site, Lighthouse reports)"; fi
  echo "browser: $passed passed, $failed failed"
  [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
}

# ---- 0. what the run needs
if [ ! -x "$CHROMIUM_PATH" ]; then
  fail "chromium: no browser at $CHROMIUM_PATH (apt-get install chromium)"
  summary || exit 1
fi
if ! command -v node >/dev/null || [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  fail "node: Node.js 20 or newer is needed (found: $(node --version 2>/dev/null || echo none))"
  summary || exit 1
fi

# ---- 1. the pinned tools
if [ ! -d "$here/node_modules" ]; then
  step "npm ci"
  if ! (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) > "$work/npm.log" 2>&1; then
    cat "$work/npm.log"
    fail "npm ci in src/test/browser"
    summary || exit 1
  fi
fi

# ---- 2. bake the sample site
step "bake site/"
if bash "$root/src/main/sh/clinicbake" bake "$root/site" -o "$work/site" --today 2026-11-27 > "$work/bake.log" 2>&1 \
   && [ -f "$work/site/index.html" ]; then
  echo "PASS bake of the sample site" | tee -a "$BROWSER_RESULTS"
else
  grep -v '\[cds\]' "$work/bake.log" | tail -n 40
  fail "bake of the sample site"
  summary || exit 1
fi

# The same site in the harbor theme: a copy of its sources (site/ is never changed) with site.theme=harbor.
mkdir -p "$work/sources"
cp -R "$root/site" "$work/sources/harbor"
rm -rf "$work/sources/harbor/output" "$work/sources/harbor/.clinicbake"
printf '\nsite.theme=harbor\n' >> "$work/sources/harbor/jbake.properties"
if bash "$root/src/main/sh/clinicbake" bake "$work/sources/harbor" -o "$work/site-harbor" --today 2026-11-27 > "$work/bake-harbor.log" 2>&1 \
   && [ -f "$work/site-harbor/index.html" ] && grep -q 'css/harbor' "$work/site-harbor/index.html"; then
  echo "PASS bake of the sample site in the harbor theme" | tee -a "$BROWSER_RESULTS"
else
  grep -v '\[cds\]' "$work/bake-harbor.log" | tail -n 40
  fail "bake of the sample site in the harbor theme"
  summary || exit 1
fi

# ---- 3. serve them
serve() {
  local dir="$1" port_file="$2" log="$3"
  node "$here/serve.mjs" "$dir" --port-file "$port_file" > "$log" 2>&1 &
  server_pid="$server_pid $!"
  for _ in $(seq 1 100); do
    [ -s "$port_file" ] && return 0
    kill -0 "$!" 2>/dev/null || break
    sleep 0.1
  done
  cat "$log"
  fail "static server for $dir did not start"
  summary || exit 1
}
serve "$work/site" "$work/port" "$work/server.log"
serve "$work/site-harbor" "$work/port-harbor" "$work/server-harbor.log"
export PORT="$(cat "$work/port")"
harbor_port="$(cat "$work/port-harbor")"
echo "serving $work/site on http://127.0.0.1:$PORT/ and $work/site-harbor on http://127.0.0.1:$harbor_port/"

# Runs one check script; a script that stops without recording a failure is a failure too.
run_script() {
  local name="$1"; shift
  local before status=0
  before="$(grep -c '^FAIL ' "$BROWSER_RESULTS" || true)"
  (cd "$here" && node "$@") || status=$?
  if [ "$status" -ne 0 ] && [ "$(grep -c '^FAIL ' "$BROWSER_RESULTS" || true)" -eq "$before" ]; then
    fail "$name stopped with exit code $status"
  fi
}

# ---- 4. axe-core on every page type, in both themes
step "axe-core"
run_script axe.mjs axe.mjs
PORT="$harbor_port" run_script "axe.mjs --theme harbor" axe.mjs --theme harbor

# ---- 4a. what axe does not check: keyboard, focus, target size, reflow, reading, consistent help
step "WCAG 2.2 checks beyond axe"
run_script wcag.mjs wcag.mjs --theme default
PORT="$harbor_port" run_script "wcag.mjs --theme harbor" wcag.mjs --theme harbor

# ---- 4b. search, by keyboard, under the production CSP
step "search"
run_script search.mjs search.mjs

# ---- 6. screenshots (before Lighthouse, which takes the longest)
step "screenshots"
# Into the work folder; BROWSER_SCREENSHOTS_OUT=src/docs/screenshots refreshes the README's images.
run_script screenshots.mjs screenshots.mjs --out "${BROWSER_SCREENSHOTS_OUT:-$work/screenshots}"

# ---- 5. Lighthouse
step "Lighthouse"
run_script lighthouse.mjs lighthouse.mjs --report-dir "$work/lighthouse"

summary
