// The fast path of checkUscc (not part of the public API). A valid code as a form holds it —
// 18 characters, upper case, nothing to normalise, no finding — is the common case of every
// keystroke and of a register re-check, and its result is the code itself plus the labels of
// its first eight characters (authority, type, division → province) in the caller's locale.
// So the wrapper asks the module one question, usccPassesAsIs — the code's bytes in as five
// numbers, a bool out, nothing allocated or serialised — and, when the answer is yes and the
// labels of that prefix are known, builds the result from them; otherwise, and the first time
// a prefix is met, it runs the full check and keeps its labels. The module decides on every
// call; only labels, which depend on the prefix and locale alone, are remembered. Held to the
// full check by tests/js/uscc-fast.test.mjs and crates/precheck/tests/uscc_fast.rs.
import { assertAvailable } from './availability.js';

/** Labels kept, at most this many prefixes in all locales (a national register has a few thousand). */
const MAX_PREFIXES = 8192;

/** The locale of options that hold nothing else (undefined: the default), or null: take the full path. */
function onlyLocale(opts) {
  if (opts === undefined || opts === null) return 'zh-CN';
  if (typeof opts !== 'object' || Object.getPrototypeOf(opts) !== Object.prototype) return null;
  let n = 0;
  for (const k in opts) if (++n > 1 || k !== 'locale') return null;
  return n === 1 && typeof opts.locale === 'string' ? opts.locale : null;
}

/** Characters i … i+n-1 of a string as one number, four bytes at most, little end first; -1 if
 *  one is beyond ASCII (a word of ASCII bytes is never negative). */
function word(code, i, n) {
  let x = 0;
  for (let j = 0; j < n; j++) {
    const c = code.charCodeAt(i + j);
    if (c > 0x7f) return -1;
    x |= c << (j * 8);
  }
  return x;
}

/** `checkUscc` over a wasm-bindgen glue module (its checkUscc and usccPassesAsIs) and its availability state. */
export function fastUscc(glue, state) {
  // Per locale: the labels of a prefix (characters 1–8), keyed by its two words.
  const labels = { 'zh-CN': new Map(), 'zh-TW': new Map(), en: new Map() };
  let prefixes = 0;
  return function checkUscc(value, opts) {
    if (state.status !== 'ready') assertAvailable('checkUscc', [value, opts], state);
    const locale = typeof value === 'string' && value.length === 18 ? onlyLocale(opts) : null;
    const known = locale !== null && Object.hasOwn(labels, locale) ? labels[locale] : null;
    if (known === null) return glue.checkUscc(value, opts);
    // The module's answer, the code's 18 bytes packed into five numbers (see usccPassesAsIs in
    // crates/precheck-wasm); a character beyond ASCII takes the full path.
    const w0 = word(value, 0, 4), w1 = word(value, 4, 4), w2 = word(value, 8, 4);
    const w3 = word(value, 12, 4), w4 = word(value, 16, 2);
    if ((w0 | w1 | w2 | w3 | w4) < 0 || !glue.usccPassesAsIs(w0, w1, w2, w3, w4)) return glue.checkUscc(value, opts);
    const info = known.get(w0)?.get(w1);
    if (info !== undefined) {
      return { ok: true, value, findings: [], info: { ...info, orgCode: `${value.slice(8, 16)}-${value.slice(16, 17)}` } };
    }
    const r = glue.checkUscc(value, opts);
    if (r.ok && r.findings.length === 0 && r.info) {
      if (prefixes >= MAX_PREFIXES) {
        for (const m of Object.values(labels)) m.clear();
        prefixes = 0;
      }
      let byFirst = known.get(w0);
      if (byFirst === undefined) known.set(w0, (byFirst = new Map()));
      byFirst.set(w1, { ...r.info });
      prefixes++;
    }
    return r;
  };
}
