// procurement-precheck benchmarks: package size and per-call speed, side by side with the peer
// library portals would otherwise use (npm `stdnum`, same run, same inputs). Prints a table.
// Run with scripts/bench.sh (it builds pkg/ first).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const pp = await import(new URL('pkg/node.js', root));
const require = createRequire(import.meta.url);
const { stdnum } = require('stdnum');

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const file = (p) => readFileSync(new URL(p, root));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---- sizes ----
// What the browser fetches before a page's first check can answer: the entry module, every
// module it imports, and its .wasm (gzip -9 of each file, as a server with gzip sends them).
const { graph: graphIn, gzBytes } = await import(new URL('tests/js/graph.mjs', root));
const pkgDir = fileURLToPath(new URL('pkg/', root));
const gzFiles = (files) => gzBytes(pkgDir, files);
const rawFiles = (files) => files.reduce((a, f) => a + file(`pkg/${f}`).length, 0);
/** An entry and every file it loads (tests/js/graph.mjs, as the size budget counts them). */
const graph = (entry) => graphIn(pkgDir, entry);
const entries = { fields: graph('fields-entry.js'), attach: graph('attach-entry.js'),
  fieldsMin: graph('fields.min.js'), attachMin: graph('attach.min.js'), defaultMin: graph('index.min.js'), default: graph('index.js'), inline: graph('procurement-precheck.inline.js') };
const peer = (paths) => paths.map((p) => readFileSync(new URL(`node_modules/${p}`, root)));
const stdnumDir = new URL('node_modules/stdnum/lib/esm/cn/', root);
const stdnumCn = readdirSync(stdnumDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(f, stdnumDir)));
const peerFields = [...peer(['async-validator/dist-web/index.js']), ...stdnumCn];
const peerAll = [...peerFields, ...peer(['pinyin-match/es/main.js', 'fuse.js/dist/fuse.min.mjs'])];
const gzBufs = (bufs) => bufs.reduce((a, b) => a + gz(b), 0);
const rawBufs = (bufs) => bufs.reduce((a, b) => a + b.length, 0);
console.log('\n## Size on the critical path of the first check (gzip -9 per file)\n');
console.log('| what | raw | gzip | goal |');
console.log('|---|---|---|---|');
console.log(`| fields entry (\`procurement-precheck/fields\`, checkUscc) | ${kb(rawFiles(entries.fields))} | **${kb(gzFiles(entries.fields))}** | ≤ 60 KB |`);
console.log(`| attach entry (\`procurement-precheck/attach\`: attach() over the fields module; checkSupplier's module follows in the background when asked for) | ${kb(rawFiles(entries.attach))} | **${kb(gzFiles(entries.attach))}** | |`);
console.log(`| the same, minified single files for a page without a bundler (\`fields.min.js\`, \`attach.min.js\`: one request, the module inside; \`index.min.js\` and its .wasm: two) | | fields ${kb(gzFiles(entries.fieldsMin))}, attach ${kb(gzFiles(entries.attachMin))}, default ${kb(gzFiles(entries.defaultMin))} | |`);
console.log(`| default entry (everything: every catalogue, pinyin tables, three locales are compiled in) | ${kb(rawFiles(entries.default))} | **${kb(gzFiles(entries.default))}** | ≤ 150 KB |`);
console.log(`| single-file variant procurement-precheck.inline.js (the .wasm inside as text) | ${kb(rawFiles(entries.inline))} | ${kb(gzFiles(entries.inline))} | |`);
console.log(`| peers for the fields: async-validator (dist-web) + stdnum lib/esm/cn (unbundled) | ${kb(rawBufs(peerFields))} | ${kb(gzBufs(peerFields))} | |`);
console.log(`| peers for everything: + pinyin-match (es) + Fuse.js (min) | ${kb(rawBufs(peerAll))} | ${kb(gzBufs(peerAll))} | |`);
console.log(`| at 50 KB/s (a township's 3G): fields entry ${(gzFiles(entries.fields) / 1024 / 50).toFixed(1)} s, default entry ${(gzFiles(entries.default) / 1024 / 50).toFixed(1)} s, peers ${(gzBufs(peerFields) / 1024 / 50).toFixed(1)} s | | | |`);

// What each .wasm holds (code per Rust module, data segments), from the builds with names.
const { topContributors } = await import(new URL('bench/wasm-top.mjs', root));
for (const name of ['procurement_precheck_fields', 'procurement_precheck']) {
  const named = readFileSync(new URL(`target/npm-build/${name}_named.wasm`, root));
  const { rows, total } = topContributors(named, 10, 2);
  console.log(`\n### ${name}_bg.wasm: top contributors (before wasm-opt; ${kb(total)} of code and data)\n`);
  console.log('| bytes | share | what |');
  console.log('|---|---|---|');
  for (const r of rows) console.log(`| ${r.size} | ${(100 * r.size / total).toFixed(1)} % | ${r.what} |`);
}

// ---- speed ----
const codes = readFileSync(new URL('tests/fixtures/uscc_valid.txt', root), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim());

function measure(fn, rounds = 9, minMs = 200, inputs = codes) {
  for (let i = 0; i < 3; i++) for (const c of inputs) fn(c); // warm-up
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      for (const c of inputs) fn(c);
      calls += inputs.length;
      t = performance.now();
    }
    perCall.push(((t - t0) * 1e6) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}

const oursOk = codes.filter((c) => pp.checkUscc(c).ok).length;
const theirsOk = codes.filter((c) => stdnum.CN.uscc.validate(c).isValid).length;
const ours = measure((c) => pp.checkUscc(c));
const theirs = measure((c) => stdnum.CN.uscc.validate(c));
// The floor: the same glue, a string in and the same string out, nothing checked (the raw
// glue module, initialised by pkg/node.js; benchEcho is not a public export).
const glue = await import(new URL('pkg/procurement_precheck.js', root));
const floor = measure((c) => glue.benchEcho(c));
// Codes that fail (one per reason in the vectors): the full check runs and renders its findings.
const invalid = readFileSync(new URL('tests/fixtures/uscc_invalid.txt', root), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.split('\t')[0].trim());
const oursBad = measure((c) => pp.checkUscc(c), 9, 200, invalid);
const theirsBad = measure((c) => stdnum.CN.uscc.validate(c), 9, 200, invalid);

console.log(`\n## USCC validation, ${codes.length} valid codes, Node ${process.version} (median of 9 rounds)\n`);
console.log('| what | per call | accepts | ratio to stdnum | goal |');
console.log('|---|---|---|---|---|');
console.log(`| procurement-precheck checkUscc (wasm, result with decoded info) | **${(ours / 1000).toFixed(2)} µs** | ${oursOk}/${codes.length} | ${(ours / theirs).toFixed(2)}× | ≤ 1.5 µs, ≤ 0.33× |`);
console.log(`| stdnum CN.uscc.validate (JS) | ${(theirs / 1000).toFixed(2)} µs | ${theirsOk}/${codes.length} | 1.00× | |`);
console.log(`| floor: a no-op export of the same module, string in, string out | ${(floor / 1000).toFixed(2)} µs | | ${(floor / theirs).toFixed(2)}× | |`);
console.log(`| ${invalid.length} invalid codes: checkUscc (findings rendered in zh-CN) | ${(oursBad / 1000).toFixed(2)} µs | | ${(oursBad / theirsBad).toFixed(2)}× | |`);
console.log(`| ${invalid.length} invalid codes: stdnum | ${(theirsBad / 1000).toFixed(2)} µs | | 1.00× | |`);
console.log('\nratio = our time / stdnum time on the same codes (below 1 is faster).');

// ---- catalogue search ----
const { default: PinyinMatch } = await import('pinyin-match');
const { default: Fuse } = await import('fuse.js');

const catalogues = pp.Catalogue.builtinNames().map((name) => {
  const cat = pp.Catalogue.builtin(name);
  const items = JSON.parse(cat.toJson()).items;
  return {
    name,
    cat,
    items,
    fuse: new Fuse(items, { keys: ['code', 'name', 'aliases', 'keywords'], threshold: 0.3, ignoreLocation: true }),
  };
});
// Queries as portal users type them, with the item each should find first (in the catalogue
// that holds it): codes, names, a traditional spelling, full-width, initials and full pinyin.
const QUERIES = [
  ['0106', 'county-example-2023', '0106'],
  ['01060101', 'county-example-2023', '01060101'],
  ['垃圾清运', 'county-example-2023', '01060101'],
  ['垃圾清運', 'county-example-2023', '01060101'],
  ['ｌｊｑｙ', 'county-example-2023', '01060101'],
  ['ljqy', 'county-example-2023', '01060101'],
  ['lajiqingyun', 'county-example-2023', '01060101'],
  ['法律顾问', 'county-example-2023', '020101'],
  ['wygl', 'county-example-2023', '021101'],
  ['养老', 'central-2020', null],
  ['C1305', 'pinmu-2022-services', 'C13050000'],
  ['物业管理', 'pinmu-2022-services', null],
  ['kjfw', 'pinmu-2022-services', null],
];

const peerPinyin = (items, q) => items.filter((it) => it.code.startsWith(q)
  || [it.name, ...(it.aliases ?? [])].some((s) => PinyinMatch.match(s, q)));
const ENGINES = {
  'procurement-precheck cat.search (wasm, ranked, with paths)': (c, q) => c.cat.search(q, { limit: 20 }).map((h) => h.item.code),
  'pinyin-match (JS) filter over name + aliases, code prefix': (c, q) => peerPinyin(c.items, q).slice(0, 20).map((it) => it.code),
  'Fuse.js (JS) fuzzy over code, name, aliases, keywords': (c, q) => c.fuse.search(q, { limit: 20 }).map((r) => r.item.code),
};

function perQuery(fn, minMs = 60) {
  for (let i = 0; i < 20; i++) fn(); // warm-up
  const times = [];
  for (let r = 0; r < 5; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) { fn(); calls++; t = performance.now(); }
    times.push(((t - t0) * 1e3) / calls);
  }
  times.sort((a, b) => a - b);
  return times[2];
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const rows = [];
for (const [label, run] of Object.entries(ENGINES)) {
  const times = [];
  let firstRight = 0;
  let expected = 0;
  for (const [q, where, want] of QUERIES) {
    const c = catalogues.find((x) => x.name === where);
    times.push(perQuery(() => run(c, q)));
    if (want) { expected++; if (run(c, q)[0] === want) firstRight++; }
  }
  rows.push({ label, med: median(times), max: Math.max(...times), firstRight, expected });
}
const ourMed = rows[0].med;
console.log(`\n## Catalogue search, ${QUERIES.length} queries over the embedded catalogues (${catalogues.map((c) => `${c.name}: ${c.items.length}`).join(', ')} items)\n`);
console.log('| engine | median per query | slowest query | right item first | ratio |');
console.log('|---|---|---|---|---|');
for (const r of rows) {
  console.log(`| ${r.label} | ${r.med.toFixed(1)} µs | ${r.max.toFixed(1)} µs | ${r.firstRight}/${r.expected} | ${(ourMed / r.med).toFixed(2)}× |`);
}
console.log('\nratio = our median / the engine\'s median (below 1: ours is faster). pinyin-match and Fuse.js');
console.log('neither rank by code nor fold traditional/full-width input; see "right item first".');

// ---- bytes the catalogues and the text tables add ----
const outDirs = readdirSync(new URL('target/wasm32-unknown-unknown/wasm/build/', root))
  .filter((d) => d.startsWith('procurement-precheck-'))
  .map((d) => new URL(`target/wasm32-unknown-unknown/wasm/build/${d}/out/`, root))
  .filter((u) => { try { return readdirSync(u).includes('t2s.bin'); } catch { return false; } });
// The forms compiled in (build.rs writes the .txt forms beside them for reading).
const tables = outDirs.length
  ? Buffer.concat(['t2s.bin', 'pinyin_syllables.txt', 'pinyin_chars.bin', 'pinyin_phrases.txt'].map((f) => readFileSync(new URL(f, outDirs[0]))))
  : Buffer.alloc(0);
// As compiled in: the county overlay as written, the others as build.rs writes them (rows only).
const catalogueData = Buffer.concat([readFileSync(new URL('data/catalogues/county_example_2023.json', root)),
  ...(outDirs.length ? ['central_2020.tsv', 'pinmu.txt'].map((f) => readFileSync(new URL(f, outDirs[0]))) : [])]);
console.log('\n## Embedded catalogue data (compiled into the .wasm)\n');
console.log('| what | raw | gzip |');
console.log('|---|---|---|');
console.log(`| catalogues (data/catalogues/*: central 2020, county example, 620 品目 codes) | ${kb(catalogueData.length)} | ${kb(gz(catalogueData))} |`);
console.log(`| pinyin + traditional→simplified tables (generated by build.rs) | ${kb(tables.length)} | ${kb(gz(tables))} |`);

// ---- supplier qualification ----
{
  const { application, applications, OPTIONS } = await import('./application.mjs');
  const { perCall } = await import('./measure.mjs');
  const { createServer } = await import('node:http');
  const { mkdirSync } = await import('node:fs');
  const { benchCli, benchCore } = await import('./cli.mjs');
  const { join, extname, normalize } = await import('node:path');
  const { chromium } = await import('playwright-core');

  const county = pp.Catalogue.builtin('county-example-2023');
  const sample = application(0);
  const fields = JSON.stringify(sample).match(/"[A-Za-z]+":/g).length;
  // 256 applications built before the clock starts (a caller has its application already;
  // building one in the loop costs about 18 µs of the figure), as bench/phases does.
  const apps = applications();
  const nodeRun = perCall((i) => pp.checkSupplier(apps[i & 255], { ...OPTIONS, catalogue: county }));

  // The same loop in headless Chromium, the package served from this repository.
  const rootDir = fileURLToPath(root);
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = join(rootDir, path);
    if (path.includes('..') || !(path.startsWith('/pkg/') || path.startsWith('/bench/'))) { res.writeHead(404).end(); return; }
    try { res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file)); }
    catch { res.writeHead(404).end(); }
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  let browser = {}; // perCall's figures in Chromium (bench/browser.mjs)
  const userDataDir = join(rootDir, 'target/bench/chromium');
  mkdirSync(userDataDir, { recursive: true });
  try {
    const ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`http://127.0.0.1:${server.address().port}/bench/browser.html`);
    browser = await page.waitForFunction(() => window.__bench?.checkSupplier, null, { timeout: 120_000 })
      .then((h) => h.jsonValue());
    await ctx.close();
  } catch (e) {
    console.error(`(browser bench skipped: ${e.message.split('\n')[0]})`);
  }
  server.close();

  console.log(`\n## checkSupplier: a realistic application (${fields} keys, 10 penalties, 10 licences, item with a licence requirement)\n`);
  console.log('| where | per call |');
  console.log('|---|---|');
  const wasmUs = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} µs` : 'n/a');
  console.log(`| Node ${process.version} (wasm, median of 7 rounds of 250 ms after 2 s of calls) | ${wasmUs(nodeRun.median)} |`);
  console.log(`| headless Chromium (wasm, median of 7 rounds of 250 ms after 2 s of calls) | ${wasmUs(browser.median)} |`);
  // In Chromium the page has just loaded the package; in Node the module has run the sections
  // above (checkUscc, search), so only checkSupplier's own code is cold there.
  console.log(`| the first 250 ms of checkSupplier calls, V8 still tiering its code up (what a form's first checks meet): Chromium, the page just loaded / Node, the module already used by the sections above | ${wasmUs(browser.first)} / ${wasmUs(nodeRun.first)} |`);
  const ms = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} ms` : 'n/a');
  console.log(`| the very first checkSupplier call (its code compiled as it runs): Chromium / Node, as above | ${ms(browser.once)} / ${ms(nodeRun.once)} |`);
  // The floor: the same applications and options in the native core (release build).
  let native = null;
  try { native = benchCore(); } catch (e) { console.error(`(native core bench skipped: ${e.message.split('\n')[0]})`); }
  const us = (x) => (native ? `${x.toFixed(1)} µs` : 'n/a');
  console.log(`| native core: check_supplier_grouped, what the wasm's checkSupplier runs (crates/precheck-cli/examples/core_time.rs, median of 7 rounds) | ${us(native?.checkSupplierUs)} |`);
  console.log(`| native core: the same + the report's JSON text as the wasm writes it (report::json, ${native ? (native.reportBytes / 1024).toFixed(1) : '?'} KB) | ${us(native?.withJsonUs)} |`);
  if (native) {
    const ratio = (x) => (Number.isFinite(x) ? `${(x / native.checkSupplierUs).toFixed(2)}×` : 'n/a');
    console.log(`\nwasm over native check_supplier_grouped: Node ${ratio(nodeRun.median)}, Chromium ${ratio(browser.median)} (goal: Chromium ≤ 100 µs and ≤ 2×).`);
  }
  // Cold start: navigation to the first answer of checkUscc (first visit; repeat visits cached).
  try {
    const { coldStart, STEPS, SLOW } = await import('./cold.mjs');
    const { results, peersGz } = await coldStart();
    const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');
    for (const [name, r] of Object.entries(results)) if (r.error) console.error(`(cold start, ${name}: ${r.error})`);
    console.log('\n## Cold start in headless Chromium (files from memory, gzip, cache headers; first visit in a fresh profile, then the median of 9 repeat visits from the cache)\n');
    console.log('"page" counts from navigation; "script" from the page\'s module script starting to the first checkUscc answer (the import, the .wasm fetch or cache, compile, instantiate, the call).\n');
    console.log(`"page, 3G": the first visit again, over Chromium's emulated link of ${SLOW.latency} ms round trip and ${SLOW.downloadThroughput / 1000} KB/s down (a township's 3G), from navigation to the first answer.\n`);
    console.log('| entry | page, first visit | page, repeat | script, first visit | script, repeat | page, 3G first visit | goal |');
    console.log('|---|---|---|---|---|---|---|');
    const row = (what, r, goal = '') => console.log(`| ${what} | ${ms(r.first)} | ${ms(r.repeat)} | ${ms(r.firstOwn)} | ${r === results.fields ? `**${ms(r.repeatOwn)}**` : ms(r.repeatOwn)} | ${ms(r.slow)} | ${goal} |`);
    row('fields entry (fields-entry.js: one file, its module inside as text)', results.fields, '≤ 15 ms from cache');
    row('fields entry, fully minified (fields.min.js)', results.fieldsMin);
    row('fields.min.js with the README\'s preload line (requested as the HTML is parsed)', results.fieldsPreload);
    row('default entry', results.default);
    row(`peers: async-validator + stdnum, one minified bundle (${kb(peersGz)} gzipped)`, results.peers);
    row('floor: a blank page with a module script that imports nothing', results.blank);
    if (results.fieldsSteps.steps) {
      console.log(`\nThe fields module loaded from its .wasm file instead, as the default entry loads its own, step by step, repeat visits (median of 9): ${STEPS.map((n, i) => `${n} ${ms(results.fieldsSteps.steps[i])}`).join(', ')}.`);
    }
  } catch (e) {
    console.error(`(cold start skipped: ${e.message.split('\n')[0]})`);
  }
  await benchCli();
}
