// The fields-first entry `procurement-precheck/fields` (issue 11): the field checks from their own
// small module, the same results as the default entry, through ESM and CommonJS; nothing of the
// catalogue or qualification in it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import * as light from 'procurement-precheck/fields';
import * as full from 'procurement-precheck';

const CASES = [
  ['checkUscc', '91110000600037341L'], ['checkUscc', '91110000600037341N'], ['checkUscc', '11010519491231002X'],
  ['checkIdNumber', '11010519491231002X'], ['checkIdNumber', '110105194912310021'],
  ['checkOrgCode', '60003734-1'], ['checkRegNo15', '110108000000016'],
  ['parseAmount', '1,234.56'], ['parseAmount', '-3'], ['parseDate', '2024年2月30日'], ['checkMobile', '13800138000'],
];

test('the fields entry gives the default entry\'s results, in every locale', () => {
  for (const [fn, value] of CASES) {
    for (const locale of ['zh-CN', 'zh-TW', 'en']) {
      assert.deepEqual(light[fn](value, { locale, label: 'X' }), full[fn](value, { locale, label: 'X' }), `${fn}(${value}) ${locale}`);
    }
  }
  assert.equal(light.checkUppercaseAmount('壹仟肆佰零玖元伍角', '1409.50').ok, true);
  assert.equal(light.amountToUppercase('16409.02'), '壹万陆仟肆佰零玖元零贰分');
  assert.equal(light.version(), full.version());
});

test('the fields entry exports the field checks only, with ready and isAvailable', async () => {
  assert.deepEqual(Object.keys(light).sort(), ['amountToUppercase', 'checkIdNumber', 'checkMobile', 'checkOrgCode',
    'checkRegNo15', 'checkUppercaseAmount', 'checkUscc', 'isAvailable', 'parseAmount', 'parseDate', 'ready', 'version']);
  assert.equal(await light.ready, true);
  assert.equal(light.isAvailable(), true);
  assert.equal(light.Catalogue, undefined);
  assert.equal(light.checkSupplier, undefined);
});

test('bad options still throw a PrecheckError, and the module answers afterwards', () => {
  assert.throws(() => light.checkUscc('91110000600037341L', { locale: 'fr' }), (e) => e.name === 'PrecheckError' && e.path === 'opts.locale');
  assert.equal(light.checkUscc('91110000600037341L').ok, true);
});

test('require("procurement-precheck/fields") gives the same checks', () => {
  const require = createRequire(import.meta.url);
  const cjs = require('procurement-precheck/fields');
  for (const [fn, value] of CASES) assert.deepEqual(cjs[fn](value), light[fn](value), `${fn}(${value})`);
  assert.deepEqual(Object.keys(cjs).sort(), Object.keys(light).sort());
  assert.equal(cjs.isAvailable(), true);
  return cjs.ready.then((v) => assert.equal(v, true));
});

test('procurement-precheck/attach: the field checks of the fields entry, with attach, ready and isAvailable', async () => {
  const a = await import('procurement-precheck/attach');
  assert.deepEqual(Object.keys(a).sort(), ['amountToUppercase', 'attach', 'checkIdNumber', 'checkMobile', 'checkOrgCode',
    'checkRegNo15', 'checkUppercaseAmount', 'checkUscc', 'isAvailable', 'parseAmount', 'parseDate', 'ready', 'version']);
  assert.equal(a.checkUscc, light.checkUscc, 'the fields entry\'s own functions, not a second module');
  assert.equal(await a.ready, true);
  assert.equal(a.isAvailable(), true);
  assert.throws(() => a.attach({}), /must be a <form> element/);
});

// The browser and bundler file of the entry holds its module as text (npm/src/wasm-text.js) and
// decodes it at import: in Node too, with the results of the Node entry (which reads the .wasm).
test('the browser file fields-entry.js, its module inside as text, gives the Node entry\'s results', async () => {
  const require = createRequire(import.meta.url);
  const { dirname, join } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const dir = dirname(require.resolve('procurement-precheck/package.json'));
  for (const file of ['fields-entry.js', 'fields.min.js']) {
    const web = await import(pathToFileURL(join(dir, file)).href);
    assert.equal(await web.ready, true, file);
    assert.deepEqual(Object.keys(web).sort(), Object.keys(light).sort(), file);
    for (const [fn, value] of CASES) {
      for (const locale of ['zh-CN', 'en']) {
        assert.deepEqual(web[fn](value, { locale, label: 'X' }), light[fn](value, { locale, label: 'X' }), `${file} ${fn}(${value}) ${locale}`);
      }
    }
    assert.equal(web.amountToUppercase('16409.02'), '壹万陆仟肆佰零玖元零贰分');
  }
});
