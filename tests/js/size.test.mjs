// The size budget (issue 11): the bytes a browser fetches before a page's first check can answer,
// gzip -9 per file, as bench/bench.mjs counts them — the entry module, every module it imports,
// and the .wasm it names by `new URL('./….wasm', import.meta.url)` — measured on the package as
// installed. Bytes only (tests never assert timings). A budget is what the build reaches plus a
// little room; a change that adds more must say so by raising it here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('procurement-precheck/package.json'));

/** An entry and every file it loads (relative static imports and `new URL('./…', import.meta.url)`). */
function graph(entry) {
  const seen = new Set();
  (function visit(f) {
    if (seen.has(f)) return;
    seen.add(f);
    if (!f.endsWith('.js')) return;
    const text = readFileSync(join(pkg, f), 'utf8');
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const m of text.matchAll(/(?:from|import)\s*['"]\.\/([\w./-]+)['"]|new URL\(['"`]\.\/([\w./-]+)['"`]/g)) visit(dir + (m[1] ?? m[2]));
  })(entry);
  return [...seen];
}
const gz = (files) => files.reduce((n, f) => n + gzipSync(readFileSync(join(pkg, f)), { level: 9 }).length, 0);

// Reached on 2026-12-02: fields 61 225 B, default 266 434 B (issue 11's goals: 60 KB, 150 KB).
// The fields entry's budget is issue 11's goal itself, 60 KB.
const BUDGET = { 'fields-entry.js': 61_440, 'index.js': 267_500 };

for (const [entry, budget] of Object.entries(BUDGET)) {
  test(`${entry}: at most ${budget} bytes gzipped on the path of the first check`, () => {
    const files = graph(entry);
    assert.ok(files.some((f) => f.endsWith('_bg.wasm')), `${entry} loads its .wasm: ${files.join(' ')}`);
    const bytes = gz(files);
    assert.ok(bytes <= budget, `${entry}: ${bytes} bytes gzipped > ${budget} (${files.join(' ')})`);
  });
}
