// The bad-input table (issue 6): what a browser form, a scraper or a broken integration can send
// to each entry point, and the field-addressed finding (code @ path) or structured error each
// must give. Data only; bad-inputs.test.mjs runs it through the installed package and makes a
// good call after every case to show the module still answers.

/** The bad values, by name. Factories, so that each case gets a fresh value. */
export const VALUES = {
  undefined: () => undefined,
  null: () => null,
  empty: () => '',
  spaces: () => '   ',
  zeroWidth: () => '\u200b\u200b',
  NaN: () => NaN,
  Infinity: () => Infinity,
  negInfinity: () => -Infinity,
  negZero: () => -0,
  huge: () => 1e300,
  tiny: () => 5e-324,
  int: () => 42,
  bigint: () => 10n,
  true: () => true,
  object: () => ({}),
  array: () => [],
  function: () => () => 1,
  symbol: () => Symbol('x'),
  mb: () => 'x'.repeat(1 << 20),
  tenK: () => '9'.repeat(10_000),
  surrogate: () => '\ud800',
  emoji: () => '😀',
  nul: () => '\u0000',
  rtl: () => '\u202e123',
  html: () => '<script>alert(1)</script>',
  sql: () => "' OR 1=1 --",
  fullWidthGarbage: () => '＃＃＃',
};

// What every text field says about the value classes that do not depend on the field.
const COMMON = {
  undefined: 'field.required', null: 'field.required', empty: 'field.required', spaces: 'field.required',
  zeroWidth: 'field.required',
  true: 'field.wrong_type', object: 'field.wrong_type', array: 'field.wrong_type', function: 'field.wrong_type',
  symbol: 'field.wrong_type',
  mb: 'field.too_long', tenK: 'field.too_long',
};
const NUMBERS_ARE_NOT_TEXT = Object.fromEntries(
  ['NaN', 'Infinity', 'negInfinity', 'negZero', 'huge', 'tiny', 'int', 'bigint'].map((k) => [k, 'field.number_not_text']));
const GARBAGE = (code) => Object.fromEntries(
  ['surrogate', 'emoji', 'nul', 'rtl', 'html', 'sql', 'fullWidthGarbage'].map((k) => [k, code]));

/** Field checks: entry → the path its findings carry, and value name → expected error code
 *  (`null`: the value is acceptable, no error). */
export const FIELD_MATRIX = {
  checkUscc: { path: 'uscc', codes: { ...COMMON, ...NUMBERS_ARE_NOT_TEXT, ...GARBAGE('uscc.length') } },
  checkIdNumber: { path: 'idNumber', codes: { ...COMMON, ...NUMBERS_ARE_NOT_TEXT, ...GARBAGE('id_number.length') } },
  checkOrgCode: { path: 'orgCode', codes: { ...COMMON, ...NUMBERS_ARE_NOT_TEXT, ...GARBAGE('org_code.length') } },
  checkRegNo15: { path: 'regNo15', codes: { ...COMMON, ...NUMBERS_ARE_NOT_TEXT, ...GARBAGE('regno15.length') } },
  // Amounts accept numbers (finite ones); -0 is 0.00 and 10n is 10.00.
  parseAmount: {
    path: 'amount',
    codes: {
      ...COMMON, ...GARBAGE('money.invalid'),
      NaN: 'money.not_finite', Infinity: 'money.not_finite', negInfinity: 'money.not_finite',
      negZero: null, int: null, bigint: null, huge: 'field.too_long', tiny: 'field.too_long',
    },
  },
  // A date may come as a number (20240105); these numbers are no dates.
  parseDate: {
    path: 'date',
    codes: {
      ...COMMON, ...GARBAGE('date.format'),
      NaN: 'date.format', Infinity: 'date.format', negInfinity: 'date.format', negZero: 'date.format',
      int: 'date.format', bigint: 'date.format', huge: 'field.too_long', tiny: 'field.too_long',
    },
  },
  // A phone number may come as a number (13812345678); these numbers are no phone numbers.
  checkMobile: {
    path: 'mobile',
    codes: {
      ...COMMON, ...GARBAGE('mobile.invalid'),
      NaN: 'mobile.invalid', Infinity: 'mobile.invalid', negInfinity: 'mobile.invalid', negZero: 'mobile.invalid',
      int: 'mobile.invalid', bigint: 'mobile.invalid', huge: 'field.too_long', tiny: 'field.too_long',
    },
  },
  // The words of an amount, checked against 1.00.
  checkUppercaseAmount: {
    path: 'uppercaseAmount',
    codes: { ...COMMON, ...NUMBERS_ARE_NOT_TEXT, ...GARBAGE('uppercase.invalid_char') },
  },
};

const deep = (n) => { const root = {}; let cur = root; for (let i = 0; i < n; i++) { cur.members = [{}]; [cur] = cur.members; } return root; };
const circular = () => { const o = { entityType: 'enterprise', name: '循环' }; o.self = o; o.members = [o]; return o; };
const supplier = (extra) => ({ entityType: 'enterprise', name: '示例公司', uscc: '91110000600037341L', ...extra });
const AS_OF = { asOf: '2026-03-15' };

/**
 * Structured cases: [name, call(pp) → result, expectation]. An expectation is
 * `{ code, path }` (a finding that must be there), `{ error: { code, path } }` (a thrown
 * PrecheckError) or `{ ok: true }`.
 */
export const CASES = [
  // Amounts at their edges.
  ['amount with 30 digits', (pp) => pp.parseAmount('1'.repeat(30)), { code: 'money.too_large', path: 'amount' }],
  ['amount with 3 decimals', (pp) => pp.parseAmount('1.234'), { code: 'money.too_many_decimals', path: 'amount' }],
  ['negative amount', (pp) => pp.parseAmount('-5'), { code: 'money.negative', path: 'amount' }],
  ['amount in 万元 with 7 decimals', (pp) => pp.parseAmount('1.0000001', { unit: 'wan' }), { code: 'money.too_many_decimals', path: 'amount' }],
  ['amount of words', (pp) => pp.parseAmount('一百块'), { code: 'money.invalid', path: 'amount' }],
  ['amount with two points', (pp) => pp.parseAmount('1.2.3'), { code: 'money.invalid', path: 'amount' }],
  ['uppercase against NaN', (pp) => pp.checkUppercaseAmount('壹元整', NaN), { code: 'money.not_finite', path: 'amount' }],
  ['uppercase against an object', (pp) => pp.checkUppercaseAmount('壹元整', {}), { code: 'field.wrong_type', path: 'amount' }],
  ['amountToUppercase(NaN) throws', (pp) => pp.amountToUppercase(NaN), { error: { code: 'money.not_finite', path: 'amount' } }],
  ['amountToUppercase(-1) throws', (pp) => pp.amountToUppercase(-1), { error: { code: 'money.negative', path: 'amount' } }],
  ['amountToUppercase of 30 digits throws', (pp) => pp.amountToUppercase('9'.repeat(30)), { error: { code: 'money.too_large', path: 'amount' } }],
  // Dates that are no dates.
  ['2023-02-29', (pp) => pp.parseDate('2023-02-29'), { code: 'date.not_a_date', path: 'date' }],
  ['0000-01-01', (pp) => pp.parseDate('0000-01-01'), { code: 'date.out_of_range', path: 'date' }],
  ['2024-13-01', (pp) => pp.parseDate('2024-13-01'), { code: 'date.not_a_date', path: 'date' }],
  ['99999-01-01', (pp) => pp.parseDate('99999-01-01'), { code: 'date.format', path: 'date' }],
  ['2024-02-29 is a date', (pp) => pp.parseDate('2024-02-29'), { ok: true }],
  ['ID number born 1900-02-29', (pp) => pp.checkIdNumber('110105190002290016'), { code: 'id_number.birth_date', path: 'idNumber' }],
  // Options of the wrong kind: structured errors naming the option.
  ['locale fr', (pp) => pp.checkUscc('x', { locale: 'fr' }), { error: { code: 'options.bad_value', path: 'opts.locale' } }],
  ['options not an object', (pp) => pp.checkUscc('x', 'zh-CN'), { error: { code: 'options.wrong_type', path: 'opts' } }],
  ['unit jiao', (pp) => pp.parseAmount('1', { unit: 'jiao' }), { error: { code: 'options.bad_value', path: 'opts.unit' } }],
  ['label a number', (pp) => pp.checkUscc('x', { label: 5 }), { error: { code: 'options.wrong_type', path: 'opts.label' } }],
  ['today not a date', (pp) => pp.checkIdNumber('x', { today: '2024-02-30' }), { error: { code: 'options.bad_value', path: 'opts.today' } }],
  ['search limit -1', (pp) => pp.Catalogue.builtin().search('a', { limit: -1 }), { error: { code: 'options.bad_value', path: 'opts.limit' } }],
  ['search limit NaN', (pp) => pp.Catalogue.builtin().search('a', { limit: NaN }), { error: { code: 'options.bad_value', path: 'opts.limit' } }],
  // Catalogues.
  ['catalogue null', (pp) => pp.Catalogue.fromJson(null), { error: { code: 'catalogue.invalid', path: 'catalogue' } }],
  ['catalogue not JSON', (pp) => pp.Catalogue.fromJson('{"items": ['), { error: { code: 'catalogue.invalid', path: 'catalogue' } }],
  ['catalogue circular', (pp) => pp.Catalogue.fromJson(circular()), { error: { code: 'catalogue.invalid', path: 'catalogue' } }],
  ['catalogue items not an array', (pp) => pp.Catalogue.fromJson({ version: '1', issuer: 'x', items: 'all' }), { error: { code: 'catalogue.invalid', path: 'catalogue' } }],
  ['catalogue item code 1 MB', (pp) => pp.Catalogue.fromJson({ version: '1', issuer: 'x', items: [{ code: 'x'.repeat(1 << 20), name: 'n' }] }), { error: { code: 'catalogue.invalid', path: 'catalogue' } }],
  ['catalogue __proto__ item', (pp) => pp.Catalogue.fromJson(JSON.parse('{"version":"1","issuer":"x","items":[{"code":"01","name":"类","__proto__":{"parent":"99"}}]}')).get('01').parent ?? 'none', { value: 'none' }],
  ['overlay a number', (pp) => pp.Catalogue.builtin().overlay(7), { error: { code: 'catalogue.invalid', path: 'overlay' } }],
  ['overlay withdraws all', (pp) => pp.Catalogue.builtin().overlay({ version: 'o', issuer: 'x', withdraw: [{ code: '01' }, { code: '02' }] }).size, { value: 0 }],
  ['search 1 MB query', (pp) => pp.Catalogue.builtin().search('垃'.repeat(1 << 20)).length, { value: 0 }],
  ['search a number', (pp) => pp.Catalogue.builtin().search(1).length >= 0, { value: true }],
  ['search an object', (pp) => pp.Catalogue.builtin().search({}).length, { value: 0 }],
  ['get an unpaired surrogate', (pp) => pp.Catalogue.builtin().get('\ud800'), { value: null }],
  // Purchase screening.
  ['project null', (pp) => pp.screenPurchase(null), { code: 'field.wrong_type', path: 'project' }],
  ['project itemCode a number is read as a code', (pp) => pp.screenPurchase({ itemCode: 106 }), { code: 'screen.item_unknown', path: 'itemCode' }],
  ['project budget NaN', (pp) => pp.screenPurchase({ itemCode: '0106', budget: { amount: NaN } }), { code: 'money.not_finite', path: 'budget.amount' }],
  ['project term -5 months', (pp) => pp.screenPurchase({ itemCode: '0106', budget: { amount: 1 }, contractTerm: { months: -5 } }), { code: 'screen.term_months_invalid', path: 'contractTerm.months' }],
  ['project catalogue a string', (pp) => pp.screenPurchase({ itemCode: '0106' }, { catalogue: 'central' }), { error: { code: 'options.wrong_type', path: 'opts.catalogue' } }],
  // Supplier applications.
  ['application undefined', (pp) => pp.checkSupplier(undefined, AS_OF), { code: 'qualification.wrong_type', path: 'application' }],
  ['application a string', (pp) => pp.checkSupplier('公司', AS_OF), { code: 'qualification.wrong_type', path: 'application' }],
  ['application circular: the endless part is unsupported, the rest checked', (pp) => pp.checkSupplier(circular(), AS_OF), { code: 'qualification.wrong_type', path: 'members' }],
  ['application circular: its other fields are read', (pp) => pp.checkSupplier(circular(), AS_OF), { code: 'qualification.unknown_field', path: 'self' }],
  ['application 200 levels deep', (pp) => pp.checkSupplier(deep(200), AS_OF), { code: 'other_conditions.consortium_nested', path: 'members[0].members' }],
  ['__proto__ key is an unknown field', (pp) => pp.checkSupplier(JSON.parse('{"__proto__":{"entityType":"enterprise"},"name":"x"}'), AS_OF), { code: 'qualification.unknown_field', path: '__proto__' }],
  ['entityType a number', (pp) => pp.checkSupplier(supplier({ entityType: 3 }), AS_OF), { code: 'qualification.bad_choice', path: 'entityType' }],
  ['entityType unknown', (pp) => pp.checkSupplier(supplier({ entityType: 'company' }), AS_OF), { code: 'qualification.bad_choice', path: 'entityType' }],
  ['name 1 MB', (pp) => pp.checkSupplier(supplier({ name: 'x'.repeat(1 << 20) }), AS_OF), { code: 'field.too_long', path: 'name' }],
  ['uscc with emoji', (pp) => pp.checkSupplier(supplier({ uscc: '😀' }), AS_OF), { code: 'uscc.length', path: 'uscc' }],
  ['registration an array', (pp) => pp.checkSupplier(supplier({ registration: [] }), AS_OF), { code: 'qualification.wrong_type', path: 'registration' }],
  ['establishedOn 2023-02-29', (pp) => pp.checkSupplier(supplier({ registration: { status: '存续', establishedOn: '2023-02-29' } }), AS_OF), { code: 'date.not_a_date', path: 'registration.establishedOn' }],
  ['penalties a string', (pp) => pp.checkSupplier(supplier({ penalties: 'none' }), AS_OF), { code: 'qualification.wrong_type', path: 'penalties' }],
  ['penalty null', (pp) => pp.checkSupplier(supplier({ penalties: [null] }), AS_OF), { code: 'qualification.wrong_type', path: 'penalties[0]' }],
  ['penalty kind unknown', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'parking', decidedOn: '2025-01-01' }] }), AS_OF), { code: 'qualification.bad_choice', path: 'penalties[0].kind' }],
  ['negative fine', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: '-5' }] }), AS_OF), { code: 'money.negative', path: 'penalties[0].fineAmount' }],
  ['fine NaN', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: NaN }] }), AS_OF), { code: 'money.not_finite', path: 'penalties[0].fineAmount' }],
  ['fine with 3 decimals', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: '1.005' }] }), AS_OF), { code: 'money.too_many_decimals', path: 'penalties[0].fineAmount' }],
  ['fine of 30 digits', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: '9'.repeat(30) }] }), AS_OF), { code: 'money.too_large', path: 'penalties[0].fineAmount' }],
  ['fine unit jiao', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '2025-01-01', fineAmount: '1', fineUnit: 'jiao' }] }), AS_OF), { code: 'qualification.bad_choice', path: 'penalties[0].fineUnit' }],
  ['decidedOn 0000-01-01', (pp) => pp.checkSupplier(supplier({ penalties: [{ kind: 'fine', decidedOn: '0000-01-01' }] }), AS_OF), { code: 'date.out_of_range', path: 'penalties[0].decidedOn' }],
  ['licences an object', (pp) => pp.checkSupplier(supplier({ licences: {} }), AS_OF), { code: 'qualification.wrong_type', path: 'licences' }],
  ['paidMonths 2025-13', (pp) => pp.checkSupplier(supplier({ taxSocialSecurity: { paidMonths: ['2025-13'] } }), AS_OF), { code: 'tax_and_social_security.month_format', path: 'taxSocialSecurity.paidMonths[0]' }],
  ['credit flags as strings', (pp) => pp.checkSupplier(supplier({ credit: { queriedOn: '2026-03-01', judgmentDefaulter: 'no', majorTaxViolator: false, procurementBlacklist: false } }), AS_OF), { code: 'qualification.wrong_type', path: 'credit.judgmentDefaulter' }],
  ['totalAssets Infinity', (pp) => pp.checkSupplier(supplier({ financials: { auditedReportYear: 2025, totalAssets: Infinity, totalLiabilities: 0, ownersEquity: 0 } }), AS_OF), { code: 'money.not_finite', path: 'financials.totalAssets' }],
  ['members a string', (pp) => pp.checkSupplier(supplier({ members: 'all' }), AS_OF), { code: 'qualification.wrong_type', path: 'members' }],
  ['asOf 2023-02-29', (pp) => pp.checkSupplier(supplier(), { asOf: '2023-02-29' }), { error: { code: 'options.bad_value', path: 'opts.asOf' } }],
  ['policy sector threshold lowered', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: { sectorFineThresholds: { 生态环境: '100' } } }), { error: { code: 'qualification.policy_threshold_lowered', path: 'opts.policy.sectorFineThresholds.生态环境' } }],
  ['policy majorFineThreshold retired', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: { majorFineThreshold: '100' } }), { error: { code: 'qualification.policy_threshold_retired', path: 'opts.policy.majorFineThreshold' } }],
  ['policy lookbackYears retired', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: { lookbackYears: -1 } }), { error: { code: 'qualification.policy_window_statutory', path: 'opts.policy.lookbackYears' } }],
  ['policy bankLetterMaxAgeMonths 0', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: { bankLetterMaxAgeMonths: 0 } }), { error: { code: 'options.bad_value', path: 'opts.policy.bankLetterMaxAgeMonths' } }],
  ['bankCreditLetter a string', (pp) => pp.checkSupplier(supplier({ financials: { bankCreditLetter: 'yes' } }), AS_OF), { code: 'qualification.wrong_type', path: 'financials.bankCreditLetter' }],
  ['guaranteeLetter issuedOn 2025-02-29', (pp) => pp.checkSupplier(supplier({ financials: { guaranteeLetter: { issuedOn: '2025-02-29' } } }), AS_OF), { code: 'date.not_a_date', path: 'financials.guaranteeLetter.issuedOn' }],
  ['policy unknown key', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: { lookback: 3 } }), { error: { code: 'qualification.policy_unknown', path: 'opts.policy.lookback' } }],
  ['policy __proto__ key', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, policy: JSON.parse('{"__proto__":{"lookbackYears":1}}') }), { error: { code: 'qualification.policy_unknown', path: 'opts.policy.__proto__' } }],
  ['itemCode unknown', (pp) => pp.checkSupplier(supplier(), { ...AS_OF, itemCode: '999' }), { error: { code: 'options.bad_value', path: 'opts.itemCode' } }],
];
