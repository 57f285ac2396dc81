// Source of the single-file variant (bundled by npm/build.mjs into procurement-precheck.inline.js,
// not shipped as is): the .wasm travels inside the module as text (wasm-text.js) and is
// instantiated synchronously at import — no request, no top-level await. A module that cannot be
// compiled (CSP without 'wasm-unsafe-eval', no WebAssembly) leaves the checks unavailable, never
// throws. A browser that refuses to compile a module this large synchronously on the main thread
// (Chromium before 114: a RangeError above 4 KB; 360 and QQ browsers still ship such cores)
// compiles it asynchronously instead: there the checks answer once `ready` has resolved.
import wasm from 'wasm-text:./procurement_precheck_bg.wasm';
import init, { initSync } from './procurement_precheck.js';
import { decodeWasm } from './wasm-text.js';
import { main } from './availability.js';

let bytes = null;
try {
  bytes = decodeWasm(wasm);
  initSync({ module: bytes });
  main.markReady();
} catch (e) {
  if (bytes !== null && e instanceof RangeError) main.settle(init({ module_or_path: bytes }));
  else main.markUnavailable(e);
}

export * from './procurement_precheck_guarded.js';
export { checkUscc } from './uscc-main.js'; // the fast path (fast.js); shadows the glue's
export { ready, isAvailable } from './status.js';
export { screenPurchase, checkSupplier, checkPackage } from './screen.js';
export { attach } from './attach-main.js';
export { toAsyncValidatorRules, standardSchema, supplierSchema, schemas } from './adapters.js';
