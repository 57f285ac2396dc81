// procurement-precheck — browser and bundler entry. Loads the WebAssembly module once, at
// import (top-level await), so callers never call an init function. The await never rejects:
// when the .wasm cannot be loaded (404, wrong MIME type, CSP without 'wasm-unsafe-eval', no
// WebAssembly) the importing app still starts, `ready` resolves to false, checks throw a
// PrecheckError with code "unavailable", attach() leaves the form alone and the adapters pass
// values through (see availability.js).
import init from './procurement_precheck.js';
import { main } from './availability.js';

await main.settle(init({ module_or_path: new URL('./procurement_precheck_bg.wasm', import.meta.url) }));

export * from './procurement_precheck_guarded.js';
export { checkUscc } from './uscc-main.js'; // the fast path (fast.js); shadows the glue's
export { ready, isAvailable } from './status.js';
export { screenPurchase, checkSupplier, checkPackage } from './screen.js';
export { attach } from './attach-main.js';
export { toAsyncValidatorRules, standardSchema, supplierSchema, schemas } from './adapters.js';
