// Drives the demo page www/index.html in Debian's Chromium through playwright-core.
//
//   node --test tests/browser/
//
// Needs: /usr/bin/chromium (Debian's package; never `playwright install`), python3 (serves www/
// on 127.0.0.1), and the built package copied to www/pkg/. Runs from any working directory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePage, foreignRequests, waitForText as waitFor } from './harness.mjs';

const SCREENSHOT = process.env.DEMO_SCREENSHOT ?? join(tmpdir(), 'demo.png');
const h = usePage('index.html');

const text = (sel) => h.page.locator(sel).innerText();

/** Types a value into a field the way a user would finish it: fill, then leave the field. */
async function enter(sel, value) {
  const input = h.page.locator(sel);
  await input.fill(value);
  await input.blur();
}

const waitForText = (sel, ...parts) => waitFor(h.page, sel, ...parts);

test('the page loads the package and shows its version and the privacy line', async () => {
  const line = await text('#precheck-line');
  assert.match(line, /procurement-precheck v\d+\.\d+\.\d+/);
  assert.match(line, /所有校验在您的浏览器内完成，数据不会上传/);
  assert.equal(await h.page.title(), '供应商注册 - XX省政府采购网');
  // The control of demo-unavailable.test.mjs: with the .wasm served, no unavailable notice.
  assert.equal(await h.page.locator('#unavailable').isVisible(), false);
  assert.equal(await h.page.locator('#genUpper').isDisabled(), false);
  assert.equal(await h.page.locator('#wasmToggle').getAttribute('href'), '?wasm=blocked');
});

test('a USCC with a wrong check character is an error naming the expected character', async () => {
  await enter('#uscc', '91110000600037341N');
  await waitForText('#uscc-msg', '校验码');
  const msg = await text('#uscc-msg');
  assert.match(msg, /“L”/, msg);
  assert.match(msg, /GB 32100-2015/, 'the legal basis is shown');
  assert.equal(await h.page.locator('#uscc').getAttribute('aria-invalid'), 'true');
  assert.match(await h.page.locator('#uscc').getAttribute('aria-describedby'), /\buscc-msg\b/);
  assert.equal(await h.page.locator('#uscc-msg .finding.error').count(), 1);
});

test('a correct USCC shows its decoded summary and no error', async () => {
  await enter('#uscc', '91110000600037341L');
  await waitForText('#uscc-info', '市场监管 · 企业 · 北京市');
  assert.match(await text('#uscc-info'), /60003734-1/, 'the embedded organisation code is shown');
  assert.equal(await h.page.locator('#uscc-msg .finding.error').count(), 0);
  assert.equal((await text('#uscc-msg')).trim(), '');
  assert.equal(await h.page.locator('#uscc').getAttribute('aria-invalid'), null);
});

test('an ID card number typed into the USCC field is recognised as one', async () => {
  await enter('#uscc', '362322198709086409');
  await waitForText('#uscc-msg', '身份证');
  assert.equal(await h.page.locator('#uscc').getAttribute('aria-invalid'), 'true');
  assert.equal((await text('#uscc-info')).trim(), '', 'no decoded info for a failing value');
});

test('a normalised value is shown, and the input is left as typed', async () => {
  // The package reports the case change itself (a field.normalized finding, severity info).
  await enter('#uscc', '91110000600037341l');
  await waitForText('#uscc-msg', '规范为', '91110000600037341L');
  await waitForText('#uscc-info', '市场监管 · 企业 · 北京市');
  assert.equal(await h.page.locator('#uscc-msg .finding.info').count(), 1);
  assert.equal(await h.page.locator('#uscc').inputValue(), '91110000600037341l');
  // No finding for the hyphen the organisation code gains: the page says it beside the field.
  await enter('#orgCode', '600037341');
  await waitForText('#orgCode-info', '已规范为', '60003734-1');
  assert.equal(await h.page.locator('#orgCode').inputValue(), '600037341');
});

test('switching to English re-runs the checks with English messages', async () => {
  await enter('#uscc', '91110000600037341N');
  await waitForText('#uscc-msg', '校验码');
  await h.page.selectOption('#locale', 'en');
  await h.page.waitForFunction(() => /\blast character\b/.test(document.querySelector('#uscc-msg').textContent));
  const msg = await text('#uscc-msg');
  assert.match(msg, /"L"/, msg);
  assert.doesNotMatch(msg, /\p{Script=Han}/u, `English message expected: ${msg}`);
  assert.equal(await text('label[for="uscc"] .label-text'), 'Unified social credit code');
  assert.equal(await h.page.evaluate(() => document.documentElement.lang), 'en');

  await h.page.selectOption('#locale', 'zh-TW');
  await waitForText('#uscc-msg', '檢查碼');

  await h.page.selectOption('#locale', 'zh-CN');
  await waitForText('#uscc-msg', '校验码');
});

test('生成大写 fills the registered capital in words, which then checks out', async () => {
  await h.page.selectOption('#capitalUnit', 'yuan');
  await enter('#capital', '107000.53');
  await waitForText('#capital-info', '壹拾万零柒仟元伍角叁分', '107000.53');
  await h.page.click('#genUpper');
  await h.page.waitForFunction(() => document.querySelector('#capitalUpper').value !== '');
  const upper = await h.page.locator('#capitalUpper').inputValue();
  assert.ok(['壹拾万零柒仟元伍角叁分', '壹拾万柒仟元零伍角叁分'].includes(upper), upper);
  await waitForText('#capitalUpper-info', '与小写金额一致');
  assert.equal(await h.page.locator('#capitalUpper-msg .finding.error').count(), 0);

  // Changing the figures makes the words disagree.
  await enter('#capital', '107000.50');
  await waitForText('#capitalUpper-msg', '不一致');
  assert.equal(await h.page.locator('#capitalUpper').getAttribute('aria-invalid'), 'true');
  await enter('#capital', '107000.53');
  await h.page.waitForFunction(() => document.querySelector('#capitalUpper-msg').textContent === '');
});

test('checks also run while typing (debounced), and an empty field clears on input', async () => {
  const mobile = h.page.locator('#mobile');
  await mobile.focus();
  await mobile.pressSequentially('1380013800');
  await h.page.waitForFunction(() => document.querySelector('#mobile-msg .finding.error') !== null);
  assert.equal(await mobile.getAttribute('aria-invalid'), 'true');
  await mobile.press('End');
  await mobile.press('0');
  await h.page.waitForFunction(() => document.querySelector('#mobile-msg').textContent === ''
    && document.querySelector('#mobile-info').textContent.includes('手机号码'));
  await mobile.fill('');
  await h.page.waitForFunction(() => document.querySelector('#mobile-info').textContent === '');
  assert.equal(await text('#mobile-msg'), '');
  // Leaving the empty required field says it is required.
  await mobile.blur();
  await waitForText('#mobile-msg', '请填写联系手机');
});

test('submit checks every field, shows a summary and does not submit', async () => {
  const url = h.page.url();
  await h.page.click('#submit');
  await h.page.waitForSelector('#summary:not([hidden])');
  const errors = Number(await h.page.locator('#summary').getAttribute('data-errors'));
  assert.ok(errors >= 1, 'the empty required fields are errors');
  assert.match(await text('#summary'), /个错误/);
  await waitForText('#supplierName-msg', '请填写供应商名称');
  await waitForText('#idNumber-msg', '请填写法定代表人身份证号码');
  assert.equal(await text('#orgCode-msg'), '', 'an empty optional field is no error');
  assert.equal(h.page.url(), url, 'the page did not navigate');
});

test('a fully and correctly filled form passes', async () => {
  await enter('#supplierName', '北京某某科技有限公司');
  await enter('#uscc', '91110000600037341L');
  await enter('#orgCode', '600037341');
  await enter('#capital', '107000.53');
  await h.page.click('#genUpper');
  await h.page.waitForFunction(() => document.querySelector('#capitalUpper').value !== '');
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

  await h.page.click('#submit');
  await h.page.waitForFunction(() => document.querySelector('#summary').dataset.errors === '0');
  await waitForText('#summary', '预检通过');

  // A picture of the filled form, with one warning shown, for a person to look at.
  await enter('#regNo15', '110000000000009');
  await waitForText('#regNo15-msg', '15位注册号');
  await h.page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('the page made no request but to the local server', () => {
  assert.ok(h.requests.length > 0, 'requests were recorded');
  assert.deepEqual(foreignRequests(h), []);
  assert.ok(h.requests.some((u) => u.endsWith('/pkg/procurement_precheck_bg.wasm')), 'the wasm came from the local server');
});

test('no uncaught page errors and no console errors', () => {
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
