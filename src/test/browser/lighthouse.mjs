// Lighthouse on the home page, the ESI article and a condition page, in Debian's Chromium.
//
//   PORT=N node lighthouse.mjs [--report-dir DIR]
//
// Two runs a page:
// - Lighthouse's default configuration (mobile, simulated slow 4G and 4x CPU slowdown): accessibility,
//   SEO and best practices must score 100. Its performance score is printed, not judged: with no
//   JavaScript at all, what is left of "Total Blocking Time" is the browser's own parsing and layout,
//   times four, and on a shared two-core machine that swings from 76 to 96 between runs.
// - Lighthouse's desktop preset (1x CPU): performance must score at least 95.
// With --report-dir, each run's HTML report is written there too.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, CHROMIUM_ARGS, PAGES, argValue, baseUrl, failures, record } from './lib.mjs';

const AUDITED = ['home', 'article (ESI)', 'condition'];
const RUNS = [
  {
    name: 'mobile',
    config: undefined, // Lighthouse's default: mobile
    categories: ['performance', 'accessibility', 'best-practices', 'seo'],
    minimum: { accessibility: 100, 'best-practices': 100, seo: 100 }, // performance: shown only
  },
  {
    name: 'desktop',
    config: desktopConfig,
    categories: ['performance'],
    minimum: { performance: 95 },
  },
];

const base = baseUrl();
const reportDir = argValue('--report-dir');
if (reportDir) mkdirSync(reportDir, { recursive: true });

/** Prints the scored audits of a category that did not pass, and where. */
function explain(lhr, category) {
  for (const ref of lhr.categories[category]?.auditRefs ?? []) {
    const audit = lhr.audits[ref.id];
    if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
      console.log(`    - ${ref.id} (score ${audit.score}${audit.displayValue ? `, ${audit.displayValue}` : ''}): ${audit.title}`);
      for (const item of (audit.details?.items ?? []).slice(0, 5)) {
        const where = item.node?.selector ?? item.url ?? item.source?.url ?? item.description ?? '';
        if (where) console.log(`        ${where}`);
      }
    }
  }
}

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
  logLevel: 'silent',
});
const rows = [];
try {
  for (const spec of PAGES.filter((p) => AUDITED.includes(p.name))) {
    const url = new URL(spec.path, base).href;
    const row = { page: spec.path, seconds: 0 };
    rows.push(row);
    for (const run of RUNS) {
      const started = Date.now();
      const label = `lighthouse ${run.name} ${spec.name} /${spec.path}`;
      let lhr;
      try {
        const result = await lighthouse(url, {
          port: chrome.port,
          output: 'html',
          logLevel: 'error',
          onlyCategories: run.categories,
          disableFullPageScreenshot: true, // only for the report's pictures of elements
        }, run.config);
        lhr = result.lhr;
        if (reportDir) {
          writeFileSync(path.join(reportDir, `${run.name}-${spec.path.replace(/[/.]/g, '-')}.html`), result.report);
        }
      } catch (e) {
        record(false, label, `Lighthouse failed: ${e.message}`);
        continue;
      } finally {
        row.seconds += (Date.now() - started) / 1000;
      }
      if (lhr.runtimeError) {
        record(false, label, `${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
        continue;
      }
      for (const warning of lhr.runWarnings ?? []) console.log(`    ! ${warning}`);
      for (const category of run.categories) {
        const raw = lhr.categories[category]?.score;
        const score = raw == null ? null : Math.round(raw * 100);
        row[`${run.name} ${category}`] = score;
        const minimum = run.minimum[category];
        if (minimum === undefined) {
          console.log(`info ${category} (${run.name}) ${spec.name} /${spec.path}: ${score ?? 'no score'}, not judged`);
          continue;
        }
        const ok = score !== null && score >= minimum;
        record(ok, `lighthouse ${category} (${run.name}) ${spec.name} /${spec.path}`,
          `${score ?? 'no score'}${minimum === 100 ? '' : `, needs >= ${minimum}`}`);
        if (!ok) explain(lhr, category);
      }
      const metrics = lhr.audits.metrics?.details?.items?.[0];
      if (metrics) {
        console.log(`    ${run.name} metrics: FCP ${Math.round(metrics.firstContentfulPaint)} ms, `
          + `LCP ${Math.round(metrics.largestContentfulPaint)} ms, TBT ${Math.round(metrics.totalBlockingTime)} ms, `
          + `CLS ${metrics.cumulativeLayoutShift?.toFixed(3)}, SI ${Math.round(metrics.speedIndex)} ms `
          + `(${lhr.configSettings.throttlingMethod} throttling, CPU x${lhr.configSettings.throttling.cpuSlowdownMultiplier}, `
          + `benchmark index ${Math.round(lhr.environment.benchmarkIndex)})`);
      }
    }
  }
} finally {
  await chrome.kill();
}

const columns = [
  ['perf desktop', 'desktop performance'],
  ['perf mobile*', 'mobile performance'],
  ['a11y', 'mobile accessibility'],
  ['best pr.', 'mobile best-practices'],
  ['seo', 'mobile seo'],
];
const width = Math.max(...rows.map((r) => r.page.length)) + 2;
console.log('');
console.log('Lighthouse'.padEnd(width) + columns.map(([h]) => h.padStart(14)).join('') + 'time'.padStart(8));
for (const r of rows) {
  console.log(r.page.padEnd(width) + columns.map(([, k]) => String(r[k] ?? '-').padStart(14)).join('')
    + `${r.seconds.toFixed(0)}s`.padStart(8));
}
console.log('* shown, not judged; the gates: performance (desktop preset) >= 95, the others (mobile, default config) 100');
console.log('');
process.exitCode = failures() ? 1 : 0;
