// Writes pkg/procurement-precheck.inline.js: the whole package in one ES module file, the .wasm
// inlined as base64 — for portals that cannot serve .wasm files or set their MIME type.
// Usage: node scripts/inline.mjs pkg
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const glue = readFileSync(join(dir, 'procurement_precheck.js'), 'utf8');
const screen = readFileSync(join(dir, 'screen.js'), 'utf8')
  .replace(/^import .*$/m, '') // Catalogue is defined by the glue above it
  .replace(/^\/\/.*\n/gm, '');
const wasm = readFileSync(join(dir, 'procurement_precheck_bg.wasm')).toString('base64');
if (!/export \{ initSync, __wbg_init as default \};/.test(glue)) {
  throw new Error('unexpected wasm-bindgen glue: no "export { initSync, __wbg_init as default }"');
}
const out = `// procurement-precheck — single-file build: the wasm-bindgen glue, the .wasm inlined as base64
// and the package entry in one ES module. Needs no .wasm file and no MIME type; under a CSP it
// needs script-src 'self' 'wasm-unsafe-eval' like the regular build.
${glue}
${screen}
const __wasm_b64 = '${wasm}';
const __wasm_bytes = typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(__wasm_b64)
  : Uint8Array.from(atob(__wasm_b64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: __wasm_bytes });
`;
writeFileSync(join(dir, 'procurement-precheck.inline.js'), out);
console.log(`${join(dir, 'procurement-precheck.inline.js')}: ${out.length} bytes`);
