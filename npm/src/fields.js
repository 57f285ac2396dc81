// Shared by attach.js and adapters.js (not part of the public API): the field checks by name
// (of either module: this file imports none), which check a field name implies, and the finding
// paths ("penalties[2].fineAmount") as segments and as keys of a mapping
// ("penalties[].fineAmount"). Every rule is in Rust; this module only picks the function and the
// options to pass.

/** The field checks by name, from one module's functions (the whole API's glue or the fields
 *  entry's: checks-main.js, attach-entry.js) and its checkUscc fast path. */
export function checkTable(glue, checkUscc) {
  return {
    uscc: checkUscc,
    idNumber: glue.checkIdNumber,
    orgCode: glue.checkOrgCode,
    regNo15: glue.checkRegNo15,
    amount: glue.parseAmount,
    date: glue.parseDate,
    mobile: glue.checkMobile,
    phone: (value, opts) => glue.checkMobile(value, { ...opts, allowLandline: true }),
    uppercaseAmount: glue.checkUppercaseAmount, // needs the figures too: see runCheck
  };
}

const CHECK_NAMES = ['uscc', 'idNumber', 'orgCode', 'regNo15', 'amount', 'date', 'mobile', 'phone', 'uppercaseAmount'];

/** The options a field check reads; everything else in a field spec is the caller's. */
const CHECK_OPTIONS = ['label', 'path', 'required', 'unit', 'allowNegative', 'allowLandline', 'today',
  'usccPilotAllowlist', 'amountPath', 'amountLabel', 'allowLongTerm'];

/** Which check a field name (the last segment of a path) implies; null: none. */
const CHECK_OF_NAME = {
  uscc: 'uscc', idNumber: 'idNumber', orgCode: 'orgCode', regNo15: 'regNo15', mobile: 'mobile', phone: 'phone',
  amount: 'amount', capital: 'amount', totalAssets: 'amount', totalLiabilities: 'amount', ownersEquity: 'amount',
  fineAmount: 'amount', uppercaseAmount: 'uppercaseAmount', date: 'date', establishedOn: 'date',
  termEnd: 'date', queriedOn: 'date', decidedOn: 'date', banUntil: 'date', validUntil: 'date',
};

/** Options a field name implies beside its check: a licence's validUntil and a registration's
 *  termEnd may be 长期 (the core accepts it there, RULES.md §4.3), so parseDate gets
 *  allowLongTerm for them; a spec's own option wins. */
const OPTIONS_OF_NAME = {
  termEnd: { allowLongTerm: true }, validUntil: { allowLongTerm: true },
};

function lastName(key) {
  return key.slice(key.lastIndexOf('.') + 1).replace(/\[\]$/, '');
}

function isFieldCheck(name) {
  return CHECK_NAMES.includes(name);
}

export function checkOfKey(key) {
  return CHECK_OF_NAME[lastName(key)] ?? null;
}

/** The check options a field key implies when its check is the one its name implies. */
export function optionsOfKey(key, check) {
  const last = lastName(key);
  return check != null && CHECK_OF_NAME[last] === check ? { ...OPTIONS_OF_NAME[last] } : {};
}

/** A field spec ('uscc' or { check: 'amount', unit: 'wan', … }) as an object; throws on an unknown check. */
export function fieldSpec(spec, where) {
  const s = typeof spec === 'string' ? { check: spec } : { ...spec };
  if (s.check != null && !isFieldCheck(s.check)) {
    throw new TypeError(`${where}: unknown check "${s.check}" (one of ${CHECK_NAMES.join(', ')})`);
  }
  return s;
}

/**
 * Runs the check `spec.check` of `checks` (a checkTable) on `value` with the check options of
 * `spec` and of `base` (locale, path …); `figures` is the amount an uppercaseAmount is compared with.
 */
export function runCheck(checks, spec, value, base, figures) {
  const opts = { ...base };
  for (const k of CHECK_OPTIONS) if (spec[k] !== undefined) opts[k] = spec[k];
  if (spec.check === 'uppercaseAmount') return checks.uppercaseAmount(value, figures, opts);
  return checks[spec.check](value, opts);
}

/** 元 / 万元 as a form's unit select may write them, as the package's unit names. */
export function unitName(value) {
  const v = typeof value === 'string' ? value.trim() : value;
  if (v === '元' || v === 'yuan') return 'yuan';
  if (v === '万元' || v === '万' || v === '萬元' || v === 'wan') return 'wan';
  return undefined;
}

/** "penalties[2].fineAmount" → ["penalties", 2, "fineAmount"] (Standard Schema issue paths). */
export function pathSegments(path) {
  const out = [];
  for (const part of path.split('.')) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) { out.push(part); continue; }
    if (m[1]) out.push(m[1]);
    for (const [, n] of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(n));
  }
  return out;
}

/** "penalties[2].fineAmount" → { key: "penalties[].fineAmount", row: 2 }; at most one index. */
export function keyOfPath(path) {
  let row = null;
  let count = 0;
  const key = path.replace(/\[(\d+)\]/g, (_, n) => { count++; row = Number(n); return '[]'; });
  return count > 1 ? null : { key, row };
}
