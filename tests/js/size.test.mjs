// The size budget (issue 11): the bytes a browser fetches before a page's first check can answer,
// gzip -9 per file, as bench/bench.mjs counts them — the entry module, every module it imports,
// and the .wasm it names by `new URL('./….wasm', import.meta.url)` — measured on the package as
// installed. Bytes only (tests never assert timings). A budget is what the build reaches plus a
// little room; a change that adds more must say so by raising it here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { graph, gzBytes } from './graph.mjs';

const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('procurement-precheck/package.json'));

// Reached on 2026-12-02 (after the core's speed work: hashed tables, the grouped report): fields
// 61 083 B, its single minified file 60 641 B, the attach entry 68 553 B (66 413 B minified),
// default 268 474 B (265 304 B minified). Then (branch size: no float parsing or formatting,
// build.rs-encoded text tables, catalogues and lower case, no sorts): fields 60 848 B (60 406 B
// minified), attach 68 318 B (66 178 B), default 223 318 B (220 160 B); with branch core (the
// check ~27 % fewer instructions natively: licences borrowed, parameters without core::fmt):
// fields 61 074 B (60 613 B), attach 68 538 B (66 368 B), default 224 602 B (221 453 B). Issue 11's goals: 60 KB
// for the fields, 150 KB for everything. On 2026-12-03 (rlsf instead of dlmalloc in both modules):
// fields 58 448 B (57 987 B minified), attach 65 912 B (63 742 B), default 221 842 B (218 693 B);
// the budgets came down with it, the fields entry's below the goal (61 440 B). Then (the fields
// module inside the fields entry as text, npm/src/wasm-text.js: one request instead of three
// levels of them, 1.1 KB more): fields 59 580 B (59 370 B minified), attach 67 193 B (65 412 B),
// the single-file variant 225 333 B (287 KB with base64). Then (no B-tree in either module:
// crates/precheck/src/sorted.rs, one index sort for all its maps and sets): fields 57 665 B
// (57 458 B minified), attach 65 249 B (63 517 B), default 215 802 B (212 665 B), the
// single-file variant 219 802 B. Then (no serde serialiser in the whole API's module; two
// generic functions split to one body each): fields 57 233 B (57 022 B minified), attach
// 64 817 B (63 105 B), default 211 282 B (208 145 B), the single-file variant 215 726 B.
// Then (zh-TW texts made from the zh-CN ones where a character conversion gives them, see
// data/README.md): fields 57 358 B (57 145 B minified), attach 64 942 B (63 222 B), default
// 207 128 B (203 991 B), the single-file variant 211 484 B.
const BUDGET = {
  'fields-entry.js': 57_800, 'fields.min.js': 57_600, 'attach-entry.js': 65_400, 'attach.min.js': 63_650,
  'index.js': 207_600, 'index.min.js': 204_450, 'procurement-precheck.inline.js': 211_950,
};
/** The entries that hold their module as text: the page fetches them and nothing else first
 *  (attach-entry.js has its module through fields-entry.js). */
const ONE_FILE = new Set(['fields-entry.js', 'fields.min.js', 'attach.min.js', 'procurement-precheck.inline.js']);

for (const [entry, budget] of Object.entries(BUDGET)) {
  test(`${entry}: at most ${budget} bytes gzipped on the path of the first check`, () => {
    const files = graph(pkg, entry);
    if (ONE_FILE.has(entry)) assert.deepEqual(files, [entry], `${entry} is one file, its module inside`);
    else assert.ok(files.some((f) => f.endsWith('_bg.wasm') || ONE_FILE.has(f)), `${entry} loads its module: ${files.join(' ')}`);
    const bytes = gzBytes(pkg, files);
    assert.ok(bytes <= budget, `${entry}: ${bytes} bytes gzipped > ${budget} (${files.join(' ')})`);
  });
}
