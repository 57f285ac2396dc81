// The demo's failure path (issue 15 item 6): what a portal shows when the pre-checks are
// unavailable. The demo page www/index.html is opened with its .wasm request aborted (as after a
// deploy that lost the file); the page still mounts, shows a polite notice in its language that
// the checks are unavailable and the form can still be submitted, checks nothing, and its form
// submits. Then the same page through its own toggle, index.html?wasm=blocked (a CSP without
// 'wasm-unsafe-eval': the .wasm arrives but the browser refuses to compile it). The control is
// demo.test.mjs: with the .wasm served the notice stays hidden and a bad value is an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, waitForText as waitFor } from './harness.mjs';

const aborted = [];
const h = usePage('index.html', {
  beforeGoto: (page) => page.route('**/*.wasm', (route) => { aborted.push(route.request().url()); return route.abort(); }),
});

const text = (sel) => h.page.locator(sel).innerText();
const waitForText = (sel, ...parts) => waitFor(h.page, sel, ...parts);

async function enter(page, sel, value) {
  await page.locator(sel).fill(value);
  await page.locator(sel).blur();
}

/** Clicks submit; the demo's handler shows the "submitted" banner (it never sends anything). */
async function submit(page) {
  const url = page.url();
  await page.click('#submit');
  await page.waitForSelector('#summary[data-submitted="1"]:not([hidden])');
  assert.equal(page.url(), url, 'the demo does not navigate');
}

test('the .wasm was requested and failed; the page mounted anyway', async () => {
  assert.ok(aborted.some((u) => u.endsWith('/pkg/procurement_precheck_bg.wasm')), aborted.join(' '));
  assert.equal(await h.page.evaluate(() => document.body.dataset.ready), '1');
  assert.equal(await h.page.locator('#loading').isVisible(), false, 'the loading line is gone');
});

test('a polite notice says the pre-checks are unavailable and the form can still be submitted', async () => {
  const notice = h.page.locator('#unavailable');
  assert.equal(await notice.isVisible(), true);
  assert.equal(await notice.getAttribute('role'), 'status', 'a polite live region, not an alert');
  const words = await notice.innerText();
  assert.match(words, /在线预检暂不可用/);
  assert.match(words, /仍可照常填写并提交/);
  assert.match(await text('#pp-version'), /未加载/);
  assert.equal(await h.page.locator('#verdict').getAttribute('data-verdict'), 'unavailable');
  assert.match(await text('#verdict-text'), /暂不可用/);
  assert.equal(await h.page.locator('#genUpper').isDisabled(), true, 'the generator needs the package');
});

test('nothing is checked: a wrong USCC and empty required fields show no error', async () => {
  await enter(h.page, '#uscc', '91110000600037341N');
  await enter(h.page, '#mobile', '');
  assert.equal(await text('#uscc-msg'), '');
  assert.equal(await h.page.locator('#uscc').getAttribute('aria-invalid'), null);
  assert.equal(await h.page.locator('.finding').count(), 0);
});

test('the form submits: the banner says it was submitted without the pre-check', async () => {
  await submit(h.page);
  await waitForText('#summary', '注册信息已提交', '未经在线预检');
  assert.equal(await h.page.locator('#summary').getAttribute('data-errors'), null, 'no pre-check summary');
  assert.equal(await h.page.locator('.finding').count(), 0);
});

test('in English the notice and the banner are English, with no Chinese', async () => {
  await h.page.selectOption('#locale', 'en');
  await waitForText('#unavailable', 'Online pre-checks are unavailable');
  for (const sel of ['#unavailable', '#summary', '#verdict-text', '#verdict-meta', '#pp-version']) {
    const words = await text(sel);
    assert.doesNotMatch(words, /\p{Script=Han}/u, `${sel}: ${words}`);
  }
  assert.match(await text('#summary'), /submitted without the online pre-check/);
  await h.page.selectOption('#locale', 'zh-TW');
  await waitForText('#unavailable', '線上預檢暫不可用');
  await h.page.selectOption('#locale', 'zh-CN');
  await waitForText('#unavailable', '在线预检暂不可用');
});

test('no page error; the only console errors are the failed .wasm load', () => {
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors.filter((m) => !/Failed to load resource/.test(m)), []);
});

test('the toggle: index.html?wasm=blocked shows the same failure path, and links back', async () => {
  const page = await h.page.context().newPage();
  const consoleErrors = [];
  const warnings = [];
  const pageErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  const wasmStatus = [];
  page.on('response', (r) => { if (r.url().endsWith('.wasm')) wasmStatus.push(r.status()); });
  try {
    // The toggle is a link on the normal page.
    assert.equal(await h.page.locator('#wasmToggle').getAttribute('href'), '?wasm=blocked');
    await page.goto(`${h.origin}/index.html?wasm=blocked`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    assert.equal(await page.locator('#unavailable').isVisible(), true);
    assert.match(await page.locator('#unavailable').innerText(), /在线预检暂不可用/);
    assert.equal(await page.locator('#wasmToggle').getAttribute('href'), '/index.html');
    assert.match(await page.locator('#wasmToggle').innerText(), /恢复正常/);
    await enter(page, '#uscc', '91110000600037341N');
    assert.equal(await page.locator('.finding').count(), 0);
    await submit(page);
    assert.deepEqual(pageErrors, []);
    assert.deepEqual(consoleErrors, []);
    // The .wasm arrived, and the browser refused to compile it under the page's policy (the
    // package's one warning says why).
    assert.deepEqual(wasmStatus, [200], 'this page is not routed: its .wasm was served');
    assert.ok(warnings.some((m) => /could not be loaded/.test(m) && /Content Security/i.test(m)), warnings.join(' | '));
  } finally {
    await page.close();
  }
});
