// procurement-precheck/attach in Chromium (issue 11 item 3): attach() checks the fields with the
// small fields module from the first keystroke, and brings in the rest of the package (the
// default entry, its .wasm: qualification, catalogue) only when its options ask for
// checkSupplier, in the background. A submit that comes while checkSupplier is still loading is
// held, then submitted again and checked in full once it is there; when the rest cannot be
// loaded the fields alone decide. The page is tests/browser/pages/attach-entry.html (the package
// through an import map, as a page without a bundler would have it), once with the entry's
// modules as shipped (attach-entry.js) and once with its minified single file (attach.min.js,
// which brings in index.min.js).
//
// Needs the tarball installed into target/npm/consumer (scripts/test.sh does that first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { useConsumerPages } from './harness.mjs';

const MAIN_WASM = /\/procurement_precheck_bg\.wasm$/;
const FIELDS_WASM = /\/procurement_precheck_fields_bg\.wasm$/;
const MAIN_JS = /\/procurement-precheck\/index(\.min)?\.js$/;
const PAGE = readFileSync(new URL('./pages/attach-entry.html', import.meta.url), 'utf8');
const h = useConsumerPages();

/**
 * Opens the page; `mainWasm` decides what happens to the default entry's .wasm request: 'serve',
 * 'hold' (until `release()`), or 'abort'. Returns the page, the URLs requested, release() and the errors.
 */
async function open(variant, query, mainWasm = 'serve') {
  const page = await h.browser.newPage();
  if (variant.min) { // the same page, its import map on the minified file
    await page.route(/\/pages\/attach-entry\.html/, (route) => route.fulfill({ contentType: 'text/html',
      body: PAGE.replace('/procurement-precheck/attach-entry.js', '/procurement-precheck/attach.min.js') }));
  }
  const requests = [];
  const pageErrors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let release;
  const released = new Promise((r) => { release = r; });
  await page.route(MAIN_WASM, async (route) => {
    if (mainWasm === 'abort') return route.abort();
    if (mainWasm === 'hold') await released;
    return route.continue();
  });
  await page.goto(`${h.server.origin}/pages/attach-entry.html${query}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  return { page, requests, release, pageErrors };
}

const state = (page, sel) => page.evaluate((s) => {
  const el = document.querySelector(s);
  const msg = document.getElementById((el.getAttribute('aria-describedby') ?? '').split(' ').at(-1));
  return { invalid: el.getAttribute('aria-invalid') === 'true', message: msg?.textContent ?? null };
}, sel);

/** Types `value` into the input (each keystroke an input event; debounce is 0 on this page). */
async function type(page, sel, value) {
  await page.fill(sel, '');
  await page.locator(sel).pressSequentially(value);
}

const submitted = (page) => page.evaluate(() => Number(document.body.dataset.submitted ?? 0));
const reports = (page) => page.evaluate(() => globalThis.t.reports);

for (const v of [{ name: 'attach-entry.js', min: false }, { name: 'attach.min.js', min: true }]) {
  test(`${v.name}: fields only: the first keystrokes are checked by the fields module; the rest is never fetched`, async () => {
    const { page, requests, pageErrors } = await open(v, '');
    await type(page, '[name=dm]', '91110000600037341N'); // a wrong check character
    const s = await state(page, '[name=dm]');
    assert.equal(s.invalid, true);
    assert.match(s.message, /校验码/);
    assert.deepEqual(requests.filter((u) => FIELDS_WASM.test(u)), [], 'the fields module came inside the entry: no .wasm fetched');
    await type(page, '[name=dm]', '91110000600037341L');
    assert.equal((await state(page, '[name=dm]')).invalid, false);
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    assert.deepEqual((await reports(page)).map((r) => [r.blocked, r.pending, r.verdict]), [[false, false, null]]);
    assert.equal(await page.evaluate(() => globalThis.t.completed()), 'true');
    assert.deepEqual(requests.filter((u) => MAIN_WASM.test(u) || MAIN_JS.test(u)), [],
      'neither the default entry nor its .wasm was requested');
    const fromPackage = requests.filter((u) => u.includes('/node_modules/procurement-precheck/'))
      .map((u) => u.slice(u.lastIndexOf('/') + 1));
    if (v.min) assert.deepEqual(fromPackage, ['attach.min.js'], 'one request');
    else assert.ok(fromPackage.includes('attach-entry.js') && fromPackage.length > 2, fromPackage.join(' '));
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`${v.name}: with checkSupplier: the fields answer while the rest loads; a submit waits for it, then is checked in full`, async () => {
    const { page, requests, release, pageErrors } = await open(v, '?application=1', 'hold');
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => /\/index(\.min)?\.js$/.test(e.name)));
    // The default entry's .wasm is held: the fields are checked all the same.
    await type(page, '[name=sj]', '1380013800'); // ten digits
    assert.equal((await state(page, '[name=sj]')).invalid, true);
    await type(page, '[name=sj]', '13800138000');
    assert.equal((await state(page, '[name=sj]')).invalid, false);
    await page.selectOption('[name=sx]', 'true'); // a judgment defaulter: checkSupplier fails it
    await page.click('button[type=submit]');
    await page.waitForFunction(() => globalThis.t.reports.length === 1);
    assert.deepEqual(await reports(page), [{ blocked: true, valid: true, pending: true, verdict: null, codes: [] }],
      'held: the fields pass, checkSupplier is not there yet');
    assert.equal(await submitted(page), 0, 'the portal\'s handler did not get the held submit');
    assert.equal(await page.evaluate(() => globalThis.t.completed()), 'waiting');
    assert.ok(requests.some((u) => MAIN_WASM.test(u)), 'the rest was requested');

    release();
    await page.waitForFunction(() => globalThis.t.reports.length === 2);
    const [, full] = await reports(page);
    assert.equal(full.pending, false);
    assert.equal(full.verdict, 'fail');
    assert.equal(full.blocked, true);
    assert.ok(full.codes.some((c) => c.startsWith('reputation_and_accounting.')), full.codes.join(' '));
    assert.equal(await submitted(page), 0, 'blocked by checkSupplier');
    assert.match(await page.textContent('#jg'), /失信被执行人/);
    assert.equal(await page.evaluate(() => globalThis.t.completed()), 'true');

    // Fixed: the next submit is checked in full at once and reaches the portal.
    await page.selectOption('[name=sx]', 'false');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    const last = (await reports(page)).at(-1);
    assert.deepEqual([last.blocked, last.pending, last.verdict], [false, false, 'pass']);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`${v.name}: a held submit that passes in full reaches the portal once checkSupplier arrives`, async () => {
    const { page, release, pageErrors } = await open(v, '?application=1', 'hold');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => globalThis.t.reports.length === 1);
    assert.equal(await submitted(page), 0);
    release();
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    const r = await reports(page);
    assert.deepEqual(r.map((x) => [x.blocked, x.pending, x.verdict]), [[true, true, null], [false, false, 'pass']]);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`${v.name}: without requestSubmit (Safari before 16), a held submit still reaches the portal's own handler, from the same button`, async () => {
    const { page, release, pageErrors } = await open(v, '?application=1', 'hold');
    await page.evaluate(() => Object.defineProperty(HTMLFormElement.prototype, 'requestSubmit', { value: undefined, configurable: true }));
    await page.click('button[type=submit]');
    await page.waitForFunction(() => globalThis.t.reports.length === 1);
    assert.equal(await submitted(page), 0, 'held');
    release();
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    assert.equal(await page.evaluate(() => document.body.dataset.submitter), '提交', 'the button the applicant pressed');
    assert.deepEqual((await reports(page)).map((x) => [x.blocked, x.pending, x.verdict]), [[true, true, null], [false, false, 'pass']]);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`${v.name}: without requestSubmit, a held submit that had no button is sent through a hidden one, removed after`, async () => {
    const { page, release, pageErrors } = await open(v, '?application=1', 'hold');
    await page.evaluate(() => { // a portal script submits the form itself (no submitter); then no requestSubmit
      const requestSubmit = HTMLFormElement.prototype.requestSubmit;
      Object.defineProperty(HTMLFormElement.prototype, 'requestSubmit', { value: undefined, configurable: true });
      requestSubmit.call(document.querySelector('#f'));
    });
    await page.waitForFunction(() => globalThis.t.reports.length === 1);
    assert.equal(await submitted(page), 0, 'held');
    release();
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    assert.equal(await page.evaluate(() => document.body.dataset.submitter), '', 'the hidden button, which says nothing');
    assert.equal(await page.evaluate(() => document.querySelectorAll('#f button').length), 1, 'only the portal\'s own button is left');
    assert.deepEqual((await reports(page)).map((x) => [x.blocked, x.pending, x.verdict]), [[true, true, null], [false, false, 'pass']]);
    assert.deepEqual(pageErrors, []);
    await page.close();
  });

  test(`${v.name}: the rest cannot be loaded: the fields still decide, the held submit goes through, complete is false`, async () => {
    const { page, pageErrors } = await open(v, '?application=1', 'abort');
    await page.waitForFunction(() => globalThis.t.completed() !== 'waiting');
    assert.equal(await page.evaluate(() => globalThis.t.completed()), 'false');
    await type(page, '[name=dm]', '91110000600037341N');
    assert.equal((await state(page, '[name=dm]')).invalid, true, 'the fields module still checks');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => globalThis.t.reports.length === 1);
    assert.equal((await reports(page))[0].blocked, true, 'a bad field blocks as before');
    await type(page, '[name=dm]', '91110000600037341L');
    await page.click('button[type=submit]');
    await page.waitForFunction(() => document.body.dataset.submitted === '1');
    assert.deepEqual((await reports(page)).at(-1), { blocked: false, valid: true, pending: false, verdict: null, codes: [] });
    assert.deepEqual(pageErrors, []);
    await page.close();
  });
}

// The fields module, inside the entry, cannot be compiled: in a browser without WebAssembly
// (Safari's Lockdown Mode turns it off), or when its text arrives damaged (a proxy, a bad copy).
const BROKEN = {
  'no WebAssembly': (page) => page.addInitScript(() => { delete globalThis.WebAssembly; }),
  'its text damaged': (page) => page.route(/\/procurement-precheck\/fields-entry\.js$/, async (route) => {
    const response = await route.fetch();
    const body = await response.text();
    assert.ok(body.includes('text:"'), 'fields-entry.js holds the text');
    await route.fulfill({ response, body: body.replace('text:"', 'text:"!!!!') });
  }),
};
for (const [how, arrange] of Object.entries(BROKEN)) test(`the fields module itself cannot be compiled (${how}): attach leaves the form alone and it submits`, async () => {
  const page = await h.browser.newPage();
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  await arrange(page);
  await page.goto(`${h.server.origin}/pages/attach-entry.html?application=1`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  assert.equal(await page.evaluate(() => globalThis.t.handle.unavailable), true);
  assert.equal(await page.evaluate(() => globalThis.t.ready), false);
  await page.fill('[name=dm]', '91110000600037341N');
  await page.click('button[type=submit]');
  await page.waitForFunction(() => document.body.dataset.submitted === '1');
  assert.equal(await page.getAttribute('[name=dm]', 'aria-invalid'), null, 'nothing checked');
  assert.deepEqual(pageErrors, []);
  await page.close();
});
