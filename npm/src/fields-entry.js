// procurement-precheck/fields (browser, bundlers): see npm/src/entry-fields-browser.js.
import { init, fields } from './fields-bundle.js';

await fields.settle(init({ module_or_path: new URL('./procurement_precheck_fields_bg.wasm', import.meta.url) }));

export {
  checkUscc, checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version, ready, isAvailable,
} from './fields-bundle.js';
