// axe-core on every page type of the baked sample site, in Debian's Chromium through Playwright.
//
//   PORT=N node axe.mjs
//
// One check per page: the expected HTTP status, no console error or failed request (a CSP
// violation shows here), and zero axe violations of WCAG 2.1 A/AA and axe's best practices.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PAGES, baseUrl, failures, record } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_OPTIONS = {
  runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  resultTypes: ['violations', 'incomplete'],
};

const base = baseUrl();
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  for (const spec of PAGES) {
    const started = Date.now();
    const page = await context.newPage();
    const problems = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
    const url = new URL(spec.path, base).href;
    const response = await page.goto(url, { waitUntil: 'load' });
    const status = response?.status();
    const wanted = spec.status ?? 200;

    // The missing page's own 404 is expected; anything else logged as an error is not.
    const unexpected = problems.filter((p) => !(wanted === 404 && p.includes('status of 404') && !p.includes('http')));

    // Evaluated through the DevTools protocol, so the page's CSP (script-src 'none') does not
    // apply and the page is checked exactly as served.
    await page.evaluate(AXE_SOURCE);
    const result = await page.evaluate((opts) => window.axe.run(document, opts), AXE_OPTIONS);

    const label = `axe ${spec.name} /${spec.path}`;
    const bad = [];
    if (status !== wanted) bad.push(`HTTP ${status}, expected ${wanted}`);
    bad.push(...unexpected);
    for (const v of result.violations) {
      for (const node of v.nodes) {
        bad.push(`[${v.impact}] ${v.id}: ${v.help} -> ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ')}`);
      }
    }
    const incomplete = result.incomplete.reduce((n, r) => n + r.nodes.length, 0);
    record(bad.length === 0, label,
      bad.length === 0
        ? `0 violations; ${incomplete} node(s) axe left for manual review; ${Date.now() - started} ms`
        : `${result.violations.length} rule(s) violated`);
    for (const b of bad) console.log(`    - ${b}`);
    if (process.env.AXE_VERBOSE) {
      for (const r of result.incomplete) console.log(`    ? ${r.id} (${r.nodes.length}): ${r.help}`);
    }
    await page.close();
  }
  await context.close();
} finally {
  await browser.close();
}
process.exitCode = failures() ? 1 : 0;
