// The adapters through CommonJS `require`, as a Vue 2 + Element UI build (webpack 4, CommonJS
// async-validator 1.8) or a Jest setup loads them.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const pp = require('procurement-precheck');
const v1 = require('async-validator-1');

const SchemaV1 = v1.default ?? v1;

test('require() gives the adapters and attach', () => {
  for (const name of ['toAsyncValidatorRules', 'standardSchema', 'supplierSchema', 'attach']) {
    assert.equal(typeof pp[name], 'function', name);
  }
  assert.equal(pp.schemas.uscc['~standard'].version, 1);
});

test('Element UI: rules from require() validate with async-validator 1.8', async () => {
  const rules = pp.toAsyncValidatorRules({ creditCode: { check: 'uscc', label: '统一社会信用代码' }, amount: { check: 'amount' } });
  const warn = console.warn;
  console.warn = () => {};
  try {
    const fields = await new Promise((resolve) => {
      new SchemaV1(rules).validate({ creditCode: '91110000600037341N', amount: '1,234.567' }, (errs, f) => resolve(f));
    });
    assert.deepEqual(fields.creditCode.map((e) => e.message), [pp.checkUscc('91110000600037341N').findings[0].message]);
    assert.deepEqual(fields.amount.map((e) => e.message), [pp.parseAmount('1,234.567').findings[0].message]);
  } finally {
    console.warn = warn;
  }
});

test('the CommonJS and ES module adapters give the same issues', async () => {
  const esm = await import('procurement-precheck');
  const app = { entityType: 'enterprise', name: 'x', penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: 'abc' }] };
  const cjsIssues = pp.supplierSchema({ asOf: '2026-01-01' })['~standard'].validate(app).issues;
  const esmIssues = esm.supplierSchema({ asOf: '2026-01-01' })['~standard'].validate(app).issues;
  assert.deepEqual(cjsIssues, esmIssues);
  assert.ok(cjsIssues.some((i) => i.path.join('/') === 'penalties/0/fineAmount' && i.code === 'money.invalid'));
});
