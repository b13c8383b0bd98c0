// Shared settings of the browser checks: the browser, its flags, the pages, and how a check's
// result is recorded (run.sh counts the PASS and FAIL lines of $BROWSER_RESULTS).
import { appendFileSync } from 'node:fs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// This machine has no network but loopback: without the background-networking flags Chromium keeps
// trying Google's hosts. Playwright and chrome-launcher each give every launch a new, empty profile.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The page types of a ClinicBake site, by a sample page of each in the sample site. */
export const PAGES = [
  { name: 'home', path: 'index.html' },
  { name: 'article (ESI)', path: 'procedures/epidural-steroid-injection.html' },
  { name: 'condition', path: 'conditions/sciatica.html' },
  { name: 'provider', path: 'providers/maya-okafor.html' },
  { name: 'article index', path: 'archive.html' },
  { name: 'topic', path: 'tags/procedures.html' },
  { name: 'clinic page', path: 'contact.html' },
  { name: 'search', path: 'search.html?q=steroid' },
  { name: 'missing page', path: 'no-such-page-3f9c.html', status: 404 },
];

export function baseUrl() {
  const port = process.env.PORT || argValue('--port');
  if (!port) {
    console.error('the server port is needed: PORT=N or --port N');
    process.exit(2);
  }
  return `http://127.0.0.1:${port}/`;
}

export function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

let failed = 0;

/** Records one check: prints it and appends it to $BROWSER_RESULTS for run.sh to count. */
export function record(ok, check, detail = '') {
  const line = `${ok ? 'PASS' : 'FAIL'} ${check}${detail ? ` (${detail})` : ''}`;
  console.log(line);
  if (!ok) failed++;
  if (process.env.BROWSER_RESULTS) appendFileSync(process.env.BROWSER_RESULTS, line + '\n');
}

export function failures() {
  return failed;
}
