// procurement-precheck — Node entry (Node >= 20). Instantiates the WebAssembly module
// synchronously from the file next to this one.
import { readFileSync } from 'node:fs';
import { initSync } from './procurement_precheck.js';
import { main } from './availability.js';

initSync({ module: readFileSync(new URL('./procurement_precheck_bg.wasm', import.meta.url)) });
main.markReady(); // a Node install without its .wasm throws above: loud, on purpose

export * from './procurement_precheck_guarded.js'; // the public exports of the glue
export { checkUscc } from './uscc-main.js'; // the fast path (fast.js); shadows the glue's
export { ready, isAvailable } from './status.js';
export { screenPurchase, checkSupplier, checkPackage } from './screen.js';
export { attach } from './attach-main.js';
export { toAsyncValidatorRules, standardSchema, supplierSchema, schemas } from './adapters.js';
