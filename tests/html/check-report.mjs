// Drives Debian's Chromium over an HTML report written by `talign check` and
// checks what a reviser relies on: one row per bead, term highlights, a mark
// per finding with its message on focus and hover, filters, keyboard
// navigation, right-to-left Urdu, and that nothing from the documents runs.
//
//   node check-report.mjs REPORT.html REPORT.json SCREENSHOT.png [UI-LANG [markup]]
//
// REPORT.json is the same check in --format json: the counts the page must show.
// "markup": the documents contain <script>alert(1)</script>, which must show as text.
// "large": a report of about 5,000 findings (run.sh repeats a corpus document):
// only that its script, filters and navigation work and are quick.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const [htmlPath, jsonPath, screenshotPath, uiLang = 'en', markup = ''] = process.argv.slice(2);
if (!htmlPath || !jsonPath || !screenshotPath) {
  console.error('usage: node check-report.mjs REPORT.html REPORT.json SCREENSHOT.png [ui-lang]');
  process.exit(2);
}
const expected = JSON.parse(fs.readFileSync(jsonPath, 'utf8'));
const failures = [];
function check(ok, what) {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
  if (!ok) failures.push(what);
}

const executablePath = '/usr/bin/chromium';
if (!fs.existsSync(executablePath)) {
  console.error(`FAIL: ${executablePath} is missing (tools/setup-deps.sh --browser installs it)`);
  process.exit(1);
}
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'talign-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  viewport: { width: 1440, height: 900 },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
         '--disable-component-update', '--disable-sync'],
});
try {
  const page = context.pages()[0] ?? await context.newPage();
  const url = pathToFileURL(path.resolve(htmlPath)).href;
  const dialogs = [], errors = [], requests = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => { if (r.url() !== url) requests.push(r.url()); });
  page.setDefaultTimeout(120000);  // a large report takes a while to parse
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  if (markup === 'large') await checkLarge(page);
  else await checkAll(page, url, dialogs, errors, requests);
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
}

// The page's first filtering (measured in the page by performance.measure
// around it) must take under 2 s for 5,000 findings: generous, since it took
// about 0.4 s on a loaded 2-core machine; a slower machine must not fail it,
// a return to per-row lookups (a query per bead on every change) should.
// Then a filter and j must work.
async function checkLarge(page) {
  const findings = expected.findings.length;
  check(findings >= 5000, `the large report has ${findings} findings`);
  const apply = await page.evaluate(() => performance.getEntriesByName('talign-apply')[0]?.duration ?? -1);
  check(apply >= 0 && apply < 2000, `the first filtering takes under 2 s (${Math.round(apply)} ms)`);
  const type = expected.findings[0].type;
  const change = await page.evaluate((type) => {
    const t = performance.now();
    document.querySelector(`input[data-filter="type"][value="${type}"]`).click();
    return performance.now() - t;
  }, type);
  check(change < 2000, `a filter change takes under 2 s (${Math.round(change)} ms)`);
  const left = await page.evaluate((type) => document.querySelectorAll(`li.note[data-type="${type}"]:not(.off)`).length, type);
  check(left === 0, `the filter hid every ${type} note (${left} left)`);
  await page.keyboard.press('j');
  const at = await page.evaluate(() => document.activeElement && [document.activeElement.id, document.activeElement.dataset.type]);
  check(at && /^f-\d+$/.test(at[0]) && at[1] !== type, `j goes to a finding that is shown (${at})`);
  check(/^1 \/ \d+$/.test(await page.locator('#pos').textContent()), 'the counter says where it is');
}

async function checkAll(page, url, dialogs, errors, requests) {

  // Nothing from the documents ran, nothing was fetched, the page's own script ran.
  check(dialogs.length === 0, `no dialog opened (got ${JSON.stringify(dialogs)})`);
  check(errors.length === 0, `no script errors or CSP violations (got ${JSON.stringify(errors)})`);
  check(requests.length === 0, `no network requests (got ${JSON.stringify(requests)})`);
  check(await page.locator('script').count() === 1, 'one script element: the page\'s own');
  if (markup === 'markup') {
    const cellText = await page.locator('td.v').allTextContents();
    check(cellText.some((t) => t.includes('<script>alert(1)</script>')), 'the <script> of a document shows as text');
  }
  const posText = await page.locator('#pos').textContent();
  check(/\d+$/.test(posText ?? '') && !(posText ?? '').startsWith('\u2013 / \u2013'), `script ran (position "${posText}")`);

  // Direction and language.
  const html = await page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));
  check(html.lang === uiLang, `<html lang="${uiLang}"> (got "${html.lang}")`);
  check(html.dir === (uiLang === 'ur' ? 'rtl' : 'ltr'), `<html dir> fits the UI language (got "${html.dir}")`);
  const urdu = await page.evaluate(() => Array.from(document.querySelectorAll('td.v:lang(ur)')).map((td) => ({
    dir: getComputedStyle(td).direction, font: getComputedStyle(td).fontFamily })));
  check(urdu.length > 0 && urdu.every((u) => u.dir === 'rtl'), 'Urdu cells are right to left');
  check(urdu.length > 0 && urdu.every((u) => /Nastaliq/.test(u.font)), 'Urdu cells ask for a Nastaliq font');
  const zhFont = await page.evaluate(() => { const td = document.querySelector('td.v:lang(zh)'); return td ? getComputedStyle(td).fontFamily : ''; });
  check(/CJK SC|Source Han Sans SC/.test(zhFont), `Chinese cells ask for a CJK font (${zhFont})`);

  // Structure and counts, against the JSON report of the same check.
  const findings = expected.findings.length;
  check(findings >= 2, `the fixture gives findings to navigate (${findings})`);
  check(await page.locator('tr.bead').count() === expected.summary.beads, `one row per bead (${expected.summary.beads})`);
  check(await page.locator('.fm.anchor').count() === findings, `one focusable mark per finding (${findings})`);
  for (const [type, count] of Object.entries(expected.summary.by_type)) {
    const shown = await page.locator(`.summary li[data-type="${type}"]`).getAttribute('data-count');
    check(Number(shown) === count, `summary shows ${count} ${type}`);
  }
  const describedOk = await page.evaluate(() => Array.from(document.querySelectorAll('.fm.anchor')).every((a) =>
    a.tabIndex === 0 && document.getElementById(a.getAttribute('aria-describedby'))));
  check(describedOk, 'every mark is focusable and described by its note');
  const terms = await page.evaluate(() => Array.from(document.querySelectorAll('.t[data-concept][data-status]')).map((t) => ({
    status: t.dataset.status, deco: getComputedStyle(t).textDecorationStyle, border: getComputedStyle(t).borderBottomStyle })));
  check(terms.length > 0, `term hits are highlighted (${terms.length})`);
  const deprecated = terms.filter((t) => t.status === 'deprecated' || t.status === 'superseded');
  const admitted = terms.filter((t) => t.status === 'preferred' || t.status === 'admitted');
  check(deprecated.length > 0 && deprecated.every((t) => t.deco === 'wavy'), 'deprecated hits are underlined wavy');
  check(admitted.length > 0 && admitted.every((t) => t.deco !== 'wavy' && t.border !== 'none'), 'admitted hits are underlined plainly');

  // Concepts are named by a preferred term, the id kept in data-concept (and
  // a title when a term names it); an expected preferred rendering is bold,
  // first, and says so on hover.
  const concepts = await page.evaluate(() => Array.from(document.querySelectorAll('li.note .concept')).map((c) => ({
    id: c.dataset.concept, text: c.textContent, title: c.title })));
  check(concepts.every((c) => c.id && (c.title ? c.title === c.id && c.text !== c.id : c.text === c.id)),
        `concepts show a term and keep their id (${JSON.stringify(concepts.slice(0, 3))})`);
  check(concepts.some((c) => c.title), 'some concept is named by its preferred term');
  const prefs = await page.evaluate(() => Array.from(document.querySelectorAll('li.note .exp bdi.pref')).map((b) => ({
    first: b.parentElement.querySelector('bdi') === b, weight: Number(getComputedStyle(b).fontWeight), title: b.title })));
  check((prefs.length > 0 || !expected.findings.some((f) => f.type === 'deprecated-term')) &&
        prefs.every((p) => p.first && p.weight >= 700 && p.title.length > 0),
        `expected preferred terms come first, bold, with a title (${JSON.stringify(prefs)})`);

  // Bidi: sentence numbers and interface words in a cell are isolated, and
  // every quoted piece of a note (found, expected) is a <bdi> whose direction
  // fits its own text: Latin letters left to right, whatever the version.
  const bidi = await page.evaluate(() => ({
    si: Array.from(document.querySelectorAll('td.v .si, td.v .fm.badge')).filter((el) => getComputedStyle(el).unicodeBidi !== 'isolate').length,
    pieces: Array.from(document.querySelectorAll('li.note .exp > *')).filter((el) => el.tagName !== 'BDI').length,
    latinRtl: Array.from(document.querySelectorAll('li.note .exp > bdi')).filter((el) =>
      /^[\p{Script=Latin}\d\s.,%-]*\p{Script=Latin}/u.test(el.textContent) && getComputedStyle(el).direction !== 'ltr')
      .map((el) => el.textContent),
  }));
  check(bidi.si === 0 && bidi.pieces === 0 && bidi.latinRtl.length === 0,
        `every mixed-direction piece is isolated in its own direction (${JSON.stringify(bidi)})`);

  // Keyboard navigation: j/n forward, k/p back, and the message on focus.
  const anchorIds = await page.evaluate(() => Array.from(document.querySelectorAll('.fm.anchor')).map((a) => a.id));
  const focused = () => page.evaluate(() => document.activeElement && document.activeElement.id);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  check(await focused() === anchorIds[0], `j focuses the first finding (${anchorIds[0]})`);
  const tip = page.locator('#tip');
  check(await tip.isVisible(), 'its message shows on keyboard focus');
  const note0 = await page.evaluate((id) => {
    const a = document.getElementById(id);
    return document.getElementById(a.getAttribute('aria-describedby')).textContent;
  }, anchorIds[0]);
  check((await tip.textContent()) === note0, 'the tooltip says what the note says');
  await page.screenshot({ path: screenshotPath, fullPage: true });
  await page.keyboard.press('n');
  check(await focused() === anchorIds[1], 'n moves to the next finding');
  await page.keyboard.press('k');
  check(await focused() === anchorIds[0], 'k moves back');
  await page.locator('#next').click();
  check(await focused() === anchorIds[1], 'the Next button moves to the next finding');
  await page.locator('#prev').click();
  check(await focused() === anchorIds[0], 'the Previous button moves back');
  await page.keyboard.press('Escape');
  check(!(await tip.isVisible()), 'Escape hides the message');

  // Hover shows the message too.
  await page.mouse.move(0, 0);
  await page.locator(`#${anchorIds[findings - 1]}`).hover();
  check(await tip.isVisible(), 'its message shows on hover');

  // Filters: switching a type off hides its notes, unmarks its spans and takes
  // its marks out of the navigation; switching it on restores them.
  const firstType = await page.locator(`#${anchorIds[0]}`).getAttribute('data-type');
  const ofType = expected.findings.filter((f) => f.type === firstType).length;
  const typeBox = page.locator(`input[data-filter="type"][value="${firstType}"]`);
  await typeBox.uncheck();
  const afterType = await page.evaluate((type) => ({
    visibleNotes: Array.from(document.querySelectorAll(`li.note[data-type="${type}"]`)).filter((n) => n.offsetParent !== null).length,
    focusable: Array.from(document.querySelectorAll(`.fm.anchor[data-type="${type}"]`)).filter((a) => a.tabIndex >= 0).length,
    marked: Array.from(document.querySelectorAll(`.fm[data-type="${type}"]`)).filter((a) =>
      getComputedStyle(a).backgroundColor !== 'rgba(0, 0, 0, 0)' && a.offsetParent !== null).length,
  }), firstType);
  check(afterType.visibleNotes === 0 && afterType.focusable === 0 && afterType.marked === 0,
        `unchecking ${firstType} hides its ${ofType} finding(s) (${JSON.stringify(afterType)})`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  const skipped = await page.evaluate(() => document.activeElement && document.activeElement.dataset.type);
  check(ofType === findings || skipped !== firstType, `navigation skips hidden findings (focused ${skipped})`);
  await typeBox.check();
  const restored = await page.locator(`li.note[data-type="${firstType}"]:visible`).count();
  check(restored === ofType, `checking ${firstType} again shows them (${restored})`);

  const sevBox = page.locator('input[data-filter="severity"][value="warning"]');
  const warnings = expected.summary.by_severity.warning;
  await sevBox.uncheck();
  const visibleNotes = await page.locator('li.note:visible').count();
  check(visibleNotes === findings - warnings, `unchecking warnings leaves ${findings - warnings} notes (${visibleNotes})`);
  await sevBox.check();

  // Languages at fault: one box per version; it composes with the type
  // filter, and navigation skips what it hides.
  const langs = await page.evaluate(() =>
    Array.from(document.querySelectorAll('input[data-filter="lang"]')).map((b) => b.value));
  check(langs.join() === expected.inputs.map((i) => i.lang).join(), `one language box per version (${langs})`);
  check(await page.evaluate(() => Array.from(document.querySelectorAll('[data-f]')).every((el) => el.dataset.lang)),
        'every element of a finding names its language');
  const lastLang = expected.findings[expected.findings.length - 1].lang;
  await page.locator(`input[data-filter="lang"][value="${lastLang}"]`).uncheck();
  await page.locator(`input[data-filter="type"][value="${firstType}"]`).uncheck();
  const keep = expected.findings.filter((f) => f.lang !== lastLang && f.type !== firstType).length;
  const langNotes = await page.locator('li.note:visible').count();
  check(langNotes === keep, `unchecking ${lastLang} and ${firstType} leaves ${keep} notes (${langNotes})`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  const walked = [];
  for (let k = 0; k < Math.max(keep, 1); ++k) {
    await page.keyboard.press('j');
    walked.push(await page.evaluate(() => document.activeElement && [document.activeElement.dataset.lang, document.activeElement.dataset.type]));
  }
  check(keep === 0 || walked.every((w) => w && w[0] !== lastLang && w[1] !== firstType),
        `j walks only the findings left (${JSON.stringify(walked)})`);
  await page.locator(`input[data-filter="lang"][value="${lastLang}"]`).check();
  await page.locator(`input[data-filter="type"][value="${firstType}"]`).check();
  check(await page.locator('li.note:visible').count() === findings, 'checking them again shows every note');

  // The summary's cards filter: a type's card shows that type only, pressed
  // again all; Enter and Space on a severity's card do the same.
  const typeCard = page.locator(`.summary button.card[data-card="type"][data-value="${firstType}"]`);
  await typeCard.click();
  check(await page.locator('li.note:visible').count() === ofType && await typeCard.getAttribute('aria-pressed') === 'true',
        `the ${firstType} card shows only its ${ofType} finding(s)`);
  await typeCard.click();
  check(await page.locator('li.note:visible').count() === findings && await typeCard.getAttribute('aria-pressed') === 'false',
        'pressed again it shows every finding');
  const cardSev = expected.findings[0].severity;
  const ofSev = expected.summary.by_severity[cardSev];
  const sevCard = page.locator(`.summary button.card[data-card="severity"][data-value="${cardSev}"]`);
  await sevCard.focus();
  await page.keyboard.press('Enter');
  check(await page.locator('li.note:visible').count() === ofSev && ofSev > 0, `Enter on the ${cardSev} card shows ${ofSev} notes`);
  await page.keyboard.press(' ');
  check(await page.locator('li.note:visible').count() === findings, 'Space on it again shows every note');

  await page.locator('#only-findings').check();
  const rows = await page.locator('tr.bead:visible').count();
  check(rows === expected.summary.beads_with_findings, `"only beads with findings" shows ${expected.summary.beads_with_findings} rows (${rows})`);
  await page.locator('#only-findings').uncheck();
  check(await page.locator('tr.bead:visible').count() === expected.summary.beads, 'and unchecking it shows every row');
  // Every note carries the finding's fingerprint, the one the JSON gives,
  // on a button that copies it for a baseline file.
  const fingerprints = await page.evaluate(() =>
    Array.from(document.querySelectorAll('li.note button.fp')).map((b) => b.dataset.fp));
  const jsonFingerprints = expected.findings.map((f) => f.fingerprint);
  check(fingerprints.length === findings && [...fingerprints].sort().join() === [...jsonFingerprints].sort().join(),
        `each note has its finding's fingerprint (${fingerprints.length})`);
  const button = page.locator('li.note button.fp').first();
  await button.click();
  check(await button.getAttribute('data-copied') !== null, 'the fingerprint button says it copied');
  const provenance = page.locator('details#provenance');
  await provenance.locator('summary').click();
  const provenanceText = await provenance.textContent();
  check(/official-terms\.tsv/.test(provenanceText) && /[0-9a-f]{12}/.test(provenanceText),
        'the provenance names the termbase with its hash');

  // Links to a bead, a finding or a note land with the target below the
  // sticky toolbar and table header (scroll-margin-top from their measured
  // heights), also when the page is opened at that fragment. A short window
  // makes the page scroll.
  await page.setViewportSize({ width: 1440, height: 420 });
  const lastBead = expected.summary.beads - 1;
  const lastNote = await page.evaluate(() => { const n = document.querySelectorAll('li.note'); return n[n.length - 1].id; });
  for (const id of [`bead-${lastBead}`, anchorIds[findings - 1], lastNote, `bead-${Math.floor(lastBead / 2)}`]) {
    await page.goto('about:blank');
    await page.goto(`${url}#${id}`, { waitUntil: 'load' });
    await page.waitForTimeout(100);
    const at = await page.evaluate((id) => {
      const el = document.getElementById(id);
      const head = document.querySelector('table.beads thead th').getBoundingClientRect();  // the sticky cells
      const r = el.getBoundingClientRect();
      return { top: r.top, headBottom: head.bottom, height: innerHeight };
    }, id);
    check(at.top >= at.headBottom - 1 && at.top < at.height, `#${id} lands below the sticky header (${JSON.stringify(at)})`);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // The filters and the finding last visited are kept in the URL's fragment
  // (replaceState), and a reload restores both.
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.locator(`input[data-filter="type"][value="${firstType}"]`).uncheck();
  await page.locator('#only-findings').check();
  const hashAfterFilter = await page.evaluate(() => location.hash);
  check(hashAfterFilter.includes(`hide=type:${firstType}`) && hashAfterFilter.includes('only=1'),
        `the filters are in the URL (${hashAfterFilter})`);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  const visited = await focused();
  const hashAfterMove = await page.evaluate(() => location.hash);
  check(hashAfterMove.startsWith(`#${visited}&`), `the finding visited is in the URL (${hashAfterMove})`);
  await page.reload({ waitUntil: 'load' });
  await page.waitForTimeout(100);
  const reloaded = await page.evaluate((type) => ({
    box: document.querySelector(`input[data-filter="type"][value="${type}"]`).checked,
    only: document.getElementById('only-findings').checked,
    focused: document.activeElement && document.activeElement.id,
    top: document.activeElement ? document.activeElement.getBoundingClientRect().top : -1,
    hiddenNotes: Array.from(document.querySelectorAll(`li.note[data-type="${type}"]`)).filter((n) => n.offsetParent !== null).length,
  }), firstType);
  check(!reloaded.box && reloaded.only && reloaded.hiddenNotes === 0, `a reload restores the filters (${JSON.stringify(reloaded)})`);
  check(reloaded.focused === visited && reloaded.top >= 0 && reloaded.top < 900,
        `a reload focuses the finding in the URL and scrolls to it (${JSON.stringify(reloaded)})`);
  await page.locator(`input[data-filter="type"][value="${firstType}"]`).check();
  await page.locator('#only-findings').uncheck();
  const hashCleared = await page.evaluate(() => location.hash);
  check(hashCleared === `#${visited}`, `with every filter on the URL names only the finding (${hashCleared})`);

  // A phone (390 px): each version's cell stacks full width under its
  // language's name, and the page does not scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('about:blank');
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(100);
  const phone = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    cells: Array.from(document.querySelectorAll('td.v')).map((td) => ({
      width: td.getBoundingClientRect().width, label: getComputedStyle(td, '::before').content })),
  }));
  check(phone.scrollWidth <= 390, `no sideways scrolling at 390 px (page ${phone.scrollWidth} px wide)`);
  check(phone.cells.length > 0 && phone.cells.every((c) => c.width >= 330),
        `every cell is full width at 390 px (${Math.min(...phone.cells.map((c) => Math.round(c.width)))} px)`);
  check(phone.cells.every((c) => c.label.length > 2 && c.label !== 'none'), 'every stacked cell shows its language');
  await page.screenshot({ path: screenshotPath.replace(/\.png$/, '-390.png'), fullPage: true });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('j');
  const tipBox = await page.evaluate(() => { const r = document.getElementById('tip').getBoundingClientRect(); return { left: r.left, right: r.right }; });
  check(tipBox.left >= 0 && tipBox.right <= 390, `the tooltip fits a phone (${JSON.stringify(tipBox)})`);
  await page.setViewportSize({ width: 1440, height: 900 });
  check(dialogs.length === 0 && errors.length === 0, 'still no dialog and no error after interaction');
}

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log(`all checks passed; screenshot: ${screenshotPath}`);
