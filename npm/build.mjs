// Builds the npm package into pkg/ (and a copy for the demo in www/pkg/):
//   cargo (crates/precheck-wasm, wasm32, profile `wasm`: opt-level z, lto, panic=abort)
//   → wasm-bindgen (the pinned CLI; --target web, files named procurement_precheck*)
//   → wasm-opt -Oz (npm binaryen, pinned; never Debian's)
//   → the package's ES modules as written (npm/src) beside the glue,
//   → rolldown for the two bundles: the CommonJS entry (node.cjs) and the single-file variant
//     (procurement-precheck.inline.js, the .wasm inlined by a plugin as base64).
// No text of generated code or declarations is rewritten: optional parameters come from the
// `unchecked_optional_param_type` attributes in crates/precheck-wasm, `package.json` is the real
// one (npm/package.json, its version checked against Cargo's by tests/js/package.test.mjs).
// Usage: node npm/build.mjs            (from anywhere; scripts/build.sh calls it)
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rolldown } from 'rolldown';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'npm/src');
const pkg = join(root, 'pkg');
const stage = join(root, 'target/npm-build');
const say = (s) => console.log(`\x1b[1m[build]\x1b[0m ${s}`);
const run = (cmd, args) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit' });

/** One wasm module: cargo (with or without the catalogue and qualification), wasm-bindgen, wasm-opt. */
function wasmModule(name, cargoArgs) {
  say(`${name}: cargo build -p procurement-precheck-wasm --profile wasm ${cargoArgs.join(' ')}`);
  run('cargo', ['build', '--quiet', '-p', 'procurement-precheck-wasm', '--lib', '--profile', 'wasm',
    '--target', 'wasm32-unknown-unknown', ...cargoArgs]);
  const built = join(root, 'target/wasm32-unknown-unknown/wasm/procurement_precheck_wasm.wasm');
  copyFileSync(built, join(stage, `${name}_named.wasm`)); // with its name section, for bench/wasm-top.mjs
  run('wasm-bindgen', ['--target', 'web', '--out-name', name, '--remove-name-section',
    '--remove-producers-section', '--out-dir', stage, built]);
  say(`${name}: wasm-opt -Oz`);
  const wasm = join(stage, `${name}_bg.wasm`);
  run(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--strip-debug', '--strip-producers',
    '--enable-reference-types', '--enable-bulk-memory', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-multivalue', '--enable-mutable-globals', wasm, '-o', wasm]);
}

rmSync(stage, { recursive: true, force: true });
rmSync(pkg, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
mkdirSync(pkg, { recursive: true });
// The whole API, and the field checks alone (`procurement-precheck/fields`: no catalogue, no
// qualification, no pinyin or traditional-character tables).
wasmModule('procurement_precheck', []);
wasmModule('procurement_precheck_fields', ['--no-default-features']);

// The ES module build is the sources as written, beside wasm-bindgen's glue and declarations.
for (const f of readdirSync(src)) cpSync(join(src, f), join(stage, f));
const glue = ['procurement_precheck', 'procurement_precheck_fields']
  .flatMap((n) => [`${n}.js`, `${n}.d.ts`, `${n}_bg.wasm`, `${n}_bg.wasm.d.ts`]);
const shipped = [...glue, ...readdirSync(src).filter((f) => !f.startsWith('entry-'))];
for (const f of shipped) copyFileSync(join(stage, f), join(pkg, f));

/** A rolldown plugin: `import bytes from 'wasm-base64:./x.wasm'` is the file's bytes as base64 text. */
const inlineWasm = {
  name: 'inline-wasm-base64',
  resolveId(id, importer) {
    if (id.startsWith('wasm-base64:')) return `\0${join(dirname(importer), id.slice('wasm-base64:'.length))}`;
    return null;
  },
  load(id) {
    if (!id.startsWith('\0') || !id.endsWith('.wasm')) return null;
    return `export default ${JSON.stringify(readFileSync(id.slice(1)).toString('base64'))};`;
  },
};

async function bundle(entry, file, format, banner) {
  const b = await rolldown({ input: join(stage, entry), platform: format === 'cjs' ? 'node' : 'browser',
    plugins: [inlineWasm], external: [/^node:/] });
  await b.write({ file: join(pkg, file), format, banner, sourcemap: false });
  await b.close();
}

say('rolldown: node.cjs (CommonJS) and procurement-precheck.inline.js (single file)');
await bundle('entry-node-cjs.js', 'node.cjs', 'cjs',
  '// procurement-precheck — CommonJS entry for Node >= 20, bundled by npm/build.mjs from npm/src.');
await bundle('entry-fields-cjs.js', 'fields-entry.cjs', 'cjs',
  '// procurement-precheck/fields — CommonJS entry of the field checks, bundled by npm/build.mjs.');
await bundle('entry-inline.js', 'procurement-precheck.inline.js', 'esm',
  '// procurement-precheck — single-file build: the glue, the package modules and the .wasm inlined\n' +
  '// as base64 in one ES module. Needs no .wasm file and no MIME type; under a CSP it needs\n' +
  "// script-src 'self' 'wasm-unsafe-eval' like the regular build.");

copyFileSync(join(root, 'npm/package.json'), join(pkg, 'package.json'));
copyFileSync(join(root, 'README.md'), join(pkg, 'README.md'));
rmSync(join(root, 'www/pkg'), { recursive: true, force: true });
cpSync(pkg, join(root, 'www/pkg'), { recursive: true });
say(`pkg/ ready: ${statSync(join(pkg, 'procurement_precheck_bg.wasm')).size} bytes of wasm`);
writeFileSync(join(stage, 'done'), '');
