// procurement-precheck — types of the CommonJS entry (`require('procurement-precheck')`): the
// same API as the ES module entry.
export * from './index.js';
