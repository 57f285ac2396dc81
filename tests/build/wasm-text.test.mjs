// The text an entry holds its .wasm in (npm/src/wasm-text.js, issue 11): encoded at build time,
// decoded in the browser by the decoder of npm/wasm-text.wat. Run from the repository after the
// build (scripts/test.sh): the encoder and decoder on inputs made to reach every branch, then the
// package's own files — each one-file entry holds exactly the text of the .wasm shipped beside it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIRST_PREFIX, TABLE_BYTES, TEXT_AT, decodeWasm, encodeWasm } from '../../npm/src/wasm-text.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'pp-wasm-text-'));
execFileSync(join(root, 'node_modules/.bin/wasm-as'), [join(root, 'npm/wasm-text.wat'), '-o', join(dir, 'd.wasm')]);
const decoder = readFileSync(join(dir, 'd.wasm'));
rmSync(dir, { recursive: true, force: true });

const ALPHABET = /^[\t !#-;=-[\]-~]*$/; // printable ASCII and tab, without `"`, `<` and `\`
const roundTrip = (bytes) => {
  const enc = encodeWasm(bytes);
  assert.match(enc.text, ALPHABET);
  assert.match(enc.order, /^[0-9a-f]{512}$/);
  assert.deepEqual(decodeWasm({ ...enc, decoder }), new Uint8Array(bytes));
  return enc;
};
/** A deterministic pseudo-random generator (xorshift32), for inputs that do not change between runs. */
function random(seed) {
  let x = seed;
  return () => { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; return (x >>> 0) / 2 ** 32; };
}

test('nothing, one byte, one byte repeated: each decodes to itself', () => {
  assert.equal(roundTrip(new Uint8Array(0)).text, '');
  for (const b of [0, 9, 34, 60, 92, 125, 126, 127, 255]) {
    assert.equal(roundTrip(new Uint8Array([b])).text.length, 1, `${b}: the only byte is the most frequent: one character`);
    roundTrip(new Uint8Array(70_000).fill(b)); // more than the decoder's first page of memory
  }
});

test('the decoder\'s constants are wasm-text.js\'s layout', () => {
  const wat = readFileSync(join(root, 'npm/wasm-text.wat'), 'utf8');
  assert.equal(FIRST_PREFIX, 125);
  for (const c of [FIRST_PREFIX, FIRST_PREFIX - 1, TEXT_AT]) assert.ok(wat.includes(`(i32.const ${c})`), `the decoder has ${c}`);
  assert.ok(TABLE_BYTES <= TEXT_AT, 'the table ends before the text');
});

test('texts that end at, just past and one page past the decoder\'s first page of memory', () => {
  // Byte 0 alone is one character each: the text is as long as the input.
  for (const n of [65_536 - TEXT_AT, 65_536 - TEXT_AT + 1, 2 * 65_536 - TEXT_AT + 1]) {
    assert.equal(roundTrip(new Uint8Array(n)).text.length, n);
  }
});

test('every byte value, the rarest as pairs: one character per byte for the 91 most frequent, two for the rest', () => {
  // Byte b appears 256 - b times: the order is 0, 1, …, 255.
  const bytes = new Uint8Array(Array.from({ length: 256 }, (_, b) => Array(256 - b).fill(b)).flat());
  const { text, order } = roundTrip(bytes);
  assert.equal(order.slice(0, 6), '000102');
  const pairs = 256 - 91;
  const rareBytes = Array.from({ length: pairs }, (_, i) => 256 - (91 + i)).reduce((a, n) => a + n, 0);
  assert.equal(text.length, bytes.length + rareBytes);
});

test('random bytes, with frequencies like a .wasm and flat, over several pages of memory', () => {
  const next = random(0x9e3779b9);
  const skewed = Uint8Array.from({ length: 300_000 }, () => Math.floor(256 * next() ** 3));
  const flat = Uint8Array.from({ length: 200_003 }, () => Math.floor(256 * next()));
  roundTrip(skewed);
  roundTrip(flat);
});

test('control: a decoder given another order than the text\'s gives other bytes', () => {
  const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);
  const enc = encodeWasm(bytes);
  const other = encodeWasm(bytes.map((b) => 255 - b)).order;
  assert.notDeepEqual(decodeWasm({ ...enc, order: other, decoder }), bytes);
});

// Each one-file entry holds the text of the .wasm beside it in pkg/ (npm/build.mjs's plugin), and
// that text decodes to the file's bytes.
for (const [entry, wasm] of [['fields-entry.js', 'procurement_precheck_fields_bg.wasm'], ['fields.min.js', 'procurement_precheck_fields_bg.wasm'],
  ['attach.min.js', 'procurement_precheck_fields_bg.wasm'], ['procurement-precheck.inline.js', 'procurement_precheck_bg.wasm']]) {
  test(`pkg/${entry} holds the text of pkg/${wasm}, which decodes to its bytes`, () => {
    const bytes = readFileSync(join(root, 'pkg', wasm));
    const enc = roundTrip(bytes);
    const js = readFileSync(join(root, 'pkg', entry), 'utf8');
    assert.ok(js.includes(`"${enc.text}"`), `${entry} holds the text of ${wasm}`);
    assert.ok(js.includes(enc.order), `${entry} holds its order`);
    assert.doesNotMatch(js, /['"`][^'"`\n]*\.wasm['"`]/, `${entry} names no .wasm file in a string`);
  });
}
