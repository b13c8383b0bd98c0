// The WCAG 2.2 AA checks axe-core does not make, as a keyboard or low-vision visitor uses the site, in
// Chromium through Playwright, on every page type of the baked sample site.
//
//   PORT=N node wcag.mjs [--theme NAME]
//
// On each page, at 1280x800 and at 320 CSS px wide (a phone, or 400% zoom):
// - keyboard: the first Tab reaches a visible "Skip to main content", and Enter then Tab lands in <main>;
//   Tab walks through every focusable element once and comes back (no trap), each shows a visible focus
//   indicator (2.4.7) and is not hidden by other content (2.4.11);
// - target size (2.5.8): every link or control is at least 24x24 CSS px, or is a link inside a sentence,
//   or is spaced so that 24 px circles on each do not touch another;
// - reflow (1.4.10): no horizontal scrolling at 320 px, with the text spacing of 1.4.12 applied too;
// and once per page at 1280: the byline, review dates and card dates read as separate words to a screen
// reader (text hidden with aria-hidden does not leave two words joined); and across the pages, the help
// the clinic offers (its phone number in the header and the footer, the emergency note, its address and
// hours) comes in the same order relative to each other wherever it is repeated (consistent help, 3.2.6).
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, PAGES, argValue, baseUrl, failures, record } from './lib.mjs';

const base = baseUrl();
const theme = argValue('--theme') || 'default';
// WCAG 1.4.12's text spacing, applied by a user style sheet (a CSS file of the visitor, not the page).
const TEXT_SPACING = '* { line-height: 1.5 !important; letter-spacing: 0.12em !important; '
  + 'word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }';

/** In the page: the elements Tab should reach, in document order. */
function tabbables() {
  const selector = 'a[href], button, input, select, textarea, summary, [tabindex]';
  return [...document.querySelectorAll(selector)].filter((e) => {
    if (e.tabIndex < 0 || e.disabled || e.closest('[inert], [hidden]')) return false;
    const cs = getComputedStyle(e);
    return cs.visibility !== 'hidden' && cs.display !== 'none' && e.getClientRects().length > 0;
  });
}

/** In the page: what changes when the focused element loses focus: an outline, a shadow, a fill. */
function focusState() {
  const e = document.activeElement;
  if (!e || e === document.body || e === document.documentElement) return null;
  const look = (el) => {
    const cs = getComputedStyle(el);
    const visibleOutline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 1;
    return {
      outline: visibleOutline ? `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor} ${cs.outlineOffset}` : 'none',
      outlineTransparent: /rgba\(\d+, \d+, \d+, 0\)|transparent/.test(cs.outlineColor),
      shadow: cs.boxShadow,
      background: cs.backgroundColor,
      border: cs.borderColor,
      color: cs.color,
    };
  };
  const focused = look(e);
  const rects = [...e.getClientRects()];
  // 2.4.11: at least one part of the element is in the viewport and is what the browser hits there.
  const inView = rects.some((r) => r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth);
  const shown = rects.some((r) => {
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    return hit && (hit === e || e.contains(hit) || hit.contains(e));
  });
  const name = `${e.tagName.toLowerCase()} "${(e.getAttribute('aria-label') || e.textContent || e.id || e.name || '')
    .trim().replace(/\s+/g, ' ').slice(0, 40)}"`;
  const key = [...document.querySelectorAll('*')].indexOf(e);
  e.blur();
  const unfocused = look(e);
  e.focus({ preventScroll: true });
  const changed = [];
  if (focused.outline !== 'none' && !focused.outlineTransparent && focused.outline !== unfocused.outline) changed.push('outline');
  if (focused.shadow !== 'none' && focused.shadow !== unfocused.shadow) changed.push('shadow');
  if (focused.background !== unfocused.background) changed.push('background');
  if (focused.border !== unfocused.border) changed.push('border');
  return { key, name, changed, inView, shown };
}

/** In the page: 2.5.8 target size, with the spacing and inline exceptions. */
function smallTargets() {
  const targets = [...document.querySelectorAll('a[href], button, input, select, textarea, summary')]
    .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
  const boxes = targets.map((e) => ({ e, r: e.getBoundingClientRect() }));
  // A link in a sentence or a block of text is exempt: its size is set by the line of text.
  const inline = (e) => getComputedStyle(e).display === 'inline'
    && [...e.parentElement.childNodes].some((n) => n !== e && n.nodeType === Node.TEXT_NODE && n.textContent.trim());
  const small = boxes.filter(({ e, r }) => (r.width < 24 || r.height < 24) && !inline(e));
  const circle = ({ r }) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
  const hitsRect = (c, r) => {
    const dx = Math.max(r.left - c.x, 0, c.x - r.right);
    const dy = Math.max(r.top - c.y, 0, c.y - r.bottom);
    return dx * dx + dy * dy < 144;
  };
  const bad = [];
  for (const s of small) {
    const c = circle(s);
    const clash = boxes.find((o) => o !== s && o.e !== s.e && !o.e.contains(s.e) && !s.e.contains(o.e)
      && (hitsRect(c, o.r) || (small.includes(o) && Math.hypot(circle(o).x - c.x, circle(o).y - c.y) < 24)));
    if (clash) {
      bad.push(`${s.e.tagName.toLowerCase()} "${s.e.textContent.trim().slice(0, 30)}" ${Math.round(s.r.width)}x${Math.round(s.r.height)}`
        + ` too close to "${clash.e.textContent.trim().slice(0, 30)}"`);
    }
  }
  return bad;
}

/** In the page: what a screen reader reads of the dates, with aria-hidden text left out. */
function readDates() {
  const joined = [];
  for (const block of document.querySelectorAll('.byline p, .review-dates p, .card-meta')) {
    const copy = block.cloneNode(true);
    copy.querySelectorAll('[aria-hidden="true"]').forEach((e) => e.remove());
    const text = copy.textContent.replace(/\s+/g, ' ').trim();
    const glued = text.match(/\S*[0-9a-z][A-Z]\S*/g);
    if (glued) joined.push(`"${glued.join('", "')}" in "${text.slice(0, 90)}"`);
  }
  return joined;
}

/**
 * In the page: the help it offers, in page order: the clinic's phone number in the header, what to do in
 * an emergency (the emergency note, or the disclaimer of an article), the clinic's address, hours and
 * contact block, and the phone number in the footer.
 */
function helpPlaces() {
  const places = [
    ['phone in header', '.site-header a[href^="tel:"]'],
    ['emergency', '.emergency-note, .disclaimer'],
    ['clinic details', '.clinic-info'],
    ['phone in footer', '.site-footer a[href^="tel:"]'],
  ];
  const found = [];
  for (const [name, selector] of places) {
    const first = document.querySelector(selector);
    if (first) found.push({ name, element: first });
  }
  found.sort((a, b) => (a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  return found.map((f) => f.name);
}

/** Help offered on several pages in a different order, relative to each other, than on another page (3.2.6). */
function helpOutOfOrder(orders) {
  const before = new Map();
  const clashes = [];
  for (const [page, order] of orders) {
    for (let i = 0; i < order.length; i++) {
      for (let j = i + 1; j < order.length; j++) {
        const reverse = before.get(`${order[j]}|${order[i]}`);
        if (reverse) clashes.push(`${order[i]} before ${order[j]} on ${page}, after it on ${reverse}`);
        if (!before.has(`${order[i]}|${order[j]}`)) before.set(`${order[i]}|${order[j]}`, page);
      }
    }
  }
  return clashes;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const help = new Map();
  for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
    const narrow = viewport.width === 320;
    // bypassCSP lets the text-spacing style sheet in, as a user style sheet would be.
    const context = await browser.newContext({ viewport, bypassCSP: true });
    const page = await context.newPage();
    for (const spec of PAGES) {
      const started = Date.now();
      const label = `${theme} ${viewport.width}px ${spec.name}`;
      const url = new URL(spec.path, base).href;
      await page.goto(url, { waitUntil: 'load' });
      if (spec.path.startsWith('search.html')) {
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
      }

      // Skip link: the first Tab shows it, Enter follows it, the next Tab is in <main>.
      await page.keyboard.press('Tab');
      const skip = await page.evaluate(() => {
        const e = document.activeElement;
        const r = e.getBoundingClientRect();
        return { text: e.textContent.trim(), href: e.getAttribute('href'), visible: r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.width > 0 };
      });
      await page.keyboard.press('Enter');
      await page.keyboard.press('Tab');
      const afterSkip = await page.evaluate(() => !!document.activeElement?.closest('main'));
      record(skip.text === 'Skip to main content' && skip.visible && afterSkip, `skip link ${label}`,
        `first Tab: "${skip.text}" ${skip.visible ? 'visible' : 'NOT VISIBLE'}; after Enter, Tab goes ${afterSkip ? 'into' : 'NOT into'} <main>`);

      // Tab through the page from the top.
      await page.goto(url, { waitUntil: 'load' });
      if (spec.path.startsWith('search.html')) {
        await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
      }
      const expected = await page.evaluate(`(${tabbables.toString()})().length`);
      // Forward from the top, then back up with Shift+Tab: a sticky header hides what the browser scrolls
      // up to, not what it scrolls down to.
      const problems = [];
      const walk = async (key) => {
        const seen = new Set();
        let back = false;
        for (let steps = 0; steps < expected + 5; steps++) {
          await page.keyboard.press(key);
          const f = await page.evaluate(focusState);
          if (f === null) { back = true; break; }
          if (seen.has(f.key)) { back = steps > 0; break; }
          seen.add(f.key);
          if (f.changed.length === 0) problems.push(`no visible focus indicator on ${f.name}`);
          if (!f.inView || !f.shown) problems.push(`${key}: focused ${f.name} is ${f.inView ? 'hidden under other content' : 'out of view'}`);
        }
        if (seen.size !== expected) problems.push(`${key} reached ${seen.size} of ${expected} focusable elements`);
        if (!back) problems.push(`${key} did not leave the page: a keyboard trap?`);
        return seen.size;
      };
      const stops = await walk('Tab');
      // To the bottom at once: the End key scrolls smoothly in Chromium, and the animation, still running,
      // carried the page away from the first links Shift+Tab focused (2 failures in 11 runs, harbor clinic page).
      await page.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: 'instant' }));
      await walk('Shift+Tab');
      const unique = [...new Set(problems)];
      record(unique.length === 0, `focus ${label}`, `${stops} tab stops forward and back, each with a visible focus indicator, `
        + `none hidden, ${Date.now() - started} ms` + (unique.length ? `; ${unique.length} problem(s)` : ''));
      for (const p of unique) console.log(`    - ${p}`);

      const small = await page.evaluate(smallTargets);
      record(small.length === 0, `target size ${label}`, small.length ? `${small.length} too small and too close` : 'every target 24x24 px or spaced');
      for (const s of small) console.log(`    - ${s}`);

      if (narrow) {
        const reflow = await page.evaluate(() => document.documentElement.scrollWidth);
        await page.addStyleTag({ content: TEXT_SPACING });
        const spaced = await page.evaluate(() => {
          const clipped = [...document.querySelectorAll('body *')].filter((e) => {
            const cs = getComputedStyle(e);
            return cs.overflowX !== 'visible' && cs.overflowX !== 'auto' && cs.overflowX !== 'scroll'
              && e.scrollWidth > e.clientWidth + 1 && !e.classList.contains('visually-hidden') && e.textContent.trim();
          }).map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
          return { width: document.documentElement.scrollWidth, clipped };
        });
        const ok = reflow <= 320 && spaced.width <= 320 && spaced.clipped.length === 0;
        record(ok, `reflow ${label}`, `page ${reflow} px wide, ${spaced.width} px with the text spacing of 1.4.12`
          + (spaced.clipped.length ? `; text cut off in ${spaced.clipped.join(', ')}` : ''));
      } else {
        const joined = await page.evaluate(readDates);
        record(joined.length === 0, `dates read as words ${label}`,
          joined.length ? `a screen reader reads ${joined.join('; ')}` : 'no two words joined once aria-hidden text is left out');
        help.set(spec.name, await page.evaluate(helpPlaces));
      }
    }
    await context.close();
  }
  const clashes = helpOutOfOrder(help);
  const everywhere = [...help.values()].every((order) => order[0] === 'phone in header' && order.at(-1) === 'phone in footer');
  record(clashes.length === 0 && everywhere, `consistent help ${theme}`,
    [...help].map(([name, order]) => `${name}: ${order.join(' > ')}`).join('; '));
  for (const c of clashes) console.log(`    - ${c}`);
} finally {
  await browser.close();
}
process.exitCode = failures() ? 1 : 0;
