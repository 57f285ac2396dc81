// Drives the catalogue page www/catalogue.html (picker + purchase screening) in Debian's Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePage, foreignRequests, waitForText } from './harness.mjs';

const SCREENSHOT = process.env.CATALOGUE_SCREENSHOT ?? join(tmpdir(), 'catalogue.png');
const h = usePage('catalogue.html');
const hitCodes = () => h.page.$$eval('#hits [role=option]', (lis) => lis.map((li) => li.dataset.code));

async function type(sel, value) {
  await h.page.locator(sel).fill(value);
}

test('initials find 镇、村垃圾清运 in the county overlay; Enter shows its path', async () => {
  await type('#q', 'ljqy');
  await h.page.waitForSelector('#hits [role=option]');
  assert.equal((await hitCodes())[0], '01060101');
  assert.equal(await h.page.getAttribute('#q', 'aria-expanded'), 'true');
  await h.page.locator('#q').press('Enter');
  await waitForText(h.page, '#detail', '01060101 镇、村垃圾清运', '01 ', '0106 ', '010601 ');
  assert.equal(await h.page.getAttribute('#q', 'aria-expanded'), 'false');
});

test('full pinyin, traditional and full-width input find the same item', async () => {
  for (const q of ['lajiqingyun', '垃圾清運', 'ＬＪＱＹ']) {
    await type('#q', q);
    await h.page.waitForFunction(() => document.querySelector('#hits [role=option]')?.dataset.code === '01060101');
  }
});

test('arrow keys move the selection; an item with requirements shows them', async () => {
  await type('#q', '农村公路');
  await h.page.waitForSelector('#hits [role=option]');
  await h.page.locator('#q').press('ArrowDown');
  await h.page.locator('#q').press('ArrowUp');
  assert.equal(await h.page.getAttribute('#hit-0', 'aria-selected'), 'true');
  await h.page.locator('#hit-0').dispatchEvent('mousedown');
  await waitForText(h.page, '#detail', '公路养护作业单位资质', '乙级及以上');
});

test('switching catalogues: the central one has no county items', async () => {
  await h.page.selectOption('#catalogueName', 'central-2020');
  await type('#q', 'ljqy');
  await waitForText(h.page, '#hitsNote', '没有找到');
  assert.deepEqual(await hitCodes(), []);
  await h.page.selectOption('#catalogueName', 'county-example-2023');
  await waitForText(h.page, '#catalogueInfo', '示例');
});

test('the purchase form is screened live: term over one year, then allowed when secured and stable', async () => {
  await type('#q', '垃圾清运');
  await h.page.locator('#q').press('Enter');
  await h.page.locator('#useItem').click();
  assert.equal(await h.page.inputValue('#itemCode'), '01060101');
  await h.page.fill('#asOf', '2026-06-01');
  await type('#budget', '120');
  await type('#months', '36');
  await waitForText(h.page, '#contractTerm-msg', '1年');
  assert.equal(await h.page.getAttribute('#months', 'aria-invalid'), 'true');
  assert.equal(await h.page.getAttribute('#screenReport', 'data-ok'), 'false');
  await h.page.check('#secured');
  await h.page.check('#stable');
  await h.page.waitForFunction(() => document.querySelector('#screenReport')?.dataset.ok === 'true');
  assert.equal(await h.page.textContent('#contractTerm-msg'), '');
});

test('Art. 10 words in the description are warnings naming the word; English on switch', async () => {
  await type('#description', '本项目含劳务派遣人员');
  await waitForText(h.page, '#description-msg', '劳务派遣', '第十条');
  assert.equal(await h.page.getAttribute('#screenReport', 'data-ok'), 'true', 'warnings do not fail');
  await h.page.selectOption('#locale', 'en');
  await waitForText(h.page, '#description-msg', '劳务派遣', 'Art');
  await h.page.selectOption('#locale', 'zh-CN');
  await h.page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('an unknown item code is an error on that field', async () => {
  await type('#itemCode', '999999');
  await h.page.waitForFunction(() => document.querySelector('#itemCode-msg .finding.error'));
  assert.equal(await h.page.getAttribute('#itemCode', 'aria-invalid'), 'true');
});

test('no foreign requests, no page or console errors', () => {
  assert.deepEqual(foreignRequests(h), []);
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
