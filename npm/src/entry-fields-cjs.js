// Source of the fields entry for CommonJS (bundled by npm/build.mjs into fields-entry.cjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './procurement_precheck_fields.js';
import { fields, statusOf } from './availability.js';

// eslint-disable-next-line no-undef -- the bundle is CommonJS: __dirname is the package folder
initSync({ module: readFileSync(join(__dirname, 'procurement_precheck_fields_bg.wasm')) });
fields.markReady(); // a Node install without its .wasm throws above: loud, on purpose

export const { ready, isAvailable } = statusOf(fields);

export { checkUscc } from './uscc-fields.js'; // the fast path (fast.js)
export {
  checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck_fields.js';
