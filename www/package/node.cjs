// procurement-precheck — CommonJS entry for Node >= 20 (`require('procurement-precheck')`).
// cjs/ holds wasm-bindgen's nodejs glue for the same .wasm as the ESM entries (it instantiates
// the module synchronously at require time); screen.cjs, adapters.cjs and attach.cjs are the
// ES modules of the same names, converted by build.sh.
'use strict';
module.exports = {
  ...require('./cjs/procurement_precheck.cjs'),
  ...require('./screen.cjs'),
  ...require('./attach.cjs'),
  ...require('./adapters.cjs'),
};
