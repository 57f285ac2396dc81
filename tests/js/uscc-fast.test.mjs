// checkUscc's fast path (npm/src/fast.js): a clean valid code is answered from the module's
// yes/no and the labels learnt for its prefix. Its results must be the full check's, field for
// field and in the same key order, in every locale, on the first call and on later ones (labels
// remembered), through the default entry, the fields entry and CommonJS; everything else takes
// the full path. The full path is forced here by an option that changes nothing (required: true).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import * as main from 'procurement-precheck';
import * as fields from 'procurement-precheck/fields';

const require = createRequire(import.meta.url);
const cjs = require('procurement-precheck');
const vectors = (f) => readFileSync(join(process.env.FIXTURES, f), 'utf8').split('\n')
  .filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0].trim());
const valid = vectors('uscc_valid.txt');
const invalid = vectors('uscc_invalid.txt');
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** A few valid codes with each position changed to each character of the alphabet (some stay valid). */
function mutations() {
  const out = [];
  for (const c of valid.slice(0, 4)) {
    for (let i = 0; i < 18; i++) for (const a of ALPHABET) out.push(c.slice(0, i) + a + c.slice(i + 1));
  }
  return out;
}

const same = (api, code, locale) => {
  const opts = locale === undefined ? undefined : { locale };
  const full = api.checkUscc(code, { ...opts, required: true });
  for (let round = 0; round < 2; round++) {
    const fast = api.checkUscc(code, opts);
    assert.equal(JSON.stringify(fast), JSON.stringify(full), `${code} ${locale} round ${round}`);
  }
  return full.ok;
};

test('the fast path gives the full check\'s result, every locale, every entry', () => {
  const locales = [undefined, 'zh-CN', 'zh-TW', 'en'];
  const changed = mutations();
  let passed = 0;
  for (const code of changed) for (const locale of locales) if (same(main, code, locale)) passed++;
  // The changes keep some codes valid and break most: both paths are exercised.
  assert.ok(passed > 4 * 4 && passed < changed.length * 4, `${passed} of ${changed.length * 4}`);
  for (const api of [main, fields, cjs]) {
    for (const code of [...valid, ...invalid]) for (const locale of locales) same(api, code, locale);
  }
});

test('variants the fast path must leave to the full check', () => {
  const code = valid[0];
  for (const api of [main, fields]) {
    assert.equal(api.checkUscc(code).ok, true); // its labels are known from here on
    assert.equal(api.checkUscc(code.toLowerCase()).value, code, 'normalised');
    assert.ok(api.checkUscc(` ${code}`.slice(0, 18)).ok === false);
    assert.equal(api.checkUscc(`${code.slice(0, 17)}？`).ok, false); // beyond ASCII
    assert.throws(() => api.checkUscc(code, { locale: 'fr' }), { name: 'PrecheckError', path: 'opts.locale' });
    assert.throws(() => api.checkUscc(code, { locale: { toString: () => 'en' } }), { name: 'PrecheckError' });
    const full = (value, opts) => JSON.stringify(api.checkUscc(value, { ...opts, required: true }));
    assert.equal(JSON.stringify(api.checkUscc(code, { locale: 'en', unknown: 1 })), full(code, { locale: 'en' }));
    const inherited = Object.assign(Object.create({ label: 5 }), { locale: 'en' });
    assert.equal(JSON.stringify(api.checkUscc(code, inherited)), full(code, { locale: 'en' }));
    assert.equal(JSON.stringify(api.checkUscc(new String(code))), JSON.stringify(api.checkUscc(new String(code), { required: true })));
    assert.equal(api.checkUscc(new String(code)).ok, false, 'a String object is not a string');
    const wrongCheck = code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
    assert.equal(api.checkUscc(wrongCheck, { usccPilotAllowlist: [wrongCheck] }).ok, true, 'allowlisted: a warning');
    assert.equal(api.checkUscc(wrongCheck).ok, false);
  }
});

/** A valid USCC for a prefix of 8 characters and an 8-character organisation code body. */
function usccOf(prefix, body) {
  const v = (c) => (c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 55);
  const W = [3, 7, 9, 10, 5, 8, 4, 2];
  const o = 11 - ([...body].reduce((a, c, i) => a + v(c) * W[i], 0) % 11);
  const first17 = prefix + body + (o === 10 ? 'X' : o === 11 ? '0' : String(o));
  let sum = 0;
  let w = 1;
  for (const c of first17) { sum += ALPHABET.indexOf(c) * w; w = (w * 3) % 31; }
  return first17 + ALPHABET[(31 - (sum % 31)) % 31];
}

test('more prefixes than the fast path keeps labels for: it forgets them all and stays right', () => {
  // 8 300 prefixes (the cap is 8 192), each met twice, in two locales: the labels are cleared once
  // on the way; every answer is still the full check's.
  const codes = [];
  for (let d = 0; d < 8300; d++) codes.push(usccOf(`9111${String(d).padStart(4, '0')}`, 'MA01C2D3'));
  assert.ok(main.checkUscc(codes[0]).ok, 'the generated codes are valid');
  for (const [i, code] of codes.entries()) {
    for (const locale of ['zh-CN', 'en']) {
      const full = JSON.stringify(main.checkUscc(code, { locale, required: true }));
      assert.equal(JSON.stringify(main.checkUscc(code, { locale })), full, code);
      if (i % 97 === 0) assert.equal(JSON.stringify(main.checkUscc(code, { locale })), full, `${code} again`);
    }
  }
  // The earliest prefixes, met again after the clearing.
  for (const code of codes.slice(0, 50)) {
    assert.equal(JSON.stringify(main.checkUscc(code)), JSON.stringify(main.checkUscc(code, { required: true })), code);
  }
});
