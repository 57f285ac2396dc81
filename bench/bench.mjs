// procurement-precheck benchmarks: package size and per-call speed, side by side with the peer
// library portals would otherwise use (npm `stdnum`, same run, same inputs). Prints a table.
// Run with scripts/bench.sh (it builds pkg/ first).
import { readFileSync, readdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

const root = new URL('..', import.meta.url);
const pp = await import(new URL('pkg/node.js', root));
const require = createRequire(import.meta.url);
const { stdnum } = require('stdnum');

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const file = (p) => readFileSync(new URL(p, root));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

// ---- sizes ----
const wasm = file('pkg/procurement_precheck_bg.wasm');
const glue = Buffer.concat([file('pkg/procurement_precheck.js'), file('pkg/index.js')]);
const stdnumDir = new URL('node_modules/stdnum/lib/esm/cn/', root);
const stdnumCn = Buffer.concat(
  readdirSync(stdnumDir).filter((f) => f.endsWith('.js')).map((f) => readFileSync(new URL(f, stdnumDir))),
);
console.log('\n## Size (gzip -9)\n');
console.log('| what | raw | gzip |');
console.log('|---|---|---|');
console.log(`| procurement-precheck .wasm | ${kb(wasm.length)} | ${kb(gz(wasm))} |`);
console.log(`| procurement-precheck JS (glue + entry, unminified) | ${kb(glue.length)} | ${kb(gz(glue))} |`);
console.log(`| **procurement-precheck total** | ${kb(wasm.length + glue.length)} | **${kb(gz(wasm) + gz(glue))}** |`);
console.log(`| stdnum lib/esm/cn/*.js (unbundled, CN validators only) | ${kb(stdnumCn.length)} | ${kb(gz(stdnumCn))} |`);

// ---- speed ----
const codes = readFileSync(new URL('tests/fixtures/uscc_valid.txt', root), 'utf8')
  .split('\n').filter((l) => l.trim() && !l.startsWith('#')).map((l) => l.trim());

function measure(fn, rounds = 9, minMs = 200) {
  for (let i = 0; i < 3; i++) for (const c of codes) fn(c); // warm-up
  const perCall = [];
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) {
      for (const c of codes) fn(c);
      calls += codes.length;
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

console.log(`\n## USCC validation, ${codes.length} valid codes, Node ${process.version} (median of 9 rounds)\n`);
console.log('| library | per call | accepts | ratio |');
console.log('|---|---|---|---|');
console.log(`| procurement-precheck checkUscc (wasm, full report + decoded info) | ${(ours / 1000).toFixed(2)} µs | ${oursOk}/${codes.length} | ${(ours / theirs).toFixed(2)}× |`);
console.log(`| stdnum CN.uscc.validate (JS) | ${(theirs / 1000).toFixed(2)} µs | ${theirsOk}/${codes.length} | 1.00× |`);
console.log('\nratio = our time / stdnum time (below 1 is faster).');
