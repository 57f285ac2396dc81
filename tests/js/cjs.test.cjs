// The package through CommonJS `require`, as an older Node back office or a Jest setup loads it.
'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const pp = require('procurement-precheck');

test('require() gives the same API, ready to call', () => {
  for (const name of ['checkUscc', 'checkIdNumber', 'parseAmount', 'amountToUppercase', 'screenPurchase', 'version']) {
    assert.equal(typeof pp[name], 'function', name);
  }
  assert.equal(pp.checkUscc('91110000600037341L').info.summary, '市场监管 · 企业 · 北京市');
  assert.equal(pp.amountToUppercase('1409.50'), '壹仟肆佰零玖元伍角');
  const county = pp.Catalogue.builtin('county-example-2023');
  assert.equal(county.search('ljqy')[0].item.code, '01060101');
  assert.equal(pp.screenPurchase({ itemCode: '01060101' }, { catalogue: county, asOf: '2026-01-01' }).item.code, '01060101');
  county.free();
});

test('the CommonJS and ES module builds give identical results', async () => {
  const esm = await import('procurement-precheck');
  const inline = await import('procurement-precheck/inline');
  for (const v of ['91110000600037341N', '11010519491231002X', '', null, 42]) {
    const want = JSON.stringify(esm.checkUscc(v, { locale: 'en' }));
    assert.equal(JSON.stringify(pp.checkUscc(v, { locale: 'en' })), want);
    assert.equal(JSON.stringify(inline.checkUscc(v, { locale: 'en' })), want);
  }
  assert.notEqual(esm.Catalogue, pp.Catalogue, 'two instances: one per module system');
});
