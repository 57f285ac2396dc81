// attach() in Debian's Chromium: first the legacy portal page www/legacy.html (enhanced by
// www/legacy-precheck.js, its own old script untouched), then forms built for one property each
// (round trip, labels, events, submission), inserted into the same page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usePage, foreignRequests, waitForText } from './harness.mjs';

const www = fileURLToPath(new URL('../../www/', import.meta.url));
const SCREENSHOT = process.env.LEGACY_SCREENSHOT ?? join(tmpdir(), 'legacy.png');
const h = usePage('legacy.html');

/** Today as the browser's calendar has it (the credit query must be recent). */
const today = () => h.page.evaluate(() => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
});

/** The state attach gives an input: native validity, aria, and the message it points at. */
function stateOf(selector) {
  return h.page.evaluate((sel) => {
    const el = document.querySelector(sel);
    const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const msg = ids.map((id) => document.getElementById(id)).find((m) => m?.hasAttribute('data-precheck-message'));
    return {
      customError: el.validity.customError,
      validationMessage: el.validationMessage,
      ariaInvalid: el.getAttribute('aria-invalid'),
      describedBy: ids,
      message: msg ? msg.textContent : null,
      severity: msg ? msg.getAttribute('data-severity') : null,
      messageFollows: msg ? (el.closest('label') ?? el).nextElementSibling === msg : false,
    };
  }, selector);
}

/** What the package itself says about a value (the page's copy of the package). */
function packageSays(fn, ...args) {
  return h.page.evaluate(async ([f, a]) => {
    const pp = await import('./pkg/index.js');
    return pp[f](...a);
  }, [fn, args]);
}

const until = (fn, arg) => h.page.waitForFunction(fn, arg);
const invalid = (sel) => until((s) => document.querySelector(s).getAttribute('aria-invalid') === 'true', sel);
const valid = (sel) => until((s) => document.querySelector(s).validity.valid, sel);

// ---- the legacy page ---------------------------------------------------------------------------

test('the legacy page shows the enhancement script it runs, under 15 lines; the catalogue page links it', async () => {
  const source = readFileSync(join(www, 'legacy-precheck.js'), 'utf8');
  assert.equal(await h.page.textContent('#enhancement'), source);
  assert.ok(source.trimEnd().split('\n').length < 15, 'under 15 lines');
  assert.match(source, /attach\(document\.forms\.gysForm, \{/);
  assert.match(readFileSync(join(www, 'catalogue.html'), 'utf8'), /<a href="\.\/legacy\.html">/);
  // The portal's own markup was not touched: no data-precheck attribute anywhere.
  assert.equal(await h.page.locator('[data-precheck]').count(), 0);
});

test('a wrong credit code: the browser\'s own validity, aria-invalid, a described message, the form\'s label', async () => {
  const sel = '[name=tyshxydm]';
  await h.page.fill(sel, '91110000600037341N');
  await invalid(sel);
  const expected = (await packageSays('checkUscc', '91110000600037341N', { label: '统一社会信用代码' })).findings[0].message;
  assert.match(expected, /^统一社会信用代码校验码错误/);
  const s = await stateOf(sel);
  assert.equal(s.customError, true);
  assert.equal(s.validationMessage, expected);
  assert.equal(s.message, expected);
  assert.equal(s.severity, 'error');
  assert.equal(s.describedBy[0], 'tyshxydm-ts', 'the page\'s own description stays first');
  assert.equal(s.describedBy.length, 2);
  assert.ok(s.messageFollows, 'the message element comes right after the input');
  assert.equal(await h.page.evaluate(() => document.forms.gysForm.checkValidity()), false);
  assert.equal(await h.page.evaluate(() => document.querySelector('[name=tyshxydm]').matches(':invalid')), true);

  await h.page.fill(sel, '91110000600037341L');
  await valid(sel);
  const ok = await stateOf(sel);
  assert.equal(ok.ariaInvalid, null, 'aria-invalid goes when the value is fixed');
  assert.equal(ok.validationMessage, '');
  assert.equal(ok.message, '市场监管 · 企业 · 北京市', 'showInfo: the decoded code');
  assert.equal(ok.severity, 'info');
});

test('labels come from the page: a title attribute, a label with （大写）; the ID number decoded', async () => {
  await h.page.fill('[name=frsfzh]', '110105194912310021');
  await invalid('[name=frsfzh]');
  const expected = (await packageSays('checkIdNumber', '110105194912310021', { label: '法定代表人身份证号码' })).findings[0].message;
  assert.equal((await stateOf('[name=frsfzh]')).validationMessage, expected);
  await h.page.fill('[name=frsfzh]', '11010519491231002X');
  await valid('[name=frsfzh]');
  assert.equal((await stateOf('[name=frsfzh]')).message, '北京市 · 1949-12-31');
});

test('the amount in words is checked against the figures and their unit select, again when they change', async () => {
  await h.page.fill('[name=zczb]', '120');
  await h.page.fill('[name=zczbdx]', '壹佰万元整');
  await invalid('[name=zczbdx]');
  let s = await stateOf('[name=zczbdx]');
  assert.match(s.validationMessage, /^注册资本（大写）“壹佰万元整”是1000000\.00元，与小写金额1200000\.00元不一致；.*壹佰贰拾万元整/);
  await h.page.fill('[name=zczbdx]', '壹佰贰拾万元整');
  await valid('[name=zczbdx]');
  // The unit changes from 万元 to 元: the words no longer match, without touching them.
  await h.page.selectOption('[name=zczbdw]', '元');
  await invalid('[name=zczbdx]');
  s = await stateOf('[name=zczbdx]');
  assert.match(s.validationMessage, /与小写金额120\.00元不一致/);
  await h.page.selectOption('[name=zczbdw]', '万元');
  await valid('[name=zczbdx]');
  assert.match((await stateOf('[name=zczb]')).message, /¥1200000\.00 · 壹佰贰拾万元整/);
});

/** Collects precheck:report details (without the elements) in the page. */
async function recordReports() {
  await h.page.evaluate(() => {
    window.__reports = [];
    document.forms.gysForm.addEventListener('precheck:report', (e) => {
      const d = e.detail;
      window.__reports.push({
        reason: d.reason, valid: d.valid, blocked: d.blocked, verdict: d.supplier?.verdict,
        penalties: d.application?.penalties, credit: d.application?.credit,
        fields: d.fields.map((f) => [f.path, f.valid]), codes: d.findings.map((f) => `${f.path} ${f.code}`),
      });
    });
  });
}

test('submit: blocked while the supplier fails (a 250万元 fine), sent by the portal once it passes', async () => {
  await recordReports();
  await h.page.fill('[name=gysmc]', '北京示例科技有限公司');
  await h.page.fill('[name=clrq]', '2010年5月1日');
  await h.page.fill('[name=xycxrq]', await today());
  for (const n of [1, 2, 3, 4]) await h.page.check(`[name=cn${n}]`);
  const fineDay = `${new Date().getFullYear() - 1}-03-15`;
  await h.page.selectOption('[name=cflx1]', 'fine');
  await h.page.fill('[name=cfrq1]', fineDay);
  await h.page.fill('[name=fkje1]', '250');
  await h.page.selectOption('[name=fkdw1]', '万元');

  await h.page.click('input[type=submit]');
  await until(() => window.__reports.length === 1);
  let r = (await h.page.evaluate(() => window.__reports))[0];
  assert.equal(r.reason, 'submit');
  assert.equal(r.blocked, true);
  assert.equal(r.valid, false);
  assert.equal(r.verdict, 'fail');
  assert.deepEqual(r.penalties, [{ kind: 'fine', decidedOn: fineDay, fineAmount: '250', fineUnit: 'wan' }],
    'the blank second row is left out; 万元 is read as "wan"');
  assert.deepEqual(r.credit.judgmentDefaulter, false, 'the 否 radio is read as false');
  assert.ok(r.codes.includes('penalties[0].fineAmount no_major_violation.large_fine'));
  assert.deepEqual(r.fields.filter(([, ok]) => !ok), [['penalties[0].fineAmount', false]]);
  assert.equal(await h.page.textContent('#tjzt'), '', 'the portal\'s own submit handler never ran');
  const fine = await stateOf('[name=fkje1]');
  assert.match(fine.validationMessage, /250万元属于较大数额罚款/);
  assert.equal(fine.ariaInvalid, 'true');
  assert.equal(await h.page.evaluate(() => document.activeElement.name), 'fkje1', 'reportValidity() focused it');
  await waitForText(h.page, '#jyjg', '较大数额罚款');

  // Under the 200万元 threshold: editing the field clears the supplier's finding on it.
  await h.page.fill('[name=fkje1]', '50');
  await valid('[name=fkje1]');
  await h.page.click('input[type=submit]');
  await until(() => window.__reports.length === 2);
  r = (await h.page.evaluate(() => window.__reports))[1];
  assert.equal(r.blocked, false);
  assert.equal(r.valid, true);
  assert.equal(r.verdict, 'pass');
  await waitForText(h.page, '#tjzt', '提交成功');
  assert.equal(await h.page.evaluate(() => document.forms.gysForm.checkValidity()), true);
  assert.equal(await h.page.evaluate(() => document.querySelector('#jyjg ul').hidden), true, 'nothing to list');
});

test('a row the portal\'s own script adds is checked like the others', async () => {
  await h.page.click('#addRow');
  await h.page.fill('[name=cfrq3]', '2024-02-30');
  await invalid('[name=cfrq3]');
  assert.match((await stateOf('[name=cfrq3]')).validationMessage, /“2024-02-30”不是真实存在的日期/);
  // Submitted with the blank row 2 between: the application has two penalties, and what
  // checkSupplier says of its second one lands on row 3, by the form's count.
  await h.page.click('input[type=submit]');
  await until(() => window.__reports.length === 3);
  const r = (await h.page.evaluate(() => window.__reports))[2];
  assert.equal(r.blocked, true);
  assert.equal(r.penalties.length, 2);
  assert.equal(r.penalties[1].decidedOn, '2024-02-30');
  assert.ok(r.codes.includes('penalties[2].kind field.required'), r.codes.join('\n'));
  // Named by the form's own label (the select's title 处罚类型), not the package's 处罚种类 (issue 15).
  assert.equal((await stateOf('[name=cflx3]')).validationMessage, '请填写处罚类型。');
  assert.equal((await stateOf('[name=cflx2]')).validationMessage, '', 'the blank row is left alone');
  await h.page.screenshot({ path: SCREENSHOT, fullPage: true });
});

test('重填 (reset) clears every message attach shows', async () => {
  await h.page.click('input[type=reset]');
  await until(() => !document.querySelector('#gysForm [aria-invalid="true"]'));
  const shown = await h.page.$$eval('#gysForm [data-precheck-message]', (ms) => ms.filter((m) => !m.hidden).map((m) => m.textContent));
  assert.deepEqual(shown, []);
  assert.deepEqual(await h.page.$$eval('#gysForm input, #gysForm select', (els) => els.filter((e) => e.validity.customError).map((e) => e.name)), []);
});

// ---- forms built for one property each --------------------------------------------------------

/** Puts `html` into a fresh container in the page; returns nothing (the page keeps it as #fx). */
async function fixture(html) {
  await h.page.evaluate(async (markup) => {
    window.pp = await import('./pkg/index.js');
    document.getElementById('fx')?.remove();
    const div = document.createElement('div');
    div.id = 'fx';
    div.innerHTML = markup; // the test's own constant markup
    document.body.append(div);
  }, html);
}

const ROUND_TRIP = `
<form id="f" action="#" class="portal-form" data-x="1">
  <p><label for="cc">* 统一社会信用代码：</label>
     <input id="cc" name="cc" aria-describedby="cc-hint" aria-invalid="false" required><span id="cc-hint">18位</span></p>
  <p><label>联系手机 <input name="tel"></label></p>
  <p><span id="d-l">成立日期</span><input name="d" aria-labelledby="d-l"></p>
  <p><input name="amt" aria-label="注册资本"><select name="amtUnit"><option>元</option><option selected>万元</option></select></p>
  <p><input name="sfz" title="身份证号码"></p>
  <p><input name="fine1"><input name="fine2"></p>
  <button type="submit">提交</button>
</form>`;
const ROUND_TRIP_MAPPING = {
  uscc: '#cc', mobile: '[name=tel]', 'registration.establishedOn': '[name=d]', capital: '[name=amt]',
  capitalUnit: '[name=amtUnit]', idNumber: '[name=sfz]', 'penalties[].fineAmount': '[name^=fine]',
};

test('attach then detach: the DOM is exactly as before, the portal\'s own validity message is back, no listener is left', async () => {
  await fixture(ROUND_TRIP);
  const result = await h.page.evaluate(async (mapping) => {
    const form = document.getElementById('f');
    document.getElementById('cc').setCustomValidity('portal: 请先阅读须知'); // the portal's own
    const before = form.outerHTML;
    const fields = [];
    form.addEventListener('precheck:field', (e) => fields.push(e.detail.path));
    const handle = window.pp.attach(form, mapping, {
      debounce: 0, showInfo: true, application: { entityType: 'enterprise', name: 'x' }, summary: '#fx',
    });
    const set = (sel, v) => {
      const el = form.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    };
    set('#cc', '91110000600037341N');
    set('[name=tel]', '1381234567');
    set('[name=d]', '2024-13-01');
    set('[name=amt]', '-5');
    set('[name=sfz]', '11010519491231002X');
    set('[name=fine2]', 'abc');
    const report = handle.check();
    const during = {
      html: form.outerHTML,
      novalidate: form.hasAttribute('novalidate'),
      messages: form.querySelectorAll('[data-precheck-message]').length,
      summary: document.querySelectorAll('#fx > ul').length,
      invalid: [...form.querySelectorAll('[aria-invalid=true]')].map((e) => e.name),
      ccMessage: document.getElementById('cc').validationMessage,
      reportValid: report.valid,
      penalties: report.application.penalties,
    };
    handle.detach();
    const after = form.outerHTML;
    // Listeners gone: typing and submitting after detach changes nothing and blocks nothing.
    const restored = {
      ccMessage: document.getElementById('cc').validationMessage,
      telValid: form.querySelector('[name=tel]').validity.valid,
    };
    const eventsBefore = fields.length;
    set('#cc', '123');
    set('[name=tel]', '1');
    document.getElementById('cc').setCustomValidity(''); // so that the browser lets it submit
    let portalSaw = null;
    form.addEventListener('submit', (e) => { portalSaw = e.defaultPrevented; e.preventDefault(); });
    form.requestSubmit();
    return {
      before, after, during, ...restored, fields: fields.length, eventsAfter: fields.length - eventsBefore,
      afterDetach: form.outerHTML, attached: handle.attached, portalSaw,
      telAfter: form.querySelector('[name=tel]').validity.valid,
      summary: document.querySelectorAll('#fx > ul').length,
    };
  }, ROUND_TRIP_MAPPING);
  assert.notEqual(result.during.html, result.before, 'attach did change the form');
  assert.equal(result.during.novalidate, true, 'attach decides on submit itself');
  assert.equal(result.during.messages, 8, 'one per mapped input');
  assert.equal(result.during.summary, 1);
  assert.deepEqual(result.during.invalid.sort(), ['amt', 'cc', 'd', 'fine2', 'tel']);
  assert.match(result.during.ccMessage, /^统一社会信用代码校验码错误/, 'attach\'s message while attached');
  assert.equal(result.during.reportValid, false);
  assert.deepEqual(result.during.penalties, [{ fineAmount: 'abc' }], 'the blank first row is left out');
  assert.ok(result.fields >= 7, 'precheck:field for every check');

  assert.equal(result.after, result.before, 'outerHTML after detach equals outerHTML before attach');
  assert.equal(result.attached, false);
  assert.equal(result.ccMessage, 'portal: 请先阅读须知', 'the portal\'s own custom validity is restored');
  assert.equal(result.telValid, true, 'attach\'s custom validity is gone');
  assert.equal(result.eventsAfter, 0, 'no precheck:field after detach');
  assert.equal(result.afterDetach, result.before, 'typing after detach adds nothing');
  assert.equal(result.telAfter, true, 'a bad value typed after detach sets nothing');
  assert.equal(result.portalSaw, false, 'submit after detach is neither stopped nor prevented');
  assert.equal(result.summary, 0, 'the summary list is removed');
  // And it attaches again.
  assert.equal(await h.page.evaluate(() => {
    const handle = window.pp.attach(document.getElementById('f'), { uscc: '#cc' });
    handle.detach();
    return handle.attached;
  }), false);
});

test('each input is named by the form\'s own label: for=, wrapping, aria-labelledby, aria-label, title', async () => {
  await fixture(ROUND_TRIP);
  const got = await h.page.evaluate(async (mapping) => {
    const form = document.getElementById('f');
    const handle = window.pp.attach(form, mapping, { debounce: 0 });
    const report = handle.check();
    const labels = Object.fromEntries(report.fields.map((f) => [f.path, f.label]));
    const messages = Object.fromEntries(report.fields.map((f) => [f.path, f.element.validationMessage]));
    handle.detach();
    return { labels, messages };
  }, ROUND_TRIP_MAPPING);
  assert.deepEqual(got.labels, {
    uscc: '统一社会信用代码', mobile: '联系手机', 'registration.establishedOn': '成立日期', capital: '注册资本',
    capitalUnit: undefined, idNumber: '身份证号码', 'penalties[0].fineAmount': undefined, 'penalties[1].fineAmount': undefined,
  });
  // Every field is empty: the required ones say so, by the label the form gives them.
  assert.equal(got.messages.uscc, '请填写统一社会信用代码。');
  assert.equal(got.messages.mobile, '');
  const withLabel = await packageSays('checkMobile', '1381234567', { label: '联系手机' });
  assert.match(withLabel.findings[0].message, /^联系手机/);
});

test('data-precheck attributes, precheck:field details, blockSubmit: false, formnovalidate, the page\'s own constraints', async () => {
  await fixture(`
<form id="g" action="#">
  <label for="u">信用代码</label><input id="u" data-precheck="uscc">
  <label for="m">手机</label><input id="m" data-precheck="mobile">
  <label for="req">经办人</label><input id="req" required>
  <button id="send" type="submit">提交</button><button id="draft" type="submit" formnovalidate>暂存</button>
</form>`);
  const got = await h.page.evaluate(() => {
    const form = document.getElementById('g');
    const field = [];
    const reports = [];
    let sent = 0;
    form.addEventListener('precheck:field', (e) => field.push({ path: e.detail.path, valid: e.detail.valid, reason: e.detail.reason, check: e.detail.check }));
    form.addEventListener('precheck:report', (e) => reports.push({ valid: e.detail.valid, blocked: e.detail.blocked }));
    form.addEventListener('submit', (e) => { sent++; e.preventDefault(); });
    const advisory = window.pp.attach(form, undefined, { debounce: 0, blockSubmit: false, reportValidity: false });
    const u = document.getElementById('u');
    u.value = '91110000600037341N';
    u.dispatchEvent(new Event('input', { bubbles: true }));
    document.getElementById('req').value = '张三';
    document.getElementById('send').click(); // advisory: invalid, yet sent
    document.getElementById('req').value = '';
    document.getElementById('send').click(); // the page's own `required` still stops it
    document.getElementById('draft').click(); // formnovalidate: no check at all
    advisory.detach();
    return { field, reports, sent };
  });
  assert.deepEqual(got.field[0], { path: 'uscc', valid: false, reason: 'input', check: 'uscc' });
  assert.deepEqual(got.reports, [{ valid: false, blocked: false }, { valid: false, blocked: true }]);
  assert.equal(got.sent, 2, 'the advisory submit and the draft went through; the one missing 经办人 did not');
});

const SUMMARY_FORM = `
<form id="s" action="#">
  <label for="s-name">供应商名称</label><input id="s-name">
  <label for="s-cc">信用代码</label><input id="s-cc">
  <label for="s-tel">联系手机</label><input id="s-tel">
  <p><label for="s-k1">处罚种类</label><select id="s-k1"><option value="">—</option><option value="warning">警告</option></select>
     <label for="s-d1">处罚日期</label><input id="s-d1"></p>
  <div id="s-errors"></div>
  <button id="s-send" type="submit">提交</button>
</form>`;
const SUMMARY_MAPPING = {
  name: '#s-name', uscc: '#s-cc', mobile: '#s-tel', 'penalties[].kind': '#s-k1', 'penalties[].decidedOn': '#s-d1',
};

test('the summary follows the fields live after a blocked submit; checkSupplier\'s findings use the form\'s labels', async () => {
  await fixture(SUMMARY_FORM);
  const got = await h.page.evaluate((mapping) => {
    const form = document.getElementById('s');
    const summary = () => [...document.querySelectorAll('#s-errors li')].map((li) => li.textContent);
    const set = (sel, v) => {
      const el = form.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    };
    const handle = window.pp.attach(form, mapping, {
      debounce: 0, summary: '#s-errors', reportValidity: false,
      application: {
        entityType: 'enterprise', registration: { status: '存续', establishedOn: '2010-05-01' },
        commitments: { reputationAndAccounting: true, taxAndSocialSecurity: true, noMajorViolation: true, equipmentAndCapability: true },
      },
      checkSupplier: { asOf: '2026-03-15' },
    });
    const steps = {};
    let sent = 0;
    form.addEventListener('submit', (e) => { sent++; e.preventDefault(); });
    set('#s-cc', '91110000600037341N');
    set('#s-tel', '1381234567');
    form.querySelector('#s-k1').value = 'warning';
    set('#s-d1', '2026-03-16');
    steps.beforeSubmit = summary();
    document.getElementById('s-send').click();
    steps.submitted = summary();
    steps.under = {
      name: form.querySelector('#s-name').validationMessage,
      d1: form.querySelector('#s-d1').validationMessage,
    };
    set('#s-cc', '91110000600037341L'); // fixed: its entry leaves at once
    steps.ccFixed = summary();
    set('#s-cc', '123'); // broken again: a new entry
    steps.ccBroken = summary();
    set('#s-tel', '13812345678');
    steps.telFixed = summary();
    set('#s-name', '示例公司'); // a field without a check of its own: checkSupplier's finding leaves
    steps.nameFixed = summary();
    form.reset();
    steps.reset = summary();
    set('#s-cc', '123'); // not shown again until the next submit
    steps.afterReset = summary();
    handle.detach();
    return { steps, sent };
  }, SUMMARY_MAPPING);
  const { steps } = got;
  assert.equal(got.sent, 0, 'blocked');
  assert.deepEqual(steps.beforeSubmit, [], 'typing alone fills no summary');
  const ccWrong = steps.submitted.find((m) => m.startsWith('信用代码校验码错误'));
  const telWrong = steps.submitted.find((m) => m.startsWith('联系手机“1381234567”'));
  assert.ok(ccWrong && telWrong, steps.submitted.join('\n'));
  // checkSupplier's findings, under the input, named by the form's <label> (not 名称, 处罚决定日期).
  assert.ok(steps.submitted.includes('请填写供应商名称。'), steps.submitted.join('\n'));
  assert.equal(steps.under.name, '请填写供应商名称。');
  assert.match(steps.under.d1, /^处罚日期2026年3月16日晚于截止日期2026年3月15日/);
  assert.ok(steps.submitted.some((m) => m.startsWith('处罚日期2026年3月16日')));
  assert.ok(!steps.submitted.some((m) => /统一社会信用代码|处罚决定日期|请填写名称/.test(m)), steps.submitted.join('\n'));

  assert.ok(!steps.ccFixed.includes(ccWrong), 'the fixed field left the summary');
  assert.ok(steps.ccFixed.includes(telWrong), 'the others stay');
  assert.equal(steps.ccFixed.length, steps.submitted.length - 1);
  assert.ok(steps.ccBroken.includes('信用代码应为18位，当前为3位。'), steps.ccBroken.join('\n'));
  assert.ok(!steps.telFixed.includes(telWrong));
  assert.ok(!steps.nameFixed.includes('请填写供应商名称。'));
  assert.ok(steps.nameFixed.some((m) => m.startsWith('处罚日期2026年3月16日')), 'untouched fields keep theirs');
  assert.deepEqual(steps.reset, []);
  assert.deepEqual(steps.afterReset, []);
});

test('checkSupplier labels given by the portal win over the form\'s', async () => {
  await fixture(SUMMARY_FORM);
  const under = await h.page.evaluate((mapping) => {
    const form = document.getElementById('s');
    const handle = window.pp.attach(form, mapping, {
      debounce: 0, application: { entityType: 'enterprise' },
      checkSupplier: { asOf: '2026-03-15', labels: { name: '投标人名称', 'penalties[].decidedOn': '决定日期' } },
    });
    form.querySelector('#s-k1').value = 'warning';
    form.querySelector('#s-d1').value = '2026-03-16';
    handle.check();
    const out = { name: form.querySelector('#s-name').validationMessage, d1: form.querySelector('#s-d1').validationMessage };
    handle.detach();
    return out;
  }, SUMMARY_MAPPING);
  assert.equal(under.name, '请填写投标人名称。');
  assert.match(under.d1, /^决定日期2026年3月16日/);
});

test('no foreign requests, no page or console errors', () => {
  assert.deepEqual(foreignRequests(h), []);
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
