// procurement-precheck/fields — the field checks alone (统一社会信用代码, 身份证, 组织机构代码, 注册号,
// money, 大写金额, dates, phones) from a small module of their own: no catalogue, no qualification,
// no pinyin tables. Browser and bundler entry; loads its .wasm at import (top-level await).
// The await never rejects: a .wasm that cannot be loaded leaves the checks throwing a
// PrecheckError with code "unavailable" (see availability.js) and the importing app running.
import init from './procurement_precheck_fields.js';
import { fields } from './availability.js';

await fields.settle(init({ module_or_path: new URL('./procurement_precheck_fields_bg.wasm', import.meta.url) }));

export { checkUscc } from './uscc-fields.js'; // the fast path (fast.js)
export {
  checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields_guarded.js';
