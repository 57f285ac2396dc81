// procurement-precheck/fields — Node entry (Node >= 20): instantiates the fields module
// synchronously from the file next to this one.
import { readFileSync } from 'node:fs';
import { initSync } from './procurement_precheck_fields.js';
import { fields, statusOf } from './availability.js';

initSync({ module: readFileSync(new URL('./procurement_precheck_fields_bg.wasm', import.meta.url)) });
fields.markReady(); // a Node install without its .wasm throws above: loud, on purpose

export const { ready, isAvailable } = statusOf(fields);

export { checkUscc } from './uscc-fields.js'; // the fast path (fast.js)
export {
  checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields.js';
