// procurement-precheck/fields — the field checks alone (统一社会信用代码, 身份证, 组织机构代码, 注册号,
// money, 大写金额, dates, phones) from a small module of their own: no catalogue, no qualification,
// no pinyin tables. Browser and bundler entry; loads its .wasm at import (top-level await).
import init from './procurement_precheck_fields.js';

await init({ module_or_path: new URL('./procurement_precheck_fields_bg.wasm', import.meta.url) });

export {
  checkUscc, checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields.js';
