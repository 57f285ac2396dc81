// Source of the CommonJS entry (bundled by npm/build.mjs into node.cjs, not shipped as is):
// instantiates the module synchronously from the .wasm beside the bundle at require time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { initSync } from './procurement_precheck.js';
import { main } from './availability.js';

// eslint-disable-next-line no-undef -- the bundle is CommonJS: __dirname is the package folder
initSync({ module: readFileSync(join(__dirname, 'procurement_precheck_bg.wasm')) });
main.markReady(); // a Node install without its .wasm throws above: loud, on purpose

export * from './procurement_precheck_guarded.js'; // the public exports of the glue
export { checkUscc } from './uscc-main.js'; // the fast path (fast.js); shadows the glue's
export { ready, isAvailable } from './status.js';
export { screenPurchase, checkSupplier, checkPackage } from './screen.js';
export { attach } from './attach-main.js';
export { toAsyncValidatorRules, standardSchema, supplierSchema, schemas } from './adapters.js';
