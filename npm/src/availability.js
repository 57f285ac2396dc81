// Whether the WebAssembly module loaded (not part of the public API beyond `ready` and
// `isAvailable`). An entry calls settle() with its init promise — which never rejects — or
// markReady() / markUnavailable() after a synchronous init. Until then, and for good when the
// .wasm could not be loaded (a 404, a wrong MIME type, a CSP without 'wasm-unsafe-eval', no
// WebAssembly), every check throws a PrecheckError with code "unavailable", attach() leaves the
// form alone and fires `precheck:unavailable`, and the adapters pass values through.

/** One state per wasm module: the whole API's and the fields entry's. */
export function createAvailability() {
  let resolve;
  const s = {
    status: 'loading',
    reason: null,
    ready: new Promise((r) => { resolve = r; }),
    markReady() { s.status = 'ready'; resolve(true); },
    markUnavailable(reason) {
      s.status = 'unavailable';
      s.reason = reason ?? null;
      console.warn('procurement-precheck: the WebAssembly module could not be loaded; checks are unavailable.', reason);
      resolve(false);
    },
    /** Awaits `init`, never rejects. */
    settle(init) {
      return Promise.resolve(init).then(() => s.markReady(), (e) => s.markUnavailable(e));
    },
  };
  return s;
}

export const main = createAvailability();
/** The fields entry's own module (procurement_precheck_fields_bg.wasm). */
export const fields = createAvailability();

/** An entry's public face of `state`: `ready` (a promise of true once its module is loaded, false
 *  when it could not be) and isAvailable(). */
export function statusOf(state) {
  return { ready: state.ready, isAvailable: () => state.status === 'ready' };
}

const MESSAGES = {
  'zh-CN': (n) => `预检暂不可用：校验模块未能加载（${n}）。`,
  'zh-TW': (n) => `預檢暫不可用：校驗模組未能載入（${n}）。`,
  en: (n) => `Pre-check unavailable: the checking module could not be loaded (${n}).`,
};

/** The PrecheckError a call throws while its module is not loaded (built in JS: no wasm). */
export function unavailableError(name, state = main, locale) {
  const msg = MESSAGES[locale] ?? MESSAGES['zh-CN'];
  const e = new Error(msg(name), state.reason ? { cause: state.reason } : undefined);
  e.name = 'PrecheckError';
  e.code = 'unavailable';
  e.path = '';
  return e;
}

/** The locale a call's last object argument names, for the unavailable message. */
function localeOf(args) {
  const last = args.at(-1);
  return last !== null && typeof last === 'object' && typeof last.locale === 'string' ? last.locale : undefined;
}

export function assertAvailable(name, args = [], state = main) {
  if (state.status !== 'ready') throw unavailableError(name, state, localeOf(args));
}

/**
 * `target` (a function or a class of the wasm-bindgen glue) behind a check of `state`: calls,
 * `new` and static methods throw the unavailable PrecheckError while the module is not loaded.
 * `instanceof` and everything else reach the target unchanged.
 */
export function guard(name, target, state = main) {
  if (typeof target !== 'function') return target;
  const statics = new Map();
  return new Proxy(target, {
    apply(t, self, args) { assertAvailable(name, args, state); return Reflect.apply(t, self, args); },
    construct(t, args, nt) { assertAvailable(name, args, state); return Reflect.construct(t, args, nt); },
    get(t, p, r) {
      const v = Reflect.get(t, p, r);
      if (typeof v !== 'function' || p === 'prototype' || !Object.hasOwn(t, p)) return v;
      if (!statics.has(p)) statics.set(p, guard(`${name}.${String(p)}`, v, state));
      return statics.get(p);
    },
  });
}

let warned = false;
/** The adapters' pass-through: warns once on the console. */
export function warnPassThrough() {
  if (warned) return;
  warned = true;
  console.warn('procurement-precheck: checks are unavailable (the WebAssembly module did not load); values pass unchecked.');
}
