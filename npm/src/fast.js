// The fast path of checkUscc (not part of the public API). A valid code as a form holds it —
// 18 characters, upper case, nothing to normalise, no finding — is the common case of every
// keystroke and of a register re-check, and its result is the code itself plus the labels of
// its first eight characters (authority, type, division → province) in the caller's locale.
// So the wrapper asks the module one question, usccPassesAsIs — the code's bytes in as five
// numbers, a bool out, nothing allocated or serialised — and, when the answer is yes and the labels of that prefix are known,
// builds the result from them; otherwise, and the first time a prefix is met, it runs the full
// check and keeps its labels. The module decides on every call; only labels, which depend on
// the prefix and locale alone, are remembered. Parity with the full check: tests/js/parity.test.mjs
// and crates/precheck/tests/uscc_fast.rs.
import { assertAvailable } from './availability.js';

/** Labels kept per locale, at most this many prefixes each (a national register has a few thousand). */
const MAX_PREFIXES = 8192;

/** The locale of options that hold nothing else (undefined: the default), or null: take the full path. */
function onlyLocale(opts) {
  if (opts === undefined || opts === null) return 'zh-CN';
  if (typeof opts !== 'object' || Object.getPrototypeOf(opts) !== Object.prototype) return null;
  let n = 0;
  for (const k in opts) if (++n > 1 || k !== 'locale') return null;
  return n === 1 && typeof opts.locale === 'string' ? opts.locale : null;
}

/** The module's answer for an 18-character string: its bytes packed four to a number (see
 *  usccPassesAsIs in crates/precheck-wasm); a character beyond ASCII takes the full path. */
const w = [0, 0, 0, 0, 0];
function passesAsIs(glue, code) {
  w.fill(0);
  for (let i = 0; i < 18; i++) {
    const c = code.charCodeAt(i);
    if (c > 0x7f) return false;
    w[i >> 2] |= c << ((i & 3) * 8);
  }
  return glue.usccPassesAsIs(w[0], w[1], w[2], w[3], w[4]);
}

/** `checkUscc` over a wasm-bindgen glue module (its checkUscc and usccPassesAsIs) and its availability state. */
export function fastUscc(glue, state) {
  const labels = { 'zh-CN': new Map(), 'zh-TW': new Map(), en: new Map() };
  return function checkUscc(value, opts) {
    if (state.status !== 'ready') assertAvailable('checkUscc', [value, opts], state);
    const locale = typeof value === 'string' && value.length === 18 ? onlyLocale(opts) : null;
    const known = locale !== null && Object.hasOwn(labels, locale) ? labels[locale] : null;
    if (known === null || !passesAsIs(glue, value)) return glue.checkUscc(value, opts);
    const prefix = value.slice(0, 8);
    const info = known.get(prefix);
    if (info !== undefined) {
      return { ok: true, value, findings: [], info: { ...info, orgCode: `${value.slice(8, 16)}-${value.slice(16, 17)}` } };
    }
    const r = glue.checkUscc(value, opts);
    if (r.ok && r.findings.length === 0 && r.info) {
      if (known.size >= MAX_PREFIXES) known.clear();
      known.set(prefix, { ...r.info });
    }
    return r;
  };
}
