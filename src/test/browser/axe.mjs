// axe-core on every page type of the baked sample site, in Debian's Chromium through Playwright.
//
//   PORT=N node axe.mjs [--theme NAME]
//
// run.sh runs it on the sample site baked in the default theme and again in harbor (--theme harbor
// names the checks).
// Two checks per page: the expected HTTP status and zero axe violations of WCAG 2.1 A/AA and axe's
// best practices, each violation printed with its rule, impact and selector; and a clean load: no
// console error and no failed request (a CSP violation or a missing stylesheet shows here).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PAGES, argValue, baseUrl, failures, record } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations', 'incomplete'],
};

const base = baseUrl();
// The default theme keeps the checks' old names; another theme is named in each.
const theme = argValue('--theme') && argValue('--theme') !== 'default' ? `${argValue('--theme')} ` : '';
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // What the browser complains about while loading: a CSP violation, a missing file, a script
  // error. Lighthouse's best-practices score counts these on three pages; here every page type must
  // load without one.
  let warnings = [];
  let current = { url: '', wanted: 200 };
  page.on('console', (msg) => {
    const source = msg.location()?.url ?? '';
    const ownStatus = source === current.url && current.wanted !== 200
      && msg.text().includes(`status of ${current.wanted}`);
    if (msg.type() === 'error' && !ownStatus) warnings.push(`console error: ${msg.text()}${source ? ` [${source}]` : ''}`);
  });
  page.on('pageerror', (err) => warnings.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => warnings.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  for (const spec of PAGES) {
    const started = Date.now();
    const url = new URL(spec.path, base).href;
    const wanted = spec.status ?? 200;
    current = { url, wanted };
    warnings = [];
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response?.status();

    // Evaluated through the DevTools protocol, so the page's CSP (script-src 'none') does not
    // apply and the page is checked exactly as served.
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);

    const bad = [];
    if (status !== wanted) bad.push(`HTTP ${status}, expected ${wanted}`);
    for (const v of result.violations) {
      for (const node of v.nodes) {
        bad.push(`rule ${v.id}, impact ${v.impact}, selector ${node.target.join(' ')}: ${v.help} (${v.helpUrl})`
          + `\n        ${node.failureSummary?.replace(/\n/g, '\n        ')}`);
      }
    }
    const incomplete = result.incomplete.reduce((n, r) => n + r.nodes.length, 0);
    const nodes = result.violations.reduce((n, v) => n + v.nodes.length, 0);
    record(bad.length === 0, `axe ${theme}${spec.name} /${spec.path}`,
      `HTTP ${status}, ${result.violations.length} violation(s) on ${nodes} element(s), `
      + `${incomplete} element(s) for manual review, ${Date.now() - started} ms`);
    for (const b of bad) console.log(`    - ${b}`);
    const complaints = [...new Set(warnings)];
    record(complaints.length === 0, `console ${theme}${spec.name} /${spec.path}`,
      complaints.length === 0 ? 'no console error, no failed request' : `${complaints.length} problem(s)`);
    for (const w of complaints) console.log(`    - ${w}`);
    if (process.env.AXE_VERBOSE) {
      for (const r of result.incomplete) console.log(`    ? ${r.id} (${r.nodes.length}): ${r.help}`);
    }
  }
  await page.close();
  await context.close();
} finally {
  await browser.close();
}
process.exitCode = failures() ? 1 : 0;
