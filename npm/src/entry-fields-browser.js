// procurement-precheck/fields — the field checks alone (统一社会信用代码, 身份证, 组织机构代码, 注册号,
// money, 大写金额, dates, phones) from a small module of their own: no catalogue, no qualification,
// no pinyin tables. The browser and bundler entry: npm/build.mjs bundles this file, the glue, its
// guard, the checkUscc fast path of fast.js, the availability state and the .wasm itself (as text,
// see wasm-text.js) into pkg/fields-entry.js — one request and one gzip stream before the first
// check, where there were three levels of requests (the entry, its modules, then its .wasm):
// issue 11. Bundlers have nothing to resolve or copy in it.
// The await never rejects: a module that cannot be compiled (a CSP without 'wasm-unsafe-eval',
// no WebAssembly) leaves the checks throwing a PrecheckError with code "unavailable" (see
// availability.js) and the importing app running.
import wasm from 'wasm-text:./procurement_precheck_fields_bg.wasm';
import init from './procurement_precheck_fields.js';
import { decodeWasm } from './wasm-text.js';
import { fields, statusOf } from './availability.js';

// Asynchronous compile, as from a file: browsers that limit synchronous compiles on the main
// thread still load it (Chromium before 114 refused modules over 4 KB; 360 and QQ browsers
// still ship such cores).
await fields.settle(Promise.resolve(wasm).then(decodeWasm).then((bytes) => init({ module_or_path: bytes })));

export const { ready, isAvailable } = statusOf(fields);
export { checkUscc } from './uscc-fields.js'; // the fast path (fast.js)
export {
  checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields_guarded.js';
