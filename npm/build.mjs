// Builds the npm package into pkg/ (and a copy for the demo in www/pkg/):
//   cargo (crates/precheck-wasm, wasm32, profile `wasm`: opt-level z, lto, panic=abort)
//   → wasm-bindgen (the pinned CLI; --target web, files named procurement_precheck*)
//   → wasm-opt -Oz --converge --low-memory-unused (npm binaryen, pinned; never Debian's)
//   → the package's ES modules (npm/src) beside the glue, each file minified (oxc, through
//     rolldown/utils: whitespace, comments and local names; exported and top-level names,
//     function and class names kept),
//   → rolldown for the bundles: fields-entry.js (the fields entry's browser path in one minified
//     file, its .wasm inside as text: npm/src/wasm-text.js), the CommonJS entries (node.cjs,
//     fields-entry.cjs) and the single-file variant (procurement-precheck.inline.js, the whole
//     API's .wasm inside as text the same way).
// No text of generated code or declarations is rewritten: optional parameters come from the
// `unchecked_optional_param_type` attributes in crates/precheck-wasm, `package.json` is the real
// one (npm/package.json, its version checked against Cargo's by tests/js/package.test.mjs).
// Usage: node npm/build.mjs            (from anywhere; scripts/build.sh calls it)
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rolldown } from 'rolldown';
import { minifySync } from 'rolldown/utils';

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
  // --omit-default-module-path: no `new URL('…_bg.wasm', import.meta.url)` in the glue's init();
  // every entry hands its module over (a URL, the file's bytes, or the text of wasm-text.js), and
  // a bundler would otherwise copy a .wasm that the page never fetches.
  run('wasm-bindgen', ['--target', 'web', '--out-name', name, '--omit-default-module-path', '--remove-name-section',
    '--remove-producers-section', '--out-dir', stage, built]);
  say(`${name}: wasm-opt -Oz --converge --low-memory-unused`);
  const wasm = join(stage, `${name}_bg.wasm`);
  // --low-memory-unused: nothing lives below address 1024 (rustc's wasm32 layout puts the stack
  // under 1 MiB and the data above it), so constant offsets fold into loads and stores — what
  // Emscripten passes for its own layout; 0.5 KB gz of the whole API's module (issue 11).
  run(join(root, 'node_modules/.bin/wasm-opt'), ['-Oz', '--converge', '--low-memory-unused', '--strip-debug', '--strip-producers',
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

// The ES module build is the sources (minified below), beside wasm-bindgen's glue and declarations.
for (const f of readdirSync(src)) cpSync(join(src, f), join(stage, f));

/** Exports of the glue that only the package's own modules call (fast.js, the bench): not public. */
const INTERNAL = new Set(['usccPassesAsIs', 'benchEcho']);

/**
 * `<name>_guarded.js`: every public export of the glue behind availability.js's guard(), so that a
 * check called when the .wasm did not load throws a PrecheckError "unavailable" instead of a
 * TypeError from inside the glue. The names are the generated module's own exports, read by
 * importing it here (it does nothing at import), not from its text.
 */
async function guardedGlue(name, state) {
  const mod = await import(pathToFileURL(join(stage, `${name}.js`)).href);
  const names = Object.keys(mod).filter((k) => k !== 'default' && k !== 'initSync' && !INTERNAL.has(k)).sort();
  const lines = [
    `// Generated by npm/build.mjs: the exports of ${name}.js (wasm-bindgen's glue), each behind`,
    '// guard() — a call while the WebAssembly module is not loaded throws a PrecheckError with',
    '// code "unavailable". initSync is passed through as is.',
    `import * as glue from './${name}.js';`,
    `import { guard, ${state} as state } from './availability.js';`,
    '',
    `export { initSync } from './${name}.js';`,
    ...names.map((k) => `export const ${k} = guard(${JSON.stringify(k)}, glue.${k}, state);`),
    '',
  ];
  writeFileSync(join(stage, `${name}_guarded.js`), lines.join('\n'));
}
await guardedGlue('procurement_precheck', 'main');
await guardedGlue('procurement_precheck_fields', 'fields');

/**
 * Every .js file under `dir`, minified in place (issue 11: 9.3 KB → 5.5 KB gz of JS on the
 * fields entry's critical path). Module by module, so the package's files, imports and
 * exports stay as they are; names a caller may see (exports, top-level bindings, `fn.name`,
 * class names) are kept. The declarations (.d.ts) are not touched. The package's entries that
 * name their .wasm by `new URL('./….wasm', import.meta.url)` stay as written: bundlers and
 * their plugins look for that very line (the minifier would print the string as a template).
 */
const MINIFY = {
  compress: { keepNames: { function: true, class: true } },
  mangle: { toplevel: false, keepNames: true },
};
function minifyTree(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) minifyTree(path);
    else if (e.name.endsWith('.js')) {
      const text = readFileSync(path, 'utf8');
      if (dir === stage && existsSync(join(src, e.name)) && text.includes('import.meta.url')) continue;
      const r = minifySync(e.name, text, MINIFY);
      if (r.errors?.length) throw new Error(`minify ${path}: ${r.errors.map((x) => x.message).join('; ')}`);
      writeFileSync(path, r.code);
    }
  }
}
say('minify the ES modules (oxc)');
minifyTree(stage);

// The fields module's guarded glue only goes into the fields entry's bundle (entry-fields-browser.js):
// no shipped file imports it.
const glue = ['procurement_precheck', 'procurement_precheck_fields']
  .flatMap((n) => [`${n}.js`, `${n}_guarded.js`, `${n}.d.ts`, `${n}_bg.wasm`, `${n}_bg.wasm.d.ts`])
  .filter((f) => f !== 'procurement_precheck_fields_guarded.js');
// Not shipped as files: the entries' sources (bundled below) and wasm-text.js (inside the bundles).
const shipped = [...glue, ...readdirSync(src).filter((f) => !f.startsWith('entry-') && f !== 'wasm-text.js')];
for (const f of shipped) copyFileSync(join(stage, f), join(pkg, f));
// The JS the glue imports from the crate (crates/precheck-wasm/js), as wasm-bindgen placed it.
cpSync(join(stage, 'snippets'), join(pkg, 'snippets'), { recursive: true });

// The decoder of wasm-text.js, assembled from npm/wasm-text.wat by binaryen's wasm-as (pinned).
run(join(root, 'node_modules/.bin/wasm-as'), [join(root, 'npm/wasm-text.wat'), '-o', join(stage, 'wasm-text.wasm')]);
const { encodeWasm } = await import(pathToFileURL(join(src, 'wasm-text.js')).href);

/** A rolldown plugin: `import wasm from 'wasm-text:./x.wasm'` is `{ text, order, decoder }` of
 *  wasm-text.js for the file x.wasm, which decodeWasm turns back into its bytes. */
// The module id is the file's name (an unminified bundle prints it in a comment), not its path.
const inlined = new Map();
const inlineWasm = {
  name: 'inline-wasm-text',
  resolveId(id, importer) {
    if (!id.startsWith('wasm-text:')) return null;
    const path = join(dirname(importer), id.slice('wasm-text:'.length));
    const key = `\0wasm-text:${basename(path)}`;
    inlined.set(key, path);
    return key;
  },
  load(id) {
    if (!inlined.has(id)) return null;
    // wasm-text.js's alphabet needs no escape between double quotes: the text goes in as it is.
    const { text, order } = encodeWasm(readFileSync(inlined.get(id)));
    const decoder = [...readFileSync(join(stage, 'wasm-text.wasm'))].join(',');
    return `export default { text: "${text}", order: "${order}", decoder: new Uint8Array([${decoder}]) };`;
  },
};

async function bundle(entry, file, format, banner, minify = false) {
  const b = await rolldown({ input: join(stage, entry), platform: format === 'cjs' ? 'node' : 'browser',
    plugins: [inlineWasm], external: [/^node:/] });
  // In a bundle, top-level names are the bundle's own (its exports keep their names).
  const opts = minify && { ...MINIFY, mangle: { ...MINIFY.mangle, toplevel: true } };
  await b.write({ file: join(pkg, file), format, banner, sourcemap: false, minify: opts });
  await b.close();
}

say('rolldown: fields-entry.js (the fields entry, one file), node.cjs (CommonJS) and procurement-precheck.inline.js (single file)');
await bundle('entry-fields-browser.js', 'fields-entry.js', 'esm', '', true); // minified: no banner kept
await bundle('entry-node-cjs.js', 'node.cjs', 'cjs',
  '// procurement-precheck — CommonJS entry for Node >= 20, bundled by npm/build.mjs from npm/src.');
await bundle('entry-fields-cjs.js', 'fields-entry.cjs', 'cjs',
  '// procurement-precheck/fields — CommonJS entry of the field checks, bundled by npm/build.mjs.');
await bundle('entry-inline.js', 'procurement-precheck.inline.js', 'esm',
  '// procurement-precheck — single-file build: the glue, the package modules and the .wasm inlined\n' +
  '// as text (npm/src/wasm-text.js) in one ES module. Needs no .wasm file and no MIME type; under a CSP it needs\n' +
  "// script-src 'self' 'wasm-unsafe-eval' like the regular build.");

// For a page without a bundler: each browser entry as one minified ES module, so that the page
// makes no waterfall of imports and fetches no comments: fields.min.js and attach.min.js hold the
// fields module inside (one request), index.min.js loads the .wasm beside it (new URL(…,
// import.meta.url) kept: two requests). attach.min.js brings in index.min.js when it needs it.
const minIndex = {
  name: 'min-index',
  resolveId(id, importer) {
    return id === './index.js' && importer?.endsWith('attach-entry.js') ? { id: './index.min.js', external: true } : null;
  },
};
async function minified(entry, file, banner) {
  const b = await rolldown({ input: join(pkg, entry), platform: 'browser', plugins: [minIndex], logLevel: 'silent' });
  const { output } = await b.write({ file: join(pkg, file), format: 'esm', banner, minify: true, sourcemap: false });
  await b.close();
  if (output.length !== 1) throw new Error(`${file}: ${output.length} chunks, expected one`);
}
say('rolldown: index.min.js, fields.min.js, attach.min.js (minified, for pages without a bundler)');
await minified('index.js', 'index.min.js', '// procurement-precheck — the default entry, minified (npm/build.mjs).');
await minified('fields-entry.js', 'fields.min.js', '// procurement-precheck/fields, minified (npm/build.mjs).');
await minified('attach-entry.js', 'attach.min.js', '// procurement-precheck/attach, minified (npm/build.mjs).');

copyFileSync(join(root, 'npm/package.json'), join(pkg, 'package.json'));
copyFileSync(join(root, 'README.md'), join(pkg, 'README.md'));
rmSync(join(root, 'www/pkg'), { recursive: true, force: true });
cpSync(pkg, join(root, 'www/pkg'), { recursive: true });
say(`pkg/ ready: ${statSync(join(pkg, 'procurement_precheck_bg.wasm')).size} bytes of wasm`);
writeFileSync(join(stage, 'done'), '');
