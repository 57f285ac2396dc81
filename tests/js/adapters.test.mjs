// The form-library adapters through the installed package, driven by the real libraries (root
// devDependencies): async-validator 4 (Element Plus; Ant Design forks it), async-validator 1.8
// (Element UI 2), and TanStack Form's core as the Standard Schema consumer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import AsyncValidator from 'async-validator';
import { FormApi, FieldApi } from '@tanstack/form-core';
import {
  toAsyncValidatorRules, standardSchema, supplierSchema, schemas,
  checkUscc, checkIdNumber, checkUppercaseAmount, checkSupplier,
} from 'procurement-precheck';

// Both are CommonJS; bundlers hand Element the constructor, Node's ESM interop the exports object.
const Schema = AsyncValidator.default ?? AsyncValidator;
const require = createRequire(import.meta.url);
const v1 = require('async-validator-1'); // the version Element UI 2 pins (~1.8.1)
const SchemaV1 = v1.default ?? v1;

const FIELDS = {
  creditCode: 'uscc',
  legalId: { check: 'idNumber', label: '法定代表人身份证号码', today: '2026-01-01' },
  capital: { check: 'amount', unit: 'wan', label: '注册资本' },
  capitalUpper: { check: 'uppercaseAmount', amount: 'capital', unit: 'wan', label: '注册资本大写' },
  mobile: 'mobile',
  fax: { check: 'phone', required: false },
};
const GOOD = {
  creditCode: '91110000600037341L', legalId: '11010519491231002X', capital: '120',
  capitalUpper: '壹佰贰拾万元整', mobile: '13812345678', fax: '',
};
const BAD = {
  creditCode: '91110000600037341N', legalId: '110105194912310021', capital: '120',
  capitalUpper: '壹佰万元整', mobile: '', fax: '010-1234',
};

/** async-validator 4's promise API: null when valid, else { field: [message, …] }. */
async function validate4(rules, model) {
  try {
    await new Schema(rules).validate(model);
    return null;
  } catch (e) {
    assert.ok(e.errors, `a validation failure, not ${e}`);
    return Object.fromEntries(Object.entries(e.fields).map(([k, errs]) => [k, errs.map((x) => x.message)]));
  }
}

test('async-validator 4 (Element Plus): a valid form passes, every bad field fails with the package message', async () => {
  const rules = toAsyncValidatorRules(FIELDS);
  assert.equal(await validate4(rules, GOOD), null);
  const errors = await validate4(rules, BAD);
  assert.deepEqual(Object.keys(errors).sort(), ['capitalUpper', 'creditCode', 'fax', 'legalId', 'mobile']);
  assert.deepEqual(errors.creditCode, [checkUscc(BAD.creditCode).findings[0].message]);
  assert.match(errors.creditCode[0], /^统一社会信用代码校验码错误/);
  // The label given replaces the default one; the message is the check's own.
  assert.deepEqual(errors.legalId,
    [checkIdNumber(BAD.legalId, { label: '法定代表人身份证号码', today: '2026-01-01' }).findings[0].message]);
  assert.match(errors.legalId[0], /^法定代表人身份证号码校验码错误/);
  assert.deepEqual(errors.mobile, ['请填写手机号码。']);
  assert.match(errors.fax[0], /010-1234/);
  // 壹佰万元整 against 120 万元: compared by value, with the figures read from the model.
  const upper = checkUppercaseAmount('壹佰万元整', '120', { unit: 'wan', label: '注册资本大写' });
  assert.deepEqual(errors.capitalUpper, [upper.findings[0].message]);
  assert.match(errors.capitalUpper[0], /壹佰贰拾万元整/);
});

test('async-validator 1.8 (Element UI 2) runs the same rules through its callback API', async () => {
  const rules = toAsyncValidatorRules(FIELDS);
  const run = (model) => new Promise((resolve) => {
    new SchemaV1(rules).validate(model, (errs, fields) => resolve(errs ? { errs, fields } : null));
  });
  const warn = console.warn; // async-validator 1 warns about every failure outside production
  console.warn = () => {};
  try {
    assert.equal(await run(GOOD), null);
    const { errs, fields } = await run(BAD);
    assert.equal(errs.length, 5);
    assert.deepEqual(fields.creditCode.map((e) => e.message), [checkUscc(BAD.creditCode).findings[0].message]);
    assert.equal(fields.creditCode[0].field, 'creditCode');
  } finally {
    console.warn = warn;
  }
});

test('rules: required and trigger as Element reads them; locale; bad options throw at once', async () => {
  const rules = toAsyncValidatorRules(FIELDS, { locale: 'en', trigger: ['blur', 'change'] });
  assert.equal(rules.creditCode[0].required, true, 'drives the form\'s asterisk');
  assert.equal(rules.fax[0].required, false);
  assert.deepEqual(rules.creditCode[0].trigger, ['blur', 'change']);
  assert.equal(toAsyncValidatorRules({ a: 'uscc' }).a[0].trigger, 'blur');
  const errors = await validate4(rules, { ...GOOD, creditCode: '91110000600037341N' });
  assert.deepEqual(Object.keys(errors), ['creditCode']);
  assert.match(errors.creditCode[0], /^The unified social credit code does not add up/);
  assert.throws(() => toAsyncValidatorRules({ a: { check: 'amount', unit: 'jiao' } }),
    (e) => e.name === 'PrecheckError' && e.path === 'opts.unit');
  assert.throws(() => toAsyncValidatorRules({ a: 'uscc' }, { locale: 'fr' }),
    (e) => e.name === 'PrecheckError' && e.path === 'opts.locale');
  assert.throws(() => toAsyncValidatorRules({ a: 'iban' }), TypeError);
  assert.throws(() => toAsyncValidatorRules({ a: { check: 'uppercaseAmount' } }), /amount/);
});

test('Element Plus validates one item at a time: the figures come from a function of the model', async () => {
  const model = { capital: '120', capitalUpper: '壹佰万元整' };
  const rules = toAsyncValidatorRules({
    capitalUpper: { check: 'uppercaseAmount', amount: () => model.capital, unit: 'wan', label: '注册资本大写' },
  });
  // What el-form-item does: a schema of the one prop, validated against { [prop]: value } only.
  const one = (value) => validate4({ capitalUpper: rules.capitalUpper }, { capitalUpper: value });
  assert.match((await one('壹佰万元整')).capitalUpper[0], /^注册资本大写“壹佰万元整”是1000000\.00元，与小写金额1200000\.00元不一致/);
  assert.equal(await one('壹佰贰拾万元整'), null);
  model.capital = 'abc'; // the figures' own problem is the figures field's message, not this one's
  assert.equal(await one('壹佰贰拾万元整'), null);
});

test('Ant Design contract: the validator returns a promise and never calls back', async () => {
  const { creditCode, capitalUpper } = toAsyncValidatorRules({
    creditCode: 'uscc',
    capitalUpper: { check: 'uppercaseAmount', amount: () => '1409.50' }, // antd: form.getFieldValue
  });
  const noCallback = () => assert.fail('callback is deprecated in rc-field-form');
  await creditCode[0].validator({ field: 'creditCode' }, '91110000600037341L', noCallback);
  await assert.rejects(creditCode[0].validator({ field: 'creditCode' }, '91110000600037341N', noCallback),
    (e) => e instanceof Error && e.message === checkUscc('91110000600037341N').findings[0].message);
  await capitalUpper[0].validator({ field: 'capitalUpper' }, '壹仟肆佰零玖元伍角', noCallback);
  await assert.rejects(capitalUpper[0].validator({ field: 'capitalUpper' }, '壹仟肆佰元', noCallback), /壹仟肆佰零玖元伍角/);
});

test('Standard Schema: field schemas return the normalised value or issues carrying the finding', () => {
  const s = schemas.uscc['~standard'];
  assert.equal(s.version, 1);
  assert.equal(s.vendor, 'procurement-precheck');
  assert.deepEqual(s.validate('９１１１００００６０００３７３４１ｌ'), { value: '91110000600037341L' });
  const bad = s.validate('91110000600037341N');
  assert.equal(bad.value, undefined);
  assert.equal(bad.issues.length, 1);
  assert.equal(bad.issues[0].code, 'uscc.check_char');
  assert.equal(bad.issues[0].message, checkUscc('91110000600037341N').findings[0].message);
  assert.equal(bad.issues[0].path, undefined, 'a field schema validates the value itself');
  assert.deepEqual(schemas.uscc['~standard'].validate('').issues.map((i) => i.code), ['field.required']);
  assert.deepEqual(standardSchema('uscc', { required: false })['~standard'].validate(''), { value: null });
  assert.deepEqual(standardSchema('amount', { unit: 'wan' })['~standard'].validate('12'), { value: '120000.00' });
  assert.deepEqual(schemas.phone['~standard'].validate('010-12345678'), { value: '010-12345678' });
  assert.equal(schemas.mobile['~standard'].validate('010-12345678').issues[0].code, 'mobile.landline_not_allowed');
  const en = standardSchema('idNumber', { locale: 'en', label: 'ID of the legal representative' });
  assert.match(en['~standard'].validate('110105194912310021').issues[0].message, /^The ID of the legal representative/);
  const upper = standardSchema('uppercaseAmount', { amount: () => '1409.50' })['~standard'];
  assert.deepEqual(upper.validate('壹仟肆佰零玖元伍角整'), { value: '壹仟肆佰零玖元伍角' });
  assert.equal(upper.validate('壹仟肆佰元').issues[0].code, 'uppercase.mismatch');
  assert.throws(() => standardSchema('date', { locale: 'fr' }), (e) => e.name === 'PrecheckError');
  assert.throws(() => standardSchema('uppercaseAmount'), TypeError);
});

const APPLICATION = {
  entityType: 'enterprise', name: '示例公司', uscc: '91110000600037341L',
  registration: { status: '存续', establishedOn: '2010-01-01' },
  credit: { queriedOn: '2026-03-01', judgmentDefaulter: false, majorTaxViolator: false, procurementBlacklist: false },
  commitments: { reputationAndAccounting: true, taxAndSocialSecurity: true, noMajorViolation: true, equipmentAndCapability: true },
};
const FINED = { ...APPLICATION, penalties: [
  { kind: 'warning', decidedOn: '2025-06-01' },
  { kind: 'fine', decidedOn: '2024-03-15', fineAmount: '250', fineUnit: 'wan' },
] };

test('Standard Schema for checkSupplier: issue paths as segments, the application as the value', () => {
  const schema = supplierSchema({ asOf: '2026-03-15' })['~standard'];
  assert.equal(checkSupplier(APPLICATION, { asOf: '2026-03-15' }).verdict, 'pass');
  assert.deepEqual(schema.validate(APPLICATION), { value: APPLICATION });
  const { issues } = schema.validate(FINED);
  const report = checkSupplier(FINED, { asOf: '2026-03-15' });
  assert.equal(report.verdict, 'fail');
  assert.deepEqual(issues.map((i) => i.finding), report.findings.filter((f) => f.severity === 'error'));
  const fine = issues.find((i) => i.code === 'no_major_violation.large_fine');
  assert.deepEqual(fine.path, ['penalties', 1, 'fineAmount']);
  assert.equal(schemas.supplier['~standard'].validate(null).issues.at(-1).code, 'qualification.wrong_type');
  assert.throws(() => supplierSchema({ locale: 'xx' }), (e) => e.name === 'PrecheckError' && e.path === 'opts.locale');
});

test('TanStack Form (a Standard Schema consumer): field and form validators, errors on the nested field', async () => {
  let submitted = 0;
  const form = new FormApi({
    defaultValues: FINED,
    validators: { onSubmit: supplierSchema({ asOf: '2026-03-15' }) },
    onSubmit: () => { submitted++; },
  });
  form.mount();
  const uscc = new FieldApi({ form, name: 'uscc', validators: { onChange: schemas.uscc } });
  uscc.mount();
  const fine = new FieldApi({ form, name: 'penalties[1].fineAmount' });
  fine.mount();

  uscc.setValue('91110000600037341N');
  assert.deepEqual(uscc.state.meta.errors.map((e) => e.code), ['uscc.check_char']);
  uscc.setValue('91110000600037341L');
  assert.deepEqual(uscc.state.meta.errors, []);

  await form.handleSubmit();
  assert.equal(submitted, 0, 'the 250万元 fine within three years fails the supplier');
  assert.deepEqual(fine.state.meta.errors.map((e) => e.code), ['no_major_violation.large_fine']);

  fine.setValue('150'); // 150万元 is under the 200万元 threshold
  await form.handleSubmit();
  assert.deepEqual(fine.state.meta.errors, []);
  assert.equal(submitted, 1);
});

test('the single-file variant exports the same API, adapters and attach included', async () => {
  const main = await import('procurement-precheck');
  const inline = await import('procurement-precheck/inline');
  const extra = Object.keys(inline).filter((k) => !(k in main));
  assert.deepEqual(Object.keys(main).filter((k) => !(k in inline)), [], 'nothing missing');
  // (It used to export the glue's init function as `default` too; since the entries re-export the
  // guarded glue (availability.js), both entries export exactly the same names.)
  assert.deepEqual(extra, [], 'nothing besides');
  for (const name of ['attach', 'toAsyncValidatorRules', 'standardSchema', 'supplierSchema']) assert.equal(typeof inline[name], 'function', name);
  assert.deepEqual(inline.schemas.supplier['~standard'].validate(FINED), main.schemas.supplier['~standard'].validate(FINED));
  assert.equal(await validate4(inline.toAsyncValidatorRules(FIELDS), GOOD), null);
});

// ---- issue 15: the shapes a portal team tries first ------------------------------------------

const precheckError = (path, code = 'options.wrong_type') => (e) => {
  assert.equal(e.name, 'PrecheckError', String(e));
  assert.equal(e.code, code);
  assert.equal(e.path, path);
  assert.ok(e instanceof Error && e.message.length > 0);
  return true;
};

test('toAsyncValidatorRules: an array of check names is a field of each name with that check', async () => {
  const rules = toAsyncValidatorRules(['uscc', 'mobile'], { locale: 'en' });
  assert.deepEqual(Object.keys(rules), ['uscc', 'mobile']);
  assert.equal(rules.uscc[0].required, true);
  assert.equal(await validate4(rules, { uscc: '91110000600037341L', mobile: '13812345678' }), null);
  const errors = await validate4(rules, { uscc: '91110000600037341N', mobile: '010-12345678' });
  assert.deepEqual(Object.keys(errors), ['uscc', 'mobile']);
  assert.match(errors.uscc[0], /^The unified social credit code does not add up/);
  assert.match(errors.mobile[0], /landline/);
  // The same rules as the object form.
  const same = toAsyncValidatorRules({ uscc: 'uscc', mobile: 'mobile' }, { locale: 'en' });
  assert.deepEqual(await validate4(same, { uscc: '91110000600037341N', mobile: '010-12345678' }), errors);
  assert.deepEqual(Object.keys(toAsyncValidatorRules([])), []);
  assert.throws(() => toAsyncValidatorRules(['uscc', 'iban']), TypeError); // an unknown check, as in an object
});

test('toAsyncValidatorRules: any other shape throws a PrecheckError naming the argument', () => {
  for (const bad of [5, 'uscc', null, undefined, true, () => 'uscc']) {
    assert.throws(() => toAsyncValidatorRules(bad), precheckError('fields'), String(bad));
  }
  assert.throws(() => toAsyncValidatorRules(['uscc', 5]), precheckError('fields[1]'));
  assert.throws(() => toAsyncValidatorRules(['uscc', ['mobile']]), precheckError('fields[1]'));
  assert.throws(() => toAsyncValidatorRules(['']), precheckError('fields[0]'));
  assert.throws(() => toAsyncValidatorRules([{ check: 'uscc' }]), precheckError('fields[0]'));
  for (const bad of [5, null, ['uscc'], {}, { check: 5 }, { label: '信用代码' }, true]) {
    assert.throws(() => toAsyncValidatorRules({ creditCode: bad }), precheckError('fields.creditCode'), JSON.stringify(bad));
  }
  assert.throws(() => toAsyncValidatorRules({ a: 'uscc' }, 'en'), precheckError('options'));
  assert.throws(() => toAsyncValidatorRules({ a: 'uscc' }, ['en']), precheckError('options'));
  assert.deepEqual(Object.keys(toAsyncValidatorRules({ a: 'uscc' }, null)), ['a']);
  // In the caller's language; zh-CN by default.
  assert.throws(() => toAsyncValidatorRules(5), (e) => e.message === '参数fields应为以字段名为键的对象或字段名数组，收到的是数字。');
  assert.throws(() => toAsyncValidatorRules({ creditCode: 5 }, { locale: 'en' }),
    (e) => e.message === 'Option fields.creditCode must be a check name or a field spec object; got a number.');
  assert.throws(() => toAsyncValidatorRules(['uscc', null], { locale: 'zh-TW' }),
    (e) => e.message === '參數fields[1]應為文字，收到的是空值。');
});

test('standardSchema: a check that is not a string, or opts that are not an object, throw a PrecheckError', () => {
  for (const bad of [5, null, undefined, ['uscc'], { check: 'uscc' }]) {
    assert.throws(() => standardSchema(bad), precheckError('check'), String(bad));
  }
  assert.throws(() => standardSchema(5, { locale: 'en' }), (e) => e.message === 'Option check must be text; got a number.');
  for (const bad of [5, 'en', ['uscc'], true]) {
    assert.throws(() => standardSchema('uscc', bad), precheckError('opts'), String(bad));
  }
  assert.equal(standardSchema('uscc', null)['~standard'].validate('91110000600037341L').value, '91110000600037341L');
  for (const bad of [5, 'en', ['x']]) {
    assert.throws(() => supplierSchema(bad), precheckError('opts'), String(bad));
  }
});

test('checkSupplier labels: the form\'s own labels name the fields; bad shapes name opts.labels…', () => {
  const opts = { asOf: '2026-03-15', labels: { 'penalties[].fineAmount': '罚款数额', uscc: '信用代码' } };
  const fine = checkSupplier(FINED, opts).findings.find((f) => f.code === 'no_major_violation.large_fine');
  assert.equal(fine.path, 'penalties[1].fineAmount');
  const bad = checkSupplier({ ...APPLICATION, uscc: '91110000600037341N' }, opts).findings.find((f) => f.code === 'uscc.check_char');
  assert.match(bad.message, /^信用代码校验码错误/);
  const { issues } = supplierSchema(opts)['~standard'].validate({ ...APPLICATION, uscc: '91110000600037341N' });
  assert.match(issues.find((i) => i.code === 'uscc.check_char').message, /^信用代码校验码错误/);
  assert.throws(() => checkSupplier(APPLICATION, { labels: 5 }), precheckError('opts.labels'));
  assert.throws(() => checkSupplier(APPLICATION, { labels: { uscc: 5 } }), precheckError('opts.labels.uscc'));
  assert.throws(() => supplierSchema({ labels: ['uscc'] }), precheckError('opts.labels'));
});
