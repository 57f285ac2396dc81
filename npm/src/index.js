// procurement-precheck — browser and bundler entry. Loads the WebAssembly module once, at
// import (top-level await), so callers never call an init function.
import init from './procurement_precheck.js';

await init({ module_or_path: new URL('./procurement_precheck_bg.wasm', import.meta.url) });

export * from './procurement_precheck.js';
export { screenPurchase, checkSupplier, checkPackage } from './screen.js';
export { attach } from './attach.js';
export { toAsyncValidatorRules, standardSchema, supplierSchema, schemas } from './adapters.js';
