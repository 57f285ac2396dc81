// attach() and 长期: a licence's validUntil and a registration's termEnd may say 长期 / 長期 /
// long-term / 长期有效 (parseDate's allowLongTerm, which attach passes for those names); other
// date fields may not, and a portal can turn it off. In Debian's Chromium, on the legacy page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, foreignRequests } from './harness.mjs';

const h = usePage('legacy.html');

const FORM = `
<form id="lt" action="#">
  <p><label for="lt-k">资质名称</label><input id="lt-k" value="城市园林绿化企业资质"></p>
  <p><label for="lt-v1">有效期至</label><input id="lt-v1" class="vu"></p>
  <p><label for="lt-v2">有效期至</label><input id="lt-v2" class="vu"></p>
  <p><label for="lt-v3">有效期至</label><input id="lt-v3" class="vu"></p>
  <p><label for="lt-v4">有效期至</label><input id="lt-v4" class="vu"></p>
  <p><label for="lt-t">营业期限至</label><input id="lt-t"></p>
  <p><label for="lt-e">成立日期</label><input id="lt-e"></p>
  <p><label for="lt-x">有效期至（不接受长期）</label><input id="lt-x"></p>
</form>`;

test('长期 in a validUntil or termEnd input gives no error; in other date fields it is date.format', async () => {
  const got = await h.page.evaluate(async (markup) => {
    const pp = await import('./pkg/index.js');
    const div = document.createElement('div');
    div.innerHTML = markup; // the test's own constant markup
    document.body.append(div);
    const form = document.getElementById('lt');
    const handle = pp.attach(form, {
      'licences[].kind': '#lt-k',
      'licences[].validUntil': '.vu',
      'registration.termEnd': '#lt-t',
      'registration.establishedOn': '#lt-e',
      // The portal's own choice wins over the name's default.
      'staff[].validUntil': { selector: '#lt-x', allowLongTerm: false },
    }, { debounce: 0, reportValidity: false });
    const values = {
      '#lt-v1': '长期', '#lt-v2': '長期', '#lt-v3': 'long-term', '#lt-v4': '长期有效',
      '#lt-t': '长期', '#lt-e': '长期', '#lt-x': '长期',
    };
    for (const [sel, v] of Object.entries(values)) {
      const el = form.querySelector(sel);
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    }
    handle.check();
    const state = Object.fromEntries(Object.keys(values).map((sel) => {
      const el = form.querySelector(sel);
      return [sel, { customError: el.validity.customError, invalid: el.getAttribute('aria-invalid'), message: el.validationMessage }];
    }));
    // The package itself: the option, and the default without it.
    const direct = {
      on: pp.parseDate('長期', { allowLongTerm: true }),
      off: pp.parseDate('長期').findings.map((f) => f.code),
      date: pp.parseDate('2027-12-31', { allowLongTerm: true }).value,
    };
    handle.detach();
    div.remove();
    return { state, direct };
  }, FORM);
  for (const sel of ['#lt-v1', '#lt-v2', '#lt-v3', '#lt-v4', '#lt-t']) {
    assert.equal(got.state[sel].customError, false, `${sel}: ${got.state[sel].message}`);
    assert.notEqual(got.state[sel].invalid, 'true', sel);
  }
  for (const sel of ['#lt-e', '#lt-x']) {
    assert.equal(got.state[sel].customError, true, sel);
    assert.match(got.state[sel].message, /无法识别为日期/, sel);
  }
  assert.deepEqual(got.direct.on, { ok: true, value: '长期', findings: [] });
  assert.deepEqual(got.direct.off, ['date.format']);
  assert.equal(got.direct.date, '2027-12-31');
});

test('no foreign requests, no page or console errors', () => {
  assert.deepEqual(foreignRequests(h), []);
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
