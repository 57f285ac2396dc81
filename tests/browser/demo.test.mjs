// Drives the demo page www/index.html in Debian's Chromium through playwright-core.
//
//   node --test tests/browser/
//
// Needs: /usr/bin/chromium (Debian's package; never `playwright install`), python3 (serves www/
// on 127.0.0.1), and the built package copied to www/pkg/. Runs from any working directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const wwwDir = join(repoRoot, 'www');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const SCREENSHOT = process.env.DEMO_SCREENSHOT ?? join(tmpdir(), 'demo.png');

// Chromium starts slowly on a 2-core machine; every wait is on a condition, with room to spare.
const STEP_TIMEOUT = 30_000;

let server;
let serverExit;
let origin;
let userDataDir;
let context;
let page;
const requests = [];
const pageErrors = [];
const consoleErrors = [];

/** A free TCP port on 127.0.0.1. */
async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

async function waitForServer(url, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`http.server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) { await res.arrayBuffer(); return; }
      lastError = new Error(`HTTP ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval while the server starts
  }
  throw new Error(`server at ${url} did not answer: ${lastError?.message}`);
}

before(async () => {
  assert.ok(existsSync(join(wwwDir, 'index.html')), 'www/index.html is missing');
  assert.ok(
    existsSync(join(wwwDir, 'pkg', 'index.js')),
    'www/pkg/ is missing: build the package and copy pkg/ to www/pkg/ first',
  );
  assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', wwwDir], {
    stdio: ['ignore', 'ignore', 'ignore'],
  });
  serverExit = once(server, 'exit');
  await waitForServer(`${origin}/index.html`, 20_000);

  userDataDir = await mkdtemp(join(tmpdir(), 'precheck-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    timeout: 120_000,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  // Every request of every page and worker of this context, by URL.
  context.on('request', (req) => requests.push(req.url()));

  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (err) => pageErrors.push(err));
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });

  await page.goto(`${origin}/index.html`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
}, { timeout: 180_000 });

after(async () => {
  await context?.close().catch(() => {});
  if (server && server.exitCode === null && server.signalCode === null) {
    server.kill('SIGTERM');
    await serverExit;
  }
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

const text = (sel) => page.locator(sel).innerText();

/** Types a value into a field the way a user would finish it: fill, then leave the field. */
async function enter(sel, value) {
  const input = page.locator(sel);
  await input.fill(value);
  await input.blur();
}

/** Waits until the element's text contains every one of `parts`. */
async function waitForText(sel, ...parts) {
  await page.waitForFunction(
    ([s, ps]) => {
      const el = document.querySelector(s);
      return !!el && ps.every((p) => el.textContent.includes(p));
    },
    [sel, parts],
  );
}

test('the page loads the package and shows its version and the privacy line', async () => {
  const line = await text('#precheck-line');
  assert.match(line, /procurement-precheck v\d+\.\d+\.\d+/);
  assert.match(line, /所有校验在您的浏览器内完成，数据不会上传/);
  assert.equal(await page.title(), '供应商注册 - XX省政府采购网');
});

test('a USCC with a wrong check character is an error naming the expected character', async () => {
  await enter('#uscc', '91110000600037341N');
  await waitForText('#uscc-msg', '校验码');
  const msg = await text('#uscc-msg');
  assert.match(msg, /“L”/, msg);
  assert.match(msg, /GB 32100-2015/, 'the legal basis is shown');
  assert.equal(await page.locator('#uscc').getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('#uscc').getAttribute('aria-describedby'), /\buscc-msg\b/);
  assert.equal(await page.locator('#uscc-msg .finding.error').count(), 1);
});

test('a correct USCC shows its decoded summary and no error', async () => {
  await enter('#uscc', '91110000600037341L');
  await waitForText('#uscc-info', '市场监管 · 企业 · 北京市');
  assert.match(await text('#uscc-info'), /60003734-1/, 'the embedded organisation code is shown');
  assert.equal(await page.locator('#uscc-msg .finding.error').count(), 0);
  assert.equal((await text('#uscc-msg')).trim(), '');
  assert.equal(await page.locator('#uscc').getAttribute('aria-invalid'), null);
});

test('an ID card number typed into the USCC field is recognised as one', async () => {
  await enter('#uscc', '362322198709086409');
  await waitForText('#uscc-msg', '身份证');
  assert.equal(await page.locator('#uscc').getAttribute('aria-invalid'), 'true');
  assert.equal((await text('#uscc-info')).trim(), '', 'no decoded info for a failing value');
});

test('a normalised value is shown, and the input is left as typed', async () => {
  // The package reports the case change itself (a field.normalized finding, severity info).
  await enter('#uscc', '91110000600037341l');
  await waitForText('#uscc-msg', '规范为', '91110000600037341L');
  await waitForText('#uscc-info', '市场监管 · 企业 · 北京市');
  assert.equal(await page.locator('#uscc-msg .finding.info').count(), 1);
  assert.equal(await page.locator('#uscc').inputValue(), '91110000600037341l');
  // No finding for the hyphen the organisation code gains: the page says it beside the field.
  await enter('#orgCode', '600037341');
  await waitForText('#orgCode-info', '已规范为', '60003734-1');
  assert.equal(await page.locator('#orgCode').inputValue(), '600037341');
});

test('switching to English re-runs the checks with English messages', async () => {
  await enter('#uscc', '91110000600037341N');
  await waitForText('#uscc-msg', '校验码');
  await page.selectOption('#locale', 'en');
  await page.waitForFunction(() => /\blast character\b/.test(document.querySelector('#uscc-msg').textContent));
  const msg = await text('#uscc-msg');
  assert.match(msg, /"L"/, msg);
  assert.doesNotMatch(msg, /\p{Script=Han}/u, `English message expected: ${msg}`);
  assert.equal(await text('label[for="uscc"] .label-text'), 'Unified social credit code');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');

  await page.selectOption('#locale', 'zh-TW');
  await waitForText('#uscc-msg', '檢查碼');

  await page.selectOption('#locale', 'zh-CN');
  await waitForText('#uscc-msg', '校验码');
});

test('生成大写 fills the registered capital in words, which then checks out', async () => {
  await page.selectOption('#capitalUnit', 'yuan');
  await enter('#capital', '107000.53');
  await waitForText('#capital-info', '壹拾万零柒仟元伍角叁分', '107000.53');
  await page.click('#genUpper');
  await page.waitForFunction(() => document.querySelector('#capitalUpper').value !== '');
  const upper = await page.locator('#capitalUpper').inputValue();
  assert.ok(['壹拾万零柒仟元伍角叁分', '壹拾万柒仟元零伍角叁分'].includes(upper), upper);
  await waitForText('#capitalUpper-info', '与小写金额一致');
  assert.equal(await page.locator('#capitalUpper-msg .finding.error').count(), 0);

  // Changing the figures makes the words disagree.
  await enter('#capital', '107000.50');
  await waitForText('#capitalUpper-msg', '不一致');
  assert.equal(await page.locator('#capitalUpper').getAttribute('aria-invalid'), 'true');
  await enter('#capital', '107000.53');
  await page.waitForFunction(() => document.querySelector('#capitalUpper-msg').textContent === '');
});

test('checks also run while typing (debounced), and an empty field clears on input', async () => {
  const mobile = page.locator('#mobile');
  await mobile.focus();
  await mobile.pressSequentially('1380013800');
  await page.waitForFunction(() => document.querySelector('#mobile-msg .finding.error') !== null);
  assert.equal(await mobile.getAttribute('aria-invalid'), 'true');
  await mobile.press('End');
  await mobile.press('0');
  await page.waitForFunction(() => document.querySelector('#mobile-msg').textContent === ''
    && document.querySelector('#mobile-info').textContent.includes('手机号码'));
  await mobile.fill('');
  await page.waitForFunction(() => document.querySelector('#mobile-info').textContent === '');
  assert.equal(await text('#mobile-msg'), '');
  // Leaving the empty required field says it is required.
  await mobile.blur();
  await waitForText('#mobile-msg', '请填写联系手机');
});

test('submit checks every field, shows a summary and does not submit', async () => {
  const url = page.url();
  await page.click('#submit');
  await page.waitForSelector('#summary:not([hidden])');
  const errors = Number(await page.locator('#summary').getAttribute('data-errors'));
  assert.ok(errors >= 1, 'the empty required fields are errors');
  assert.match(await text('#summary'), /个错误/);
  await waitForText('#supplierName-msg', '请填写供应商名称');
  await waitForText('#idNumber-msg', '请填写法定代表人身份证号码');
  assert.equal(await text('#orgCode-msg'), '', 'an empty optional field is no error');
  assert.equal(page.url(), url, 'the page did not navigate');
});

test('a fully and correctly filled form passes', async () => {
  await enter('#supplierName', '北京某某科技有限公司');
  await enter('#uscc', '91110000600037341L');
  await enter('#orgCode', '600037341');
  await enter('#capital', '107000.53');
  await page.click('#genUpper');
  await page.waitForFunction(() => document.querySelector('#capitalUpper').value !== '');
  await enter('#established', '2015-10-01');
  await waitForText('#established-info', '星期四');
  await enter('#idNumber', '362322198709086409');
  await waitForText('#idNumber-info', '1987-09-08', '女', '江西省');
  await enter('#mobile', '138 0013 8000');
  await waitForText('#mobile-msg', '13800138000');
  await waitForText('#mobile-info', '手机号码');
  await enter('#phone', '010-12345678');
  await waitForText('#phone-info', '区号 010');
  await waitForText('#orgCode-info', '60003734-1');

  await page.click('#submit');
  await page.waitForFunction(() => document.querySelector('#summary').dataset.errors === '0');
  await waitForText('#summary', '预检通过');

  // A picture of the filled form, with one warning shown, for a person to look at.
  await enter('#regNo15', '110000000000009');
  await waitForText('#regNo15-msg', '15位注册号');
  await page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('the page made no request but to the local server', () => {
  assert.ok(requests.length > 0, 'requests were recorded');
  const foreign = requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.origin !== origin;
  });
  assert.deepEqual(foreign, []);
  assert.ok(requests.some((u) => u.endsWith('/pkg/procurement_precheck_bg.wasm')), 'the wasm came from the local server');
});

test('no uncaught page errors and no console errors', () => {
  assert.deepEqual(pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(consoleErrors, []);
});
