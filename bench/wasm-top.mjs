// What a .wasm holds: code bytes per function (from the code section, named by the name section)
// summed by Rust path prefix (crate::module), and the data segments. A small reader of the
// WebAssembly binary format, so the bench needs no twiggy or wabt.
// Usage: node bench/wasm-top.mjs FILE.wasm [N] [DEPTH]   (the file must keep its name section)
import { readFileSync } from 'node:fs';

export function wasmContents(bytes) {
  let pos = 8;
  const u8 = () => bytes[pos++];
  const leb = () => {
    let result = 0, shift = 0, b;
    do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    return result;
  };
  const str = () => { const n = leb(); const s = new TextDecoder().decode(bytes.subarray(pos, pos + n)); pos += n; return s; };
  const limits = () => { const flags = u8(); leb(); if (flags & 1) leb(); };
  let importedFunctions = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  const custom = {};
  while (pos < bytes.length) {
    const id = u8();
    const size = leb();
    const end = pos + size;
    if (id === 2) {
      for (let n = leb(); n > 0; n--) {
        str(); str();
        const kind = u8();
        if (kind === 0) { leb(); importedFunctions++; } else if (kind === 1) { u8(); limits(); } else if (kind === 2) { limits(); } else if (kind === 3) { u8(); u8(); } else if (kind === 4) { u8(); leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(); n > 0; n--) { const len = leb(); bodies.push(len); pos += len; }
    } else if (id === 11) {
      data += size;
    } else if (id === 0) {
      const name = str();
      custom[name] = end - pos;
      if (name === 'name') {
        while (pos < end) {
          const sub = u8(); const subSize = leb(); const subEnd = pos + subSize;
          if (sub === 1) for (let n = leb(); n > 0; n--) { const idx = leb(); names.set(idx, str()); }
          pos = subEnd;
        }
      }
    }
    pos = end;
  }
  return {
    functions: bodies.map((size, i) => ({ size, name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]` })),
    data, custom,
  };
}

/** A legacy-mangled Rust symbol (`_ZN4core3fmt5write17h…E`) as its path segments, hash dropped. */
export function rustPath(name) {
  const m = /^_ZN(.*)E$/.exec(name) ?? /^_R(.*)$/.exec(name);
  if (!m) return name.split('::');
  // v0 names: drop the crate disambiguators (`Cs<base62>_`) before reading the identifiers.
  const s = m[1].replace(/Cs[0-9A-Za-z]*_(?=\d)/g, 'C');
  const parts = [];
  let i = 0;
  while (i < s.length) {
    const d = /^\d+/.exec(s.slice(i));
    if (!d) { i++; continue; } // v0 mangling: namespace tags and crate hashes between the names
    i += d[0].length;
    if (s[i] === '_') i++;
    const part = s.slice(i, i + Number(d[0]));
    i += Number(d[0]);
    parts.push(part);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.map((p) => p.replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\.\./g, '::'));
}

/** The largest groups of code by path prefix of `depth` segments, and the data segments. */
export function topContributors(bytes, n = 12, depth = 2) {
  const { functions, data } = wasmContents(bytes);
  const groups = new Map();
  for (const f of functions) {
    const key = rustPath(f.name).slice(0, depth).join('::');
    groups.set(key, (groups.get(key) ?? 0) + f.size);
  }
  const rows = [...groups].map(([what, size]) => ({ what, size }));
  rows.push({ what: '(data segments: tables, messages, catalogues)', size: data });
  rows.sort((a, b) => b.size - a.size);
  const total = functions.reduce((a, f) => a + f.size, 0) + data;
  return { rows: rows.slice(0, n), total };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, n = '15', depth = '2'] = process.argv.slice(2);
  const { rows, total } = topContributors(readFileSync(file), Number(n), Number(depth));
  for (const r of rows) console.log(`${String(r.size).padStart(8)}  ${(100 * r.size / total).toFixed(1).padStart(5)} %  ${r.what}`);
}
