// Imported by the wasm boundary (crates/precheck-wasm/src/lib.rs, `plain_json`); wasm-bindgen
// ships it beside its glue. A plain object — what a form's model is — crosses into the module
// fastest as one JSON text (the engine's JSON.stringify, one string) rather than property by
// property. Only when that text says exactly what the object holds: strings, booleans, null,
// finite numbers other than -0, arrays and objects of those (plain objects: no class instances,
// no Date, no functions, no undefined, no symbol values), within the module's nesting and size
// limits. Anything else returns undefined and the module reads the object as before. Never throws.
// The way out, for supplier and package reports: reportFromJson and packageFromJson below (one
// JSON text parsed once, the flat findings list rebuilt here rather than from the module); and
// searchLimit, the options of a search read as one number.

/** `maxDepth`, `maxNodes`: the core's limits (value.rs MAX_DEPTH, MAX_NODES), passed by lib.rs. */
export function plainJson(value, maxDepth, maxNodes) {
  try {
    // Enumerable keys another script put on Object.prototype: for…in visits them, JSON.stringify
    // leaves them out.
    let inherited = false;
    for (const _ in Object.prototype) { inherited = true; break; }
    let nodes = 0;
    const plain = (v, depth) => {
      if (++nodes > maxNodes) return false;
      if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
      if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0);
      if (typeof v !== 'object' || depth >= maxDepth) return false;
      // A toJSON, own (enumerable or not) or on a prototype (old Prototype.js gives
      // Array.prototype one): JSON.stringify would write what it returns.
      if (v.toJSON !== undefined) return false;
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) if (!plain(v[i], depth + 1)) return false;
        return true;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) return false;
      // for…in, not Object.keys: no array of the keys made (the check took 3.0 µs of the bench
      // application in Chromium, 1.9 so); the own keys only, as Object.keys gives them.
      for (const k in v) {
        if (inherited && !Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (!plain(v[k], depth + 1)) return false;
      }
      return true;
    };
    return plain(value, 0) ? JSON.stringify(value) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A supplier report from the module's JSON text. When `grouped`, its flat `findings` hold only
 * the findings of no group (SupplierReport::drop_grouped_findings in the core) and the list is
 * rebuilt as documented: every group's findings in group order (the same objects), then those.
 */
export function reportFromJson(text, grouped) {
  const report = JSON.parse(text);
  if (grouped) regroup(report);
  return report;
}

/** A package report from the module's JSON text: report `i` regrouped when `grouped[i]` is 1. */
export function packageFromJson(text, grouped) {
  const pkg = JSON.parse(text);
  for (let i = 0; i < grouped.length; i++) if (grouped[i] === 1) regroup(pkg.reports[i]);
  return pkg;
}

function regroup(report) {
  const flat = [];
  for (const g of report.groups) for (const f of g.findings) flat.push(f);
  for (const f of report.findings) flat.push(f);
  report.findings = flat;
}

/**
 * `opts.limit` when a search's options are exactly `{ limit }` (a plain object, one enumerable
 * key) holding a safe integer of at least 1 — what JSON text would carry as the same number —
 * else -1: the module then reads the options as any other. Never throws.
 */
export function searchLimit(opts) {
  try {
    if (typeof opts !== 'object' || opts === null || Object.getPrototypeOf(opts) !== Object.prototype) return -1;
    let n = 0;
    for (const k in opts) if (++n > 1 || k !== 'limit') return -1;
    const limit = opts.limit;
    return Number.isSafeInteger(limit) && limit >= 1 ? limit : -1;
  } catch {
    return -1;
  }
}
