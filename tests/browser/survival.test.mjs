// A page that survives: a portal page whose app imports the package still mounts, and its form
// still submits, when the module cannot be loaded — its .wasm deleted (404), served as
// text/plain, blocked by a CSP without 'wasm-unsafe-eval', or no WebAssembly at all — for the
// default entry and the entries that hold their module inside: the single-file variant,
// /fields, /attach (survive.html?entry=…). Then the checks throw a PrecheckError
// "unavailable", attach() leaves the form alone and fires precheck:unavailable, the adapters pass
// values through. A control with the .wasm served properly shows the same page blocks a bad
// submission (so the "submits" below is not the page ignoring the pre-check).
//
// Needs the tarball installed into target/npm/consumer (scripts/test.sh does that first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useConsumerPages } from './harness.mjs';

const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'";

/** The page's query (?wasm=missing|text, ?csp=no-wasm-eval) decides how the .wasm is served:
 *  the .wasm request carries the page's URL as its referrer. */
function respond(req, file) {
  const page = new URL(req.url, 'http://x').pathname.endsWith('.html') ? req.url : req.headers.referer ?? '';
  const q = new URL(page, 'http://x').searchParams;
  const csp = q.get('csp') === 'no-wasm-eval' ? CSP.replace(" 'wasm-unsafe-eval'", '') : CSP;
  const out = { headers: { 'Content-Security-Policy': csp } };
  if (file?.endsWith('.wasm') && q.get('wasm') === 'missing') out.status = 404;
  if (file?.endsWith('.wasm') && q.get('wasm') === 'text') out.type = 'text/plain';
  return out;
}

const h = useConsumerPages(respond);

/** Clicks the form's submit button: "blocked" (attach stopped it) or "submitted" (the portal's handler ran). */
function submit(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const f = document.querySelector('#f');
    delete document.body.dataset.submitted;
    f.addEventListener('precheck:report', (e) => { if (e.detail.blocked) resolve('blocked'); }, { once: true });
    f.addEventListener('submit', () => setTimeout(() => resolve(document.body.dataset.submitted ? 'submitted' : 'not sent')), { once: true });
    f.querySelector('button').click();
  }));
}

/** Opens the host page, returns what its app logged, how a bad and a good USCC submit, and the errors. */
async function host(path, { noWebAssembly = false, oldChromium = false } = {}) {
  const page = await h.browser.newPage();
  const pageErrors = [];
  const warnings = [];
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  if (noWebAssembly) await page.addInitScript(() => { delete globalThis.WebAssembly; });
  // Chromium before 114: `new WebAssembly.Module` on the main thread refuses more than 4 KB.
  if (oldChromium) {
    await page.addInitScript(() => {
      const Module = WebAssembly.Module;
      globalThis.__refused = 0;
      WebAssembly.Module = function (bytes) {
        if (bytes.byteLength > 4096) {
          globalThis.__refused++;
          throw new RangeError('WebAssembly.Module(): Buffer size exceeds the compile limit');
        }
        return new Module(bytes);
      };
      WebAssembly.Module.prototype = Module.prototype;
    });
  }
  await page.goto(`${h.server.origin}${path}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const mounted = await page.textContent('#app');
  const log = JSON.parse(await page.textContent('#out'));
  const refused = await page.evaluate(() => globalThis.__refused);
  const bad = await submit(page); // the field holds a USCC with a wrong check character
  await page.fill('[name=uscc]', '91110000600037341L');
  const good = await submit(page);
  await page.close();
  return { mounted, log, bad, good, pageErrors, warnings, refused };
}

const AVAILABLE = { attached: true, ready: true, available: true, check: 'ok', catalogue: 'ok', rule: 'reject', schema: 'issues' };
const UNAVAILABLE = { attached: false, ready: false, available: false, check: 'PrecheckError:unavailable',
  catalogue: 'PrecheckError:unavailable', rule: 'pass', schema: 'value', event: 'PrecheckError:unavailable' };

function assertUnavailable(r, expected = UNAVAILABLE) {
  assert.equal(r.mounted, 'mounted');
  assert.deepEqual(r.log, expected);
  assert.equal(r.bad, 'submitted', 'attach() does not block the submit');
  assert.equal(r.good, 'submitted');
  assert.deepEqual(r.pageErrors, [], 'no uncaught error: the import did not reject');
  assert.ok(r.warnings.some((w) => w.includes('procurement-precheck')), r.warnings.join('\n'));
}

test('control: with the .wasm served properly the same page checks and blocks a bad submit', async () => {
  const r = await host('/pages/survive.html');
  assert.equal(r.mounted, 'mounted');
  assert.deepEqual(r.log, AVAILABLE);
  assert.equal(r.bad, 'blocked');
  assert.equal(r.good, 'submitted');
  assert.deepEqual(r.pageErrors, []);
});

test('the .wasm deleted (404): the page mounts, checks are unavailable, the form submits', async () => {
  assertUnavailable(await host('/pages/survive.html?wasm=missing'));
});

test('a CSP without wasm-unsafe-eval: the page mounts, checks are unavailable, the form submits', async () => {
  assertUnavailable(await host('/pages/survive.html?csp=no-wasm-eval'));
});

test('no WebAssembly at all: the page mounts, checks are unavailable, the form submits', async () => {
  assertUnavailable(await host('/pages/survive.html', { noWebAssembly: true }));
});

test('the .wasm served as text/plain: the glue falls back to compiling the bytes; the page works', async () => {
  // wasm-bindgen's loader retries with WebAssembly.instantiate when only the MIME type is wrong
  // (and warns); a wrong type is therefore not an outage — the checks run and block as usual.
  const r = await host('/pages/survive.html?wasm=text');
  assert.ok(r.warnings.some((w) => w.includes('application/wasm')), 'the wrong type was served and noticed');
  assert.equal(r.mounted, 'mounted');
  assert.deepEqual(r.log, AVAILABLE);
  assert.equal(r.bad, 'blocked');
  assert.equal(r.good, 'submitted');
  assert.deepEqual(r.pageErrors, []);
});

test('single-file variant under a CSP without wasm-unsafe-eval: the page mounts and submits', async () => {
  assertUnavailable(await host('/pages/survive.html?entry=procurement-precheck.inline.js&csp=no-wasm-eval'));
});

test('single-file variant with no WebAssembly: the page mounts and submits', async () => {
  assertUnavailable(await host('/pages/survive.html?entry=procurement-precheck.inline.js', { noWebAssembly: true }));
});

// Where a synchronous compile of the module is refused, the single-file variant compiles it
// asynchronously: the checks answer once `ready` has resolved. attach() called before that
// (this page calls it at once) finds the module not there yet and leaves the form alone.
test('single-file variant where large synchronous compiles are refused (Chromium before 114, simulated): ready resolves true, the checks answer', async () => {
  const r = await host('/pages/survive.html?entry=procurement-precheck.inline.js', { oldChromium: true });
  assert.equal(r.refused, 1, 'the synchronous compile was tried and refused');
  assert.equal(r.mounted, 'mounted');
  assert.deepEqual(r.log, { ...AVAILABLE, attached: false, event: 'PrecheckError:unavailable' });
  assert.equal(r.good, 'submitted');
  assert.deepEqual(r.pageErrors, []);
});

// The entries that hold the fields module inside as text (/fields, /attach and their minified
// files): nothing to delete or mistype, but a CSP without 'wasm-unsafe-eval' or no WebAssembly
// stops the decoder and the module alike. /fields has no attach, neither has the catalogue or
// the adapters ('absent').
const ENTRIES = [['fields-entry.js', false], ['fields.min.js', false], ['attach-entry.js', true], ['attach.min.js', true]];
const absent = (attach) => ({ catalogue: 'absent', rule: 'absent', schema: 'absent', ...(attach ? {} : { attached: 'absent' }) });
for (const [entry, attach] of ENTRIES) {
  test(`${entry}, control: served properly, the page checks${attach ? ' and blocks a bad submit' : ''}`, async () => {
    const r = await host(`/pages/survive.html?entry=${entry}`);
    assert.equal(r.mounted, 'mounted');
    assert.deepEqual(r.log, { ...AVAILABLE, ...absent(attach) });
    assert.equal(r.bad, attach ? 'blocked' : 'submitted');
    assert.deepEqual(r.pageErrors, []);
  });
  for (const [how, path, opts] of [['a CSP without wasm-unsafe-eval', `/pages/survive.html?entry=${entry}&csp=no-wasm-eval`, {}],
    ['no WebAssembly', `/pages/survive.html?entry=${entry}`, { noWebAssembly: true }]]) {
    test(`${entry} with ${how}: the page mounts, checks are unavailable, the form submits`, async () => {
      const r = await host(path, opts);
      const { event, ...rest } = UNAVAILABLE;
      assertUnavailable(r, { ...rest, ...(attach ? { event } : {}), ...absent(attach) });
    });
  }
}
