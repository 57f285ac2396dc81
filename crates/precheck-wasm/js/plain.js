// Imported by the wasm boundary (crates/precheck-wasm/src/lib.rs, `plain_json`); wasm-bindgen
// ships it beside its glue. A plain object — what a form's model is — crosses into the module
// fastest as one JSON text (the engine's JSON.stringify, one string) rather than property by
// property. Only when that text says exactly what the object holds: strings, booleans, null,
// finite numbers other than -0, arrays and objects of those (plain objects: no class instances,
// no Date, no functions, no undefined, no symbol values), within the module's nesting and size
// limits. Anything else returns undefined and the module reads the object as before. Never throws.

/** `maxDepth`, `maxNodes`: the core's limits (value.rs MAX_DEPTH, MAX_NODES), passed by lib.rs. */
export function plainJson(value, maxDepth, maxNodes) {
  try {
    let nodes = 0;
    const plain = (v, depth) => {
      if (++nodes > maxNodes) return false;
      if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
      if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
      if (typeof v !== 'object' || depth >= maxDepth) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      for (const k of Object.keys(v)) if (!plain(v[k], depth + 1)) return false;
      return true;
    };
    return plain(value, 0) ? JSON.stringify(value) : undefined;
  } catch {
    return undefined;
  }
}
