// Site search in Chromium, as a visitor uses it: with the keyboard from the main navigation, with
// results announced in a live region, under the production Content-Security-Policy (served by
// serve.mjs), with no request leaving the site.
//
//   PORT=N node search.mjs
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, baseUrl, failures, record } from './lib.mjs';

const base = baseUrl();
const origin = new URL(base).origin;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const problems = [];
  const requests = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => requests.push(req.url()));

  // 1. From the home page, by keyboard only: Tab to the "Search" link in the main navigation.
  await page.goto(new URL('index.html', base).href);
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Search'
      && document.activeElement.closest('nav') !== null);
  }
  record(reached, 'search: the Search link in the main navigation is reached with Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/search\.html/);

  // 2. Type a query in the labelled box and submit with Enter.
  const box = page.getByLabel('Search our articles');
  await box.focus();
  await page.keyboard.type('steroid injection');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
  const status = await page.textContent('#search-status');
  const titles = await page.$$eval('#search-results a', (links) => links.map((a) => a.textContent.trim()));
  const hrefs = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')));
  record(hrefs[0] === 'procedures/epidural-steroid-injection.html',
    'search: "steroid injection" lists the epidural steroid injection article first', `${titles.slice(0, 3).join(' | ')}`);
  record(titles.length > 0 && titles.length < 27, 'search: results are filtered, not the whole list', `${titles.length} results`);
  const live = await page.$eval('#search-status', (el) => el.getAttribute('role') === 'status' || el.getAttribute('aria-live') === 'polite');
  record(live && /pages? match/.test(status), 'search: the result count is announced in a live region', status.trim());

  // 3. A query with no match says so; an empty box brings back the starting hint.
  await box.fill('zzzzqx');
  await page.waitForFunction(() => /No pages match/.test(document.getElementById('search-status')?.textContent ?? ''));
  record(await page.$$eval('#search-results a', (links) => links.length === 0), 'search: no match is said plainly');
  await box.fill('');
  await page.waitForFunction(() => /Type a word/.test(document.getElementById('search-status')?.textContent ?? ''));
  const all = await page.$eval('#search-status a', (a) => a.getAttribute('href'));
  record(all === 'archive.html', 'search: clearing the box brings back the link to all articles', all);

  // 4. The address carries the query, so a result list can be bookmarked, shared or reloaded.
  await page.goto(new URL('search.html?q=sciatica', base).href);
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
  const sciatica = await page.$$eval('#search-results a', (links) => links.map((a) => a.getAttribute('href')));
  record(sciatica.includes('conditions/sciatica.html'), 'search: search.html?q=sciatica finds the sciatica page');

  // 5. Nothing left the site, and the CSP let the script run without a complaint.
  const outside = requests.filter((url) => !url.startsWith(origin));
  record(outside.length === 0, 'search: no request leaves the site', outside.join(', '));
  record(problems.length === 0, 'search: no console or page error (CSP script-src \'self\')', problems.join('; '));
} catch (error) {
  record(false, 'search', error.message);
} finally {
  await browser.close();
}
process.exit(failures() > 0 ? 1 : 0);
