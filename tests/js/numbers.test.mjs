// JS values read at the wasm boundary (issue 11: the module reads them by hand, without serde's
// machinery, and has the engine find a number's digits instead of carrying float formatting):
// numbers keep the text the native reader gives them (Rust's `Display` of the f64: plain decimal,
// never an exponent), and what cannot be read is a wrong type, through both entries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as light from 'procurement-precheck/fields';
import * as full from 'procurement-precheck';

// [number, params of parseAmount's findings] — the values the serde reader gave before.
const NUMBERS = [
  [1e-7, [{ decimals: '7', value: '0.0000001' }]],
  [1.5e-7, [{ decimals: '8', value: '0.00000015' }]],
  [-1.5e-7, [{ decimals: '8', value: '-0.00000015' }]],
  [2.5e-5, [{ decimals: '6', value: '0.000025' }]],
  [0.1 + 0.2, [{ decimals: '17', value: '0.30000000000000004' }]],
  [123456.789, [{ decimals: '3', value: '123456.789' }]],
  [12345678.9, []],
  [1e300, [{ length: '301', max: '200' }]], // 1 and 300 zeros, not "1e+300"
  [5e-324, [{ length: '326', max: '200' }]], // "0." and 323 zeros and 5
];

for (const [name, pp] of [['fields', light], ['default', full]]) {
  test(`${name} entry: numbers read as the native reader writes them`, () => {
    for (const [n, params] of NUMBERS) {
      assert.deepEqual(pp.parseAmount(n).findings.map((f) => f.params), params, String(n));
    }
    assert.equal(pp.parseAmount(1234.5).value, '1234.50');
    assert.equal(pp.amountToUppercase(1409.5), '壹仟肆佰零玖元伍角');
  });

  test(`${name} entry: values that cannot be read are a wrong type; nested ones and Maps are read`, () => {
    const got = (v) => pp.parseAmount(v).findings.map((f) => `${f.code} ${f.params.got ?? ''}`.trim());
    assert.deepEqual(got({ a: [1.5, 2n, null, true, { b: 3.25 }] }), ['field.wrong_type object']);
    assert.deepEqual(got([1, 2]), ['field.wrong_type array']);
    for (const v of [Symbol('s'), () => 1, new Set([1]), new Uint8Array(2), new ArrayBuffer(2), { s: Symbol('s') }, 2n ** 70n]) {
      assert.deepEqual(got(v), ['field.wrong_type unsupported'], String(typeof v));
    }
    assert.equal(pp.parseAmount(10n).value, '10.00');
    assert.deepEqual(light.checkUscc(10n).findings.map((f) => f.code), ['field.number_not_text']);
    assert.equal(pp.parseAmount('1', new Map([['locale', 'en']])).ok, true);
    assert.equal(pp.parseAmount('x', new Map([['locale', 'en']])).findings[0].message.includes('amount'), true);
  });
}
