// Runs the bad-input table (bad-inputs.mjs) through the installed package: every case gives its
// field-addressed finding or structured error — never a trap — and after each one the same
// module instance still answers a good call correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as pp from 'procurement-precheck';
import { VALUES, FIELD_MATRIX, CASES } from './bad-inputs.mjs';

const GOOD = '市场监管 · 企业 · 北京市';
const stillWorks = (after) => {
  const r = pp.checkUscc('91110000600037341L');
  assert.equal(r.info?.summary, GOOD, `the module stopped answering after ${after}`);
};

function errorsOf(r) {
  return r.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.path}`);
}

const fieldCases = Object.entries(FIELD_MATRIX).flatMap(([entry, { path, codes }]) =>
  Object.keys(VALUES).map((value) => [entry, value, path, codes[value]]));

test(`the table has at least 200 cases (${fieldCases.length + CASES.length})`, () => {
  assert.ok(fieldCases.length + CASES.length >= 200);
  for (const [entry, value, , code] of fieldCases) assert.notEqual(code, undefined, `${entry} × ${value} has no expectation`);
});

test('field checks: every bad value is a finding at the field, never a throw', () => {
  const wrong = [];
  for (const [entry, value, path, code] of fieldCases) {
    const v = VALUES[value]();
    const r = entry === 'checkUppercaseAmount' ? pp.checkUppercaseAmount(v, '1.00') : pp[entry](v);
    const errors = errorsOf(r);
    if (code === null) {
      if (!r.ok) wrong.push(`${entry}(${value}): expected ok, got ${errors}`);
    } else if (r.ok || errors[0] !== `${code}@${path}`) {
      wrong.push(`${entry}(${value}): expected ${code}@${path}, got ${errors.join(', ') || 'ok'}`);
    }
    for (const f of r.findings) {
      if (typeof f.message !== 'string' || !f.message) wrong.push(`${entry}(${value}): empty message`);
    }
    stillWorks(`${entry}(${value})`);
  }
  assert.deepEqual(wrong, []);
});

test('structured cases: findings, structured errors and values as the table says', () => {
  const wrong = [];
  for (const [name, call, want] of CASES) {
    let result;
    let error;
    try { result = call(pp); } catch (e) { error = e; }
    if (want.error) {
      if (!error) wrong.push(`${name}: expected error ${want.error.code}, got a result`);
      else if (error.name !== 'PrecheckError' || error.code !== want.error.code || error.path !== want.error.path) {
        wrong.push(`${name}: expected error ${want.error.code}@${want.error.path}, got ${error.name} ${error.code}@${error.path}: ${error.message}`);
      }
    } else if (error) {
      wrong.push(`${name}: unexpected throw ${error.name} ${error.code}@${error.path}: ${error.message}`);
    } else if ('value' in want) {
      if (result !== want.value) wrong.push(`${name}: expected ${want.value}, got ${result}`);
    } else if (want.ok) {
      if (!result.ok) wrong.push(`${name}: expected ok, got ${errorsOf(result)}`);
    } else {
      const all = result.findings.map((f) => `${f.code}@${f.path}`);
      if (!all.includes(`${want.code}@${want.path}`)) wrong.push(`${name}: expected ${want.code}@${want.path}, got ${all.join(', ')}`);
    }
    stillWorks(name);
  }
  assert.deepEqual(wrong, []);
});

test('prototype-polluting keys pollute nothing', () => {
  pp.checkSupplier(JSON.parse('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}'), { asOf: '2026-01-01' });
  pp.Catalogue.fromJson(JSON.parse('{"version":"1","issuer":"x","items":[{"code":"01","name":"a"}],"__proto__":{"polluted":1}}'));
  assert.equal({}.polluted, undefined);
  assert.equal(Object.prototype.polluted, undefined);
});
