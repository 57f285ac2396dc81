// A .wasm carried inside a JS module as text (issue 11): the fields entry and the single-file
// variant hold their module this way, so that the first check needs one request, not the entry
// and then its .wasm. The text is printable ASCII (and tab) without `"`, `\` or `<`: it can sit
// between double quotes, survives any minifier and a page whose charset is GBK, and cannot close
// a <script> it is inlined into. Each byte becomes one character, or two for the rarest bytes,
// in an order chosen per module by frequency: whole bytes stay whole characters, so gzip models
// them as well as the raw .wasm (+0.4 % gz on the fields module; base64 costs +32 %).
// encodeWasm runs at build time (npm/build.mjs); decodeWasm in the browser, through a decoder of
// 155 bytes of WebAssembly (npm/wasm-text.wat): a JS loop over the 135 000 characters of the
// fields module took about 4 ms in Node and 7 in Chromium before the JIT got to it; the decoder takes 2–3 ms
// in Chromium with its set-up (compiling it 0.5, the table 0.4, the text in 0.3–0.9, the loop
// 0.5–1.8), on this project's 2-core machines.

/** The characters of the text, in order: tab, then printable ASCII without `"`, `<` and `\`. */
const ALPHABET = [9, ...Array.from({ length: 95 }, (_, i) => 32 + i).filter((c) => c !== 34 && c !== 60 && c !== 92)];
/** The last two characters begin a pair (prefix, any character); the others stand for a byte. */
const PREFIXES = 2;
const SINGLES = ALPHABET.length - PREFIXES;
/** The first prefix's character code (`}`, 125): npm/wasm-text.wat has it as a constant. */
export const FIRST_PREFIX = ALPHABET[SINGLES];
/** Where the decoder finds the byte of a single (at its character code) and of a pair (at
 *  128 × (1 + the prefix's index, 0 or 1) + the second character's code): TABLE_BYTES from 0;
 *  the text follows at TEXT_AT (npm/wasm-text.wat has it as a constant too). */
export const TABLE_BYTES = 128 * (1 + PREFIXES);
export const TEXT_AT = 512;

/** The code of the byte ranked `r`-th by frequency: one character or two. */
function codeOf(r) {
  if (r < SINGLES) return [ALPHABET[r]];
  const q = r - SINGLES;
  return [ALPHABET[SINGLES + Math.floor(q / ALPHABET.length)], ALPHABET[q % ALPHABET.length]];
}

/** Where the byte ranked `r`-th sits in the decoder's table. */
function slotOf(r) {
  const code = codeOf(r);
  return code.length === 1 ? code[0] : 128 * (1 + code[0] - FIRST_PREFIX) + code[1];
}

/**
 * `bytes` (a Uint8Array) as `{ text, order }`: the text, and the 256 byte values from the most
 * frequent to the least as 512 hexadecimal digits.
 */
export function encodeWasm(bytes) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  const order = Array.from({ length: 256 }, (_, b) => b).sort((x, y) => count[y] - count[x] || x - y);
  const code = new Array(256);
  order.forEach((b, r) => { code[b] = String.fromCharCode(...codeOf(r)); });
  let text = '';
  for (const b of bytes) text += code[b];
  return { text, order: order.map((b) => b.toString(16).padStart(2, '0')).join('') };
}

/**
 * The bytes that encodeWasm's `{ text, order }` stand for, decoded by `decoder` (the bytes of
 * npm/wasm-text.wat's module). Throws when WebAssembly is not there or not allowed; the
 * entries turn that into an unavailable module.
 */
export function decodeWasm({ text, order, decoder }) {
  const d = new WebAssembly.Instance(new WebAssembly.Module(decoder)).exports;
  const need = TEXT_AT + text.length - d.m.buffer.byteLength;
  if (need > 0) d.m.grow(Math.ceil(need / 65536));
  const mem = new Uint8Array(d.m.buffer);
  for (let r = 0; r < 256; r++) mem[slotOf(r)] = parseInt(order.slice(2 * r, 2 * r + 2), 16);
  const { written } = new TextEncoder().encodeInto(text, mem.subarray(TEXT_AT));
  return mem.slice(TEXT_AT, TEXT_AT + d.d(written));
}
