// Full-page screenshots of the home page and the ESI article at phone and desktop width, for the
// docs, in Debian's Chromium through Playwright.
//
//   PORT=N node screenshots.mjs [--out DIR]      (default: src/docs/screenshots)
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, argValue, baseUrl, failures, record } from './lib.mjs';

const SHOTS = [
  { file: 'home-phone.png', path: 'index.html', device: 'phone' },
  { file: 'home-desktop.png', path: 'index.html', device: 'desktop' },
  { file: 'article-phone.png', path: 'procedures/epidural-steroid-injection.html', device: 'phone' },
  { file: 'article-desktop.png', path: 'procedures/epidural-steroid-injection.html', device: 'desktop' },
];
const DEVICES = {
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

const base = baseUrl();
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const out = path.resolve(argValue('--out') ?? path.join(repo, 'src/docs/screenshots'));
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [device, options] of Object.entries(DEVICES)) {
    const context = await browser.newContext({ ...options, reducedMotion: 'reduce', colorScheme: 'light' });
    const page = await context.newPage();
    for (const shot of SHOTS.filter((s) => s.device === device)) {
      const file = path.join(out, shot.file);
      let detail;
      let ok = false;
      try {
        const response = await page.goto(new URL(shot.path, base).href, { waitUntil: 'load' });
        // Nothing may stick out sideways: a page wider than the screen scrolls horizontally.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        const size = statSync(file).size;
        ok = response?.status() === 200 && overflow <= 0 && size > 10_000;
        detail = `${file.startsWith(repo + path.sep) ? path.relative(repo, file) : file}, ${Math.round(size / 1024)} KiB`
          + (overflow > 0 ? `, ${overflow}px wider than the ${options.viewport.width}px screen` : '')
          + (response?.status() === 200 ? '' : `, HTTP ${response?.status()}`);
      } catch (e) {
        detail = e.message;
      }
      record(ok, `screenshot ${shot.file} ${options.viewport.width}x${options.viewport.height}`, detail);
    }
    await context.close();
  }
} finally {
  await browser.close();
}
process.exitCode = failures() ? 1 : 0;
