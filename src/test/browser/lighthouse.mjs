// Lighthouse on the home page, the ESI article and a condition page, in Debian's Chromium.
//
//   PORT=N node lighthouse.mjs [--report-dir DIR]
//
// Accessibility, SEO and best practices must score 100 and performance at least 95. Everything
// runs in Lighthouse's default configuration: mobile form factor, simulated throttling (slow 4G,
// 4x CPU slowdown). Simulated throttling computes the metrics from the trace instead of slowing the
// page down, so the scores stay steady on a busy machine. With --report-dir, each page's full
// HTML report is written there too.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS, PAGES, argValue, baseUrl, failures, record } from './lib.mjs';

const AUDITED = ['home', 'article (ESI)', 'condition'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const MINIMUM = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

const base = baseUrl();
const reportDir = argValue('--report-dir');
if (reportDir) mkdirSync(reportDir, { recursive: true });

const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: [...CHROMIUM_ARGS, '--headless=new'],
  logLevel: 'silent',
});
const rows = [];
try {
  for (const spec of PAGES.filter((p) => AUDITED.includes(p.name))) {
    const url = new URL(spec.path, base).href;
    const started = Date.now();
    const runner = await lighthouse(url, {
      port: chrome.port,
      output: reportDir ? 'html' : 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    const lhr = runner.lhr;
    if (reportDir) {
      writeFileSync(path.join(reportDir, `${spec.path.replace(/[/.]/g, '-')}.html`), runner.report);
    }
    const scores = Object.fromEntries(
      CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
    rows.push({ page: spec.path, ...scores, seconds: ((Date.now() - started) / 1000).toFixed(1) });

    if (lhr.runtimeError) record(false, `lighthouse ${spec.name} /${spec.path}`, lhr.runtimeError.message);
    for (const warning of lhr.runWarnings ?? []) console.log(`    ! ${warning}`);
    for (const category of CATEGORIES) {
      const score = scores[category];
      const ok = score !== null && score >= MINIMUM[category];
      record(ok, `lighthouse ${category} ${spec.name} /${spec.path}`,
        `${score ?? 'no score'}${MINIMUM[category] === 100 ? '' : `, needs >= ${MINIMUM[category]}`}`);
      if (!ok) {
        // Name what cost the points: every scored audit of the category that did not pass.
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
    }
    const metrics = lhr.audits.metrics?.details?.items?.[0];
    if (metrics) {
      console.log(`    metrics: FCP ${Math.round(metrics.firstContentfulPaint)} ms, LCP ${Math.round(metrics.largestContentfulPaint)} ms, `
        + `TBT ${Math.round(metrics.totalBlockingTime)} ms, CLS ${metrics.cumulativeLayoutShift?.toFixed(3)}, `
        + `SI ${Math.round(metrics.speedIndex)} ms (${lhr.configSettings.formFactor}, ${lhr.configSettings.throttlingMethod} throttling)`);
    }
  }
} finally {
  await chrome.kill();
}

const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s ?? '-').padStart(n);
console.log('');
console.log(`${pad('Lighthouse (mobile)', 44)}${lpad('perf', 6)}${lpad('a11y', 6)}${lpad('best', 6)}${lpad('seo', 6)}${lpad('time', 8)}`);
for (const r of rows) {
  console.log(`${pad(r.page, 44)}${lpad(r.performance, 6)}${lpad(r.accessibility, 6)}${lpad(r['best-practices'], 6)}${lpad(r.seo, 6)}${lpad(r.seconds + 's', 8)}`);
}
console.log('');
process.exitCode = failures() ? 1 : 0;
