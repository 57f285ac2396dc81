// Writes pkg/procurement-precheck.inline.js: the whole package in one ES module file, the .wasm
// inlined as base64 — for portals that cannot serve .wasm files or set their MIME type.
// It exports what pkg/index.js exports: the glue's exports, and every `export { … } from './x.js'`
// of index.js, with the package modules they import (in dependency order). Each module runs in
// its own function scope, so its private names cannot clash with the glue's.
// Usage: node scripts/inline.mjs pkg
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const read = (file) => readFileSync(join(dir, file), 'utf8');
const glue = read('procurement_precheck.js');
if (!/export \{ initSync, __wbg_init as default \};/.test(glue)) {
  throw new Error('unexpected wasm-bindgen glue: no "export { initSync, __wbg_init as default }"');
}
const GLUE = 'procurement_precheck.js';
const IMPORT = /^import \{[^}]*\} from '\.\/([\w-]+\.js)';\n/gm;

const entry = read('index.js');
const reexports = [...entry.matchAll(/^export \{([^}]*)\} from '\.\/([\w-]+\.js)';$/gm)]
  .map((m) => ({ names: m[1].split(',').map((s) => s.trim()).filter(Boolean), file: m[2] }));
if (!reexports.length) throw new Error(`${dir}/index.js re-exports no package module`);

// The package modules in dependency order.
const order = [];
(function visit(files) {
  for (const file of files) {
    if (file === GLUE || order.includes(file)) continue;
    visit([...read(file).matchAll(IMPORT)].map((m) => m[1]));
    order.push(file);
  }
})(reexports.map((r) => r.file));

function scoped(file) {
  const source = read(file);
  const body = source.replace(IMPORT, '');
  if (/^(import|export \*|export \{)/m.test(body)) throw new Error(`${file}: an import or export the inliner cannot place`);
  const names = [...body.matchAll(/^export (?:async )?(?:function|const|let|class) ([\w$]+)/gm)].map((m) => m[1]);
  const code = body
    .replace(/^export (?=(?:async )?function |const |let |class )/gm, '')
    .replace(/^\s*\/\/.*\n/gm, '') // whole-line comments
    .replace(/^\s*\/\*\*[\s\S]*?\*\/\n/gm, ''); // doc comments
  return `const { ${names.join(', ')} } = (() => {\n${code.trim()}\nreturn { ${names.join(', ')} };\n})();\n`;
}

const wasm = readFileSync(join(dir, 'procurement_precheck_bg.wasm')).toString('base64');
const out = `// procurement-precheck — single-file build: the wasm-bindgen glue, the .wasm inlined as base64
// and the package entry in one ES module. Needs no .wasm file and no MIME type; under a CSP it
// needs script-src 'self' 'wasm-unsafe-eval' like the regular build.
${glue}
${order.map(scoped).join('')}
export { ${reexports.flatMap((r) => r.names).join(', ')} };
const __wasm_b64 = '${wasm}';
const __wasm_bytes = typeof Uint8Array.fromBase64 === 'function'
  ? Uint8Array.fromBase64(__wasm_b64)
  : Uint8Array.from(atob(__wasm_b64), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: __wasm_bytes });
`;
writeFileSync(join(dir, 'procurement-precheck.inline.js'), out);
console.log(`${join(dir, 'procurement-precheck.inline.js')}: ${out.length} bytes`);
