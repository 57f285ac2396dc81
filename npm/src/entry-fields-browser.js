// procurement-precheck/fields — the field checks alone (统一社会信用代码, 身份证, 组织机构代码, 注册号,
// money, 大写金额, dates, phones) from a small module of their own: no catalogue, no qualification,
// no pinyin tables. The browser and bundler entry is fields-entry.js: it loads the .wasm at import
// (top-level await) and re-exports the checks from fields-bundle.js, which is this file bundled
// and minified by npm/build.mjs (the glue, its guard, the checkUscc fast path of fast.js and the
// availability state: one request and one gzip stream instead of five). fields-entry.js is kept
// as written and short: bundlers look for its `new URL('./….wasm', import.meta.url)` line, and
// it is on the critical path of the first check (issue 11).
// The await never rejects: a .wasm that cannot be loaded leaves the checks throwing a
// PrecheckError with code "unavailable" (see availability.js) and the importing app running.
export { default as init } from './procurement_precheck_fields.js';
import { fields, statusOf } from './availability.js';

export { fields };
export const { ready, isAvailable } = statusOf(fields);
export { checkUscc } from './uscc-fields.js'; // the fast path (fast.js)
export {
  checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields_guarded.js';
