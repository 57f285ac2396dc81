// Adapters for the form libraries portals already use. They touch no DOM and run in Node too.
//
// - toAsyncValidatorRules(fields, options?): rules for async-validator, the validator behind
//   Element UI (Vue 2), Element Plus (Vue 3) and Ant Design forms. Each rule's validator returns
//   a Promise (what every async-validator version and Ant Design's rc-field-form accept) that
//   rejects with the package's own message in the chosen locale, naming the field by its label.
// - Standard Schema v1 objects (`~standard`): standardSchema(check, opts?), the ready-made
//   `schemas` (zh-CN, required) and supplierSchema(opts?) for checkSupplier, whose issues carry
//   the finding's path as segments (["penalties", 2, "fineAmount"]).
import { argumentError as wasmArgumentError } from './procurement_precheck.js';
import { main, warnPassThrough } from './availability.js';
import { checkSupplier } from './screen.js';
import { fieldSpec, runCheck, pathSegments } from './fields.js';
import { checks } from './checks-main.js';

const VENDOR = 'procurement-precheck';

/** The checks can run (the WebAssembly module loaded). When not, every adapter passes values
 *  through with a console warning, and its options are not checked (that needs the module). */
const available = () => main.status === 'ready';

/** A PrecheckError naming the argument; without the module, a TypeError naming it. */
function argumentError(path, expected, value, opts) {
  if (available()) return wasmArgumentError(path, expected, value, opts);
  return new TypeError(`procurement-precheck: ${path} should be ${expected}`);
}

/** The figures an uppercaseAmount is compared with: a value, a function, or a key of `source`. */
function figuresOf(spec, source) {
  const a = spec.amount;
  if (typeof a === 'function') return a(source);
  if (typeof a === 'string' && source != null && typeof source === 'object') return source[a];
  return a;
}

/** A check's errors; an uppercaseAmount's findings on its figures belong to the figures' field. */
function errorsOf(spec, result, path) {
  return result.findings.filter((f) => f.severity === 'error'
    && (spec.check !== 'uppercaseAmount' || f.path === path));
}

// ---- async-validator -------------------------------------------------------------------------

/** An object that is not an array (nor null): what options and field specs are. */
function isObject(v) {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The fields of toAsyncValidatorRules as [name, spec] pairs: an object of specs, or an array
 *  of check names (each a field of that name with that check). Any other shape throws a
 *  PrecheckError naming the argument (`fields`, `fields[1]`, `fields.uscc`). */
function fieldEntries(fields, locale) {
  if (Array.isArray(fields)) {
    return fields.map((name, i) => {
      if (typeof name !== 'string' || name.trim() === '') throw argumentError(`fields[${i}]`, 'string', name, { locale });
      return [name, name];
    });
  }
  if (!isObject(fields)) throw argumentError('fields', 'fields', fields, { locale });
  return Object.entries(fields).map(([name, spec]) => {
    const usable = typeof spec === 'string' || (isObject(spec) && typeof spec.check === 'string');
    if (!usable) throw argumentError(`fields.${name}`, 'field_spec', spec, { locale });
    return [name, spec];
  });
}

/** An options argument: absent, null or an object; anything else throws a PrecheckError naming it. */
function optionsOf(options, name) {
  if (options == null) return {};
  if (!isObject(options)) throw argumentError(name, 'object', options);
  return options;
}

export function toAsyncValidatorRules(fields, options) {
  options = optionsOf(options, 'options');
  const locale = options.locale ?? 'zh-CN';
  const rules = {};
  for (const [name, raw] of fieldEntries(fields, locale)) {
    const spec = fieldSpec(raw, `toAsyncValidatorRules: field "${name}"`);
    if (spec.check === 'uppercaseAmount' && spec.amount === undefined) {
      throw new TypeError(`toAsyncValidatorRules: field "${name}" (uppercaseAmount) needs amount: the figures' field`);
    }
    if (available()) runCheck(checks, spec, '', { locale, required: false }, ''); // bad options throw now, not on the user's blur
    const required = spec.required ?? true;
    rules[name] = [{
      required,
      trigger: spec.trigger ?? options.trigger ?? 'blur',
      validator(rule, value, _callback, source) {
        if (!available()) { warnPassThrough(); return Promise.resolve(); }
        const path = rule?.fullField ?? rule?.field ?? name;
        const r = runCheck(checks, spec, value, { locale, path, required }, figuresOf(spec, source));
        const errors = errorsOf(spec, r, path);
        return errors.length === 0 ? Promise.resolve()
          : Promise.reject(new Error(errors.map((f) => f.message).join(' ')));
      },
    }];
  }
  return rules;
}

// ---- Standard Schema v1 ----------------------------------------------------------------------

function issue(finding, withPath) {
  const i = { message: finding.message, code: finding.code, finding };
  if (withPath) i.path = pathSegments(finding.path);
  return i;
}

function fieldSchema(spec, locale) {
  return {
    '~standard': {
      version: 1,
      vendor: VENDOR,
      validate(value) {
        if (!available()) { warnPassThrough(); return { value }; }
        const r = runCheck(checks, spec, value, { locale }, figuresOf(spec, undefined));
        const errors = errorsOf(spec, r, 'uppercaseAmount'); // checkUppercaseAmount's default path
        return errors.length ? { issues: errors.map((f) => issue(f, false)) } : { value: r.value };
      },
    },
  };
}

/** A Standard Schema for one field check: standardSchema('uscc', { label: '信用代码', locale: 'en' }). */
export function standardSchema(check, opts) {
  opts = optionsOf(opts, 'opts');
  const locale = opts.locale ?? 'zh-CN';
  if (typeof check !== 'string') throw argumentError('check', 'string', check, { locale });
  const spec = fieldSpec({ ...opts, check }, 'standardSchema');
  if (spec.check === 'uppercaseAmount' && spec.amount === undefined) {
    throw new TypeError('standardSchema("uppercaseAmount"): needs opts.amount, the figures (or a function giving them)');
  }
  if (available()) runCheck(checks, spec, '', { locale, required: false }, ''); // bad options throw here
  return fieldSchema(spec, locale);
}

function supplierSchemaOf(opts) {
  return {
    '~standard': {
      version: 1,
      vendor: VENDOR,
      validate(value) {
        if (!available()) { warnPassThrough(); return { value }; }
        const report = checkSupplier(value, opts);
        const errors = report.findings.filter((f) => f.severity === 'error');
        return errors.length ? { issues: errors.map((f) => issue(f, true)) } : { value };
      },
    },
  };
}

/** A Standard Schema for checkSupplier: the application passes when no finding is an error
 *  (verdict "pass"); each issue's path is the finding's, as segments. */
export function supplierSchema(opts = {}) {
  if (available()) checkSupplier({}, opts); // bad options (a PrecheckError) throw here
  return supplierSchemaOf(opts);
}

/** Ready-made schemas (zh-CN messages, value required). */
export const schemas = Object.freeze({
  uscc: fieldSchema({ check: 'uscc' }, 'zh-CN'),
  idNumber: fieldSchema({ check: 'idNumber' }, 'zh-CN'),
  orgCode: fieldSchema({ check: 'orgCode' }, 'zh-CN'),
  regNo15: fieldSchema({ check: 'regNo15' }, 'zh-CN'),
  amount: fieldSchema({ check: 'amount' }, 'zh-CN'),
  date: fieldSchema({ check: 'date' }, 'zh-CN'),
  mobile: fieldSchema({ check: 'mobile' }, 'zh-CN'),
  phone: fieldSchema({ check: 'phone' }, 'zh-CN'),
  supplier: supplierSchemaOf(undefined),
});
