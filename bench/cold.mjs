// Cold start in headless Chromium: from navigation to the first checkUscc answer, for the fields
// entry, the default entry and the peer stack a portal would otherwise ship (async-validator +
// stdnum, bundled and minified by rolldown). Files are served from memory by a small Node server
// with cache headers (max-age, ETag): the first visit in a fresh profile, then the median of
// repeat visits from the browser's cache (compiled wasm code cached by V8 included); and the first
// visit once more over an emulated township 3G link (Chromium's network emulation: 300 ms round
// trip, 50 KB/s down), where what is fetched, and in how many round trips, decides.
// Run by bench/bench.mjs; alone: node bench/cold.mjs
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const REPEATS = 9;

/** The peer stack as a portal's bundler would ship it: one minified ES module. */
export async function peerBundle() {
  const { rolldown } = await import('rolldown');
  const dir = join(root, 'target/bench');
  mkdirSync(dir, { recursive: true });
  const entry = join(dir, 'peers-entry.js');
  writeFileSync(entry, [
    `import Schema from ${JSON.stringify(join(root, 'node_modules/async-validator/dist-web/index.js'))};`,
    `import { uscc } from ${JSON.stringify(join(root, 'node_modules/stdnum/lib/esm/cn/index.js'))};`,
    'export function checkUscc(v) { return uscc.validate(v); }',
    'export { Schema };',
  ].join('\n'));
  const b = await rolldown({ input: entry, platform: 'browser', logLevel: 'silent' });
  const { output } = await b.generate({ format: 'esm', minify: true });
  await b.close();
  return Buffer.from(output[0].code);
}

/** The README's line for a page without a bundler: the fields entry (one file since it holds its
 *  module as text) requested as the HTML is parsed (tested in tests/browser/packaging.test.mjs). */
const PRELOAD = '<link rel="modulepreload" href="/pkg/fields.min.js">';
/** The emulated link of the slow first visit. */
export const SLOW = { latency: 300, downloadThroughput: 50_000, uploadThroughput: 25_000 };

// Each page's module script: t0 at its start, then the import and the first answer; [head, script]
// for a page with lines in its head.
const PAGES = {
  blank: 'window.__ok = true;', // the floor: a page whose module script imports nothing
  fields: "const m = await import('/pkg/fields-entry.js'); window.__ok = m.checkUscc('91110000600037341L').ok;",
  fieldsMin: "const m = await import('/pkg/fields.min.js'); window.__ok = m.checkUscc('91110000600037341L').ok;",
  fieldsPreload: [PRELOAD, "const m = await import('/pkg/fields.min.js'); window.__ok = m.checkUscc('91110000600037341L').ok;"],
  default: "const m = await import('/pkg/index.js'); window.__ok = m.checkUscc('91110000600037341L').ok;",
  peers: "const m = await import('/peers.js'); window.__ok = m.checkUscc('91110000600037341L').isValid;",
  // The fields module step by step from a .wasm file, as the default entry loads its own (the
  // glue's loader does the same, streaming): where a repeat visit's time goes on that path, and
  // what the fields entry no longer spends since it holds its module (the fetch).
  fieldsSteps: ["const t = [performance.now()]; const glue = await import('/pkg/procurement_precheck_fields.js'); t.push(performance.now());",
    "const bytes = await (await fetch('/pkg/procurement_precheck_fields_bg.wasm')).arrayBuffer(); t.push(performance.now());",
    'const mod = await WebAssembly.compile(bytes); t.push(performance.now());',
    'glue.initSync({ module: mod }); t.push(performance.now());',
    "window.__ok = glue.checkUscc('91110000600037341L').ok; t.push(performance.now());",
    'window.__steps = t.slice(1).map((x, i) => x - t[i]);'].join(' '),
};
/** The steps of the fieldsSteps page, in order. */
export const STEPS = ['glue import', 'fetch of the .wasm', 'compile', 'instantiate', 'first checkUscc'];

export async function coldStart() {
  const files = new Map();
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  for (const f of readdirSync(join(root, 'pkg'), { recursive: true })) { // snippets/ too
    if (/\.(js|wasm)$/.test(f)) files.set(`/pkg/${f}`, readFileSync(join(root, 'pkg', f)));
  }
  const peers = await peerBundle();
  files.set('/peers.js', peers);
  for (const [name, page] of Object.entries(PAGES)) {
    const [head, code] = Array.isArray(page) ? page : ['', page];
    // A page that fails says why (window.__err) instead of leaving the bench to time out.
    files.set(`/${name}.html`, Buffer.from(`<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">${head}`
      + `<script type="module">const t0 = performance.now(); try { ${code} window.__own = performance.now() - t0; window.__ms = performance.now(); }`
      + ' catch (e) { window.__err = String(e?.stack ?? e); }</script>'));
  }
  // Each file gzipped once, as a server with gzip sends it.
  const served = new Map([...files].map(([p, b]) => [p, {
    gz: gzipSync(b, { level: 9 }), etag: `"${createHash('sha1').update(b).digest('hex')}"`,
    type: types[p.slice(p.lastIndexOf('.'))] ?? 'application/octet-stream',
  }]));
  const server = createServer((req, res) => {
    const f = served.get(new URL(req.url, 'http://x').pathname);
    if (!f) { res.writeHead(404).end(); return; }
    if (req.headers['if-none-match'] === f.etag) { res.writeHead(304).end(); return; }
    res.writeHead(200, { 'Content-Type': f.type, 'Content-Encoding': 'gzip', ETag: f.etag,
      'Cache-Control': 'max-age=3600' }).end(f.gz);
  }).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${server.address().port}`;
  const { chromium } = await import('playwright-core');
  const results = {};
  try {
    for (const [name, slow] of [...Object.keys(PAGES).map((n) => [n, false]), ...Object.keys(PAGES).filter((n) => n !== 'fieldsSteps').map((n) => [n, true])]) {
      const profile = mkdtempSync(join(tmpdir(), 'pp-cold-'));
      const ctx = await chromium.launchPersistentContext(profile, {
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
          '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      });
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      if (slow) {
        const cdp = await ctx.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', { offline: false, ...SLOW });
      }
      // What went wrong on a visit, for the message: failed requests, errors thrown on the page.
      const trouble = [];
      page.on('response', (r) => { if (r.status() >= 400) trouble.push(`${r.status()} ${r.url()}`); });
      page.on('requestfailed', (r) => trouble.push(`failed ${r.url()}: ${r.failure()?.errorText}`));
      page.on('pageerror', (e) => trouble.push(`page error: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') trouble.push(`console: ${m.text()}`); });
      const visit = async (which) => {
        trouble.length = 0;
        await page.goto(`${base}/${name}.html`);
        const h = await page.waitForFunction(() => (window.__ms || window.__err) && { ms: window.__ms, own: window.__own, steps: window.__steps, ok: window.__ok, err: window.__err },
          null, { timeout: 60_000 }).catch((e) => ({ jsonValue: () => ({ err: e.message.split('\n')[0] }) }));
        const r = await h.jsonValue();
        if (r.err !== undefined) throw new Error(`${name} entry, ${which}: ${r.err}${trouble.length ? ` (${trouble.join('; ')})` : ''}`);
        return r;
      };
      try {
        if (slow) { // one visit, in a fresh profile: what a township applicant waits the first time
          const r = await visit('first visit over the emulated 3G link');
          results[name].slow = r.ms;
          continue;
        }
        const first = await visit('first visit');
        const repeats = [];
        for (let i = 0; i < REPEATS; i++) repeats.push(await visit(`repeat visit ${i + 1}`));
        const median = (k) => repeats.map((r) => r[k]).sort((a, b) => a - b)[Math.floor(repeats.length / 2)];
        results[name] = { first: first.ms, repeat: median('ms'), firstOwn: first.own, repeatOwn: median('own'), ok: first.ok,
          steps: first.steps && first.steps.map((_, i) => repeats.map((r) => r.steps[i]).sort((a, b) => a - b)[Math.floor(repeats.length / 2)]) };
      } catch (e) {
        if (slow) results[name].slow = NaN;
        else results[name] = { first: NaN, repeat: NaN, firstOwn: NaN, repeatOwn: NaN, ok: false, error: e.message };
      } finally {
        await ctx.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
  }
  return { results, peersGz: served.get('/peers.js').gz.length };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await coldStart());
