// What a browser fetches for an entry of the package: the entry module, every module it
// imports statically (relative), and the .wasm it names by `new URL('./….wasm',
// import.meta.url)` — not `import('…')`, which the attach entry uses for the rest of the package,
// later and in the background. Gzip -9 per file, as a server with gzip sends it. Shared by the
// size budget (size.test.mjs, on the installed package) and the bench (bench/bench.mjs, on pkg/).
// Not a test file itself.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** `entry` and every file it loads, as paths relative to the package folder `dir`. */
export function graph(dir, entry) {
  const seen = new Set();
  (function visit(f) {
    if (seen.has(f)) return;
    seen.add(f);
    if (!f.endsWith('.js')) return;
    const text = readFileSync(join(dir, f), 'utf8');
    const at = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : '';
    for (const m of text.matchAll(/(?:from|import)\s*['"]\.\/([\w./-]+)['"]|new URL\(['"`]\.\/([\w./-]+)['"`]/g)) visit(at + (m[1] ?? m[2]));
  })(entry);
  return [...seen];
}

/** Gzip -9 bytes of `files` (paths relative to `dir`), each compressed on its own. */
export function gzBytes(dir, files) {
  return files.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}
