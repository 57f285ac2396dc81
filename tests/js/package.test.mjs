// The npm package as a user installs it: scripts/test.sh packs pkg/ with `npm pack`, installs
// the tarball into a throwaway project and runs this file there. FIXTURES points at
// tests/fixtures of the repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as pp from 'procurement-precheck';

const fixturesDir = process.env.FIXTURES;
assert.ok(fixturesDir, 'FIXTURES must point at tests/fixtures');
const fixture = (name) =>
  readFileSync(`${fixturesDir}/${name}`, 'utf8')
    .split('\n')
    .filter((l) => l.trim() && !l.startsWith('#'))
    .map((l) => l.split('\t').map((c) => c.trim()));

test('exports the public contract and nothing half-initialised', () => {
  for (const name of ['checkUscc', 'checkIdNumber', 'checkOrgCode', 'checkRegNo15', 'parseAmount',
    'amountToUppercase', 'checkUppercaseAmount', 'parseDate', 'checkMobile', 'version']) {
    assert.equal(typeof pp[name], 'function', name);
  }
  const require = createRequire(import.meta.url);
  const manifest = JSON.parse(readFileSync(require.resolve('procurement-precheck/package.json'), 'utf8'));
  assert.equal(pp.version(), manifest.version);
  assert.deepEqual(Object.keys(manifest.dependencies ?? {}), [], 'no runtime dependencies');
});

test('every shared valid USCC passes, including check char 0 (which stdnum rejects)', () => {
  const rows = fixture('uscc_valid.txt');
  assert.ok(rows.length >= 100);
  let zeros = 0;
  for (const [code] of rows) {
    const r = pp.checkUscc(code);
    assert.equal(r.ok, true, `${code} ${JSON.stringify(r.findings)}`);
    assert.deepEqual(r.findings, []);
    assert.equal(r.value, code);
    assert.match(r.info.summary, / · /);
    if (code.endsWith('0')) zeros++;
  }
  assert.ok(zeros >= 2);
});

test('shared invalid USCCs fail with the stated reason', () => {
  const expect = {
    '12345': 'uscc.length',
    'A1110000600037341L': 'uscc.check_char',
    '9111000060003IOZSV': 'uscc.invalid_char',
    '91110000600037341N': 'uscc.check_char',
  };
  for (const [code] of fixture('uscc_invalid.txt')) {
    const r = pp.checkUscc(code);
    assert.equal(r.ok, false, code);
    assert.equal(r.findings[0].code, expect[code], code);
    assert.equal(r.findings[0].severity, 'error');
    assert.equal(r.findings[0].path, 'uscc');
  }
  const r = pp.checkUscc('91110000600037341N');
  assert.equal(r.findings[0].params.expected, 'L');
  assert.equal(r.findings[0].basis, 'GB 32100-2015');
});

test('the ID number that passes the USCC check char is called an ID number', () => {
  const r = pp.checkUscc('362322198709086409');
  assert.equal(r.ok, false);
  assert.deepEqual(r.findings.map((f) => f.code), ['uscc.looks_like_id_number']);
  assert.match(r.findings[0].message, /身份证/);
});

test('decoded USCC info', () => {
  const r = pp.checkUscc('９１１１００００６０００３７３４１ｌ');
  assert.equal(r.ok, true);
  assert.equal(r.value, '91110000600037341L');
  assert.equal(r.findings[0].code, 'field.normalized');
  assert.deepEqual(
    { ...r.info },
    {
      authorityCode: '9', authority: '市场监管', typeCode: '1', type: '企业', entityKind: 'enterprise',
      divisionCode: '110000', province: '北京市', orgCode: '60003734-1', summary: '市场监管 · 企业 · 北京市',
    },
  );
  assert.equal(pp.checkUscc('91110000600037341L', { locale: 'en' }).info.summary, 'Market regulation · enterprise · Beijing');
});

test('pilot allow-list', () => {
  assert.equal(pp.checkUscc('91350203M0001QKT19').ok, false);
  const r = pp.checkUscc('91350203M0001QKT19', { usccPilotAllowlist: ['91350203M0001QKT19'] });
  assert.equal(r.ok, true);
  assert.equal(r.findings[0].code, 'uscc.pilot_allowlisted');
  assert.equal(r.findings[0].severity, 'warning');
});

test('shared ID numbers, org codes and registration numbers', () => {
  for (const [id, verdict] of fixture('ric.txt')) {
    assert.equal(pp.checkIdNumber(id).ok, verdict === 'valid', id);
  }
  const id = pp.checkIdNumber('11010519491231002x', { today: '2026-11-21' });
  assert.equal(id.value, '11010519491231002X');
  assert.deepEqual({ ...id.info }, {
    birthDate: '1949-12-31', sex: 'female', age: 76, divisionCode: '110105', provinceCode: '11', province: '北京市',
  });
  for (const [code, verdict] of fixture('org_code.txt')) {
    assert.equal(pp.checkOrgCode(code).ok, verdict === 'valid', code);
  }
  for (const [code, verdict] of fixture('regno15.txt')) {
    const r = pp.checkRegNo15(code);
    assert.equal(r.ok, verdict === 'valid', code);
    assert.ok(r.findings.some((f) => f.code === 'regno15.legacy'));
  }
});

test('shared uppercase vectors: generated and checked by value', () => {
  for (const [amount, spelled] of fixture('rmb_uppercase.txt')) {
    assert.equal(pp.amountToUppercase(amount), spelled.replaceAll('圆', '元'), amount);
    const r = pp.checkUppercaseAmount(spelled, amount);
    assert.equal(r.ok, true, `${amount} ${spelled} ${JSON.stringify(r.findings)}`);
    assert.deepEqual(r.findings, []);
  }
  for (const spelled of ['壹拾万柒仟元零伍角叁分', '壹拾万零柒仟元伍角叁分']) {
    assert.deepEqual(pp.checkUppercaseAmount(spelled, '107000.53').findings, [], spelled);
  }
  const bad = pp.checkUppercaseAmount('壹仟肆佰零玖元伍角', 1409.05);
  assert.equal(bad.ok, false);
  assert.equal(bad.findings[0].code, 'uppercase.mismatch');
  assert.equal(pp.amountToUppercase(16409.02), '壹万陆仟肆佰零玖元零贰分');
});

test('money: exact, with units, from numbers and strings', () => {
  assert.equal(pp.parseAmount('1,234.56').value, '1234.56');
  assert.equal(pp.parseAmount(0.1).value, '0.10');
  assert.equal(pp.parseAmount(0.1 + 0.2).findings[0].code, 'money.too_many_decimals');
  assert.equal(pp.parseAmount('250', { unit: 'wan' }).value, '2500000.00');
  assert.equal(pp.parseAmount('１２３.４５万元').info.fen, '123450000');
  assert.equal(pp.parseAmount(-1).findings[0].code, 'money.negative');
  assert.equal(pp.parseAmount(NaN).findings[0].code, 'money.not_finite');
  assert.equal(pp.parseAmount('1e3').findings[0].code, 'money.invalid');
  assert.equal(pp.parseAmount(1e21).findings[0].code, 'money.too_large');
});

test('dates and phone numbers', () => {
  assert.equal(pp.parseDate('2024年2月29日').value, '2024-02-29');
  assert.equal(pp.parseDate('2023-02-29').findings[0].code, 'date.not_a_date');
  assert.equal(pp.parseDate(20240105).value, '2024-01-05');
  assert.equal(pp.checkMobile('+86 138 1234 5678').value, '13812345678');
  assert.equal(pp.checkMobile('010-12345678').findings[0].code, 'mobile.landline_not_allowed');
  assert.equal(pp.checkMobile('010-12345678', { allowLandline: true }).value, '010-12345678');
});

test('locales, labels and paths', () => {
  const en = pp.checkUscc('91110000600037341N', { locale: 'en', label: 'Credit code', path: 'supplier.uscc' });
  assert.match(en.findings[0].message, /^The Credit code does not add up/);
  assert.equal(en.findings[0].path, 'supplier.uscc');
  const tw = pp.checkIdNumber('', { locale: 'zh-TW' });
  assert.equal(tw.findings[0].message, '請填寫居民身分證號碼。');
});

test('bad options throw a PrecheckError naming the option', () => {
  assert.throws(() => pp.checkUscc('x', { locale: 'fr' }), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, 'PrecheckError');
    assert.equal(e.code, 'options.bad_value');
    assert.equal(e.path, 'opts.locale');
    return true;
  });
  assert.throws(() => pp.parseAmount('1', { unit: 3 }), { code: 'options.wrong_type', path: 'opts.unit' });
  assert.throws(() => pp.amountToUppercase(-1), { name: 'PrecheckError', code: 'money.negative', path: 'amount' });
  assert.equal(pp.checkUscc('91110000600037341L').ok, true, 'still working after a throw');
});

const circular = {};
circular.self = circular;
const nasty = [
  undefined, null, '', ' ', 'x'.repeat(10_000), '😀'.repeat(50), '\ud800', '\u0000', 0, -0, NaN, Infinity,
  -Infinity, 1e308, 5e-324, Number.MAX_SAFE_INTEGER + 2, 91110000600037341, true, {}, [], ['91110000600037341L'],
  { toString() { return '91110000600037341L'; } }, circular, new Date(0), Symbol('s'), () => 1, 10n,
  Object.create(null), JSON.parse('{"__proto__": {"polluted": 1}}'), new Uint8Array(4), new Map(),
];

test('bad input never traps: findings every time, and the next call works', () => {
  const calls = [
    (v) => pp.checkUscc(v), (v) => pp.checkIdNumber(v), (v) => pp.checkOrgCode(v), (v) => pp.checkRegNo15(v),
    (v) => pp.parseAmount(v), (v) => pp.checkUppercaseAmount(v, v), (v) => pp.parseDate(v), (v) => pp.checkMobile(v),
  ];
  for (const v of nasty) {
    for (const call of calls) {
      const r = call(v);
      assert.equal(typeof r.ok, 'boolean');
      assert.ok(Array.isArray(r.findings));
      if (!r.ok) assert.ok(r.findings.some((f) => f.severity === 'error' && f.message && f.path));
    }
    assert.equal(pp.checkUscc(v).ok, false, String(typeof v));
    try {
      pp.amountToUppercase(v);
    } catch (e) {
      assert.equal(e.name, 'PrecheckError');
    }
    // Bad options objects too.
    for (const o of [v, { locale: v }, { label: v }, { usccPilotAllowlist: v }]) {
      try {
        pp.checkUscc('91110000600037341L', o);
      } catch (e) {
        assert.equal(e.name, 'PrecheckError', String(o));
      }
    }
    assert.equal(pp.checkUscc('91110000600037341L').ok, true, 'the module still answers');
  }
  assert.equal({}.polluted, undefined, 'no prototype pollution');
});
