// The installed package in real browsers, the ways portals load it: a plain static page
// (<script type="module">, no bundler), the single-file variant (wasm inlined), and a Vite app
// (vite build + vite preview) — every page under the strict Content-Security-Policy the README
// recommends, recording every request.
//
// Needs the tarball installed into target/npm/consumer (scripts/test.sh does that first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:http';
import { cpSync, existsSync, readFileSync, rmSync, mkdirSync, symlinkSync } from 'node:fs';
import { join, extname, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, launchBrowser, waitForServer } from './harness.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const consumer = join(repoRoot, 'target/npm/consumer');
const pages = join(repoRoot, 'tests/browser/pages');
const viteApp = join(repoRoot, 'target/npm/vite-app');
const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json' };

let staticServer;
let staticOrigin;
let preview;
let previewOrigin;
let browser;
let launched;
const requests = [];
const problems = [];

/** Serves /pages/* from tests/browser/pages and /node_modules/* from the consumer project. */
function serveStatic(port) {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    const file = path.startsWith('/pages/') ? join(pages, path.slice(7))
      : path.startsWith('/node_modules/') ? join(consumer, path) : null;
    if (!file || path.includes('..') || !existsSync(file)) { res.writeHead(404).end(); return; }
    // ?no-wasm-eval: the same policy without 'wasm-unsafe-eval', to show the policy is enforced.
    const csp = req.headers.referer?.includes('no-wasm-eval') || req.url.includes('no-wasm-eval')
      ? CSP.replace(" 'wasm-unsafe-eval'", '') : CSP;
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': csp });
    res.end(readFileSync(file));
  });
  server.listen(port, '127.0.0.1');
  return server;
}

before(async () => {
  assert.ok(existsSync(join(consumer, 'node_modules/procurement-precheck/package.json')),
    'install the packed package into target/npm/consumer first (scripts/test.sh)');
  staticOrigin = `http://127.0.0.1:${await freePort()}`;
  staticServer = serveStatic(Number(new URL(staticOrigin).port));
  await once(staticServer, 'listening');

  // The Vite app: the sources of tests/browser/vite-app with the installed package.
  rmSync(viteApp, { recursive: true, force: true });
  cpSync(join(repoRoot, 'tests/browser/vite-app'), viteApp, { recursive: true });
  mkdirSync(join(viteApp, 'node_modules'));
  symlinkSync(join(consumer, 'node_modules/procurement-precheck'), join(viteApp, 'node_modules/procurement-precheck'));
  const vite = join(repoRoot, 'node_modules/.bin/vite');
  execFileSync(vite, ['build', '--logLevel', 'warn'], { cwd: viteApp, stdio: 'inherit' });
  const port = await freePort();
  previewOrigin = `http://127.0.0.1:${port}`;
  preview = spawn(vite, ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'],
    { cwd: viteApp, stdio: ['ignore', 'ignore', 'inherit'] });
  await waitForServer(preview, `${previewOrigin}/`, 30_000);

  launched = await launchBrowser();
  browser = launched.context;
  browser.on('request', (r) => requests.push(r.url()));
}, { timeout: 240_000 });

after(async () => {
  await launched?.close();
  staticServer?.close();
  if (preview && preview.exitCode === null) { preview.kill('SIGTERM'); await once(preview, 'exit'); }
});

/** Opens a page, waits for body[data-ready], returns #out's text, the requests it made and when
 *  each resource's fetch started and ended (file name → Resource Timing's startTime, responseEnd). */
async function load(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const from = requests.length;
  const res = await page.goto(url, { waitUntil: 'load' });
  assert.equal(res.headers()['content-security-policy'], CSP, 'served under the strict CSP');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const out = await page.textContent('#out');
  const timing = Object.fromEntries(await page.evaluate(() => performance.getEntriesByType('resource')
    .map((e) => [e.name.slice(e.name.lastIndexOf('/') + 1).split('?')[0], { start: e.startTime, end: e.responseEnd }])));
  await page.close();
  assert.deepEqual(errors, [], 'no page errors, no CSP violations');
  const made = requests.slice(from);
  const origin = new URL(url).origin;
  assert.deepEqual(made.filter((u) => !u.startsWith(origin) && !u.startsWith('data:')), [], 'no foreign requests');
  return { out, made, timing };
}

test('a static page imports the package with <script type="module">, no bundler, strict CSP', async () => {
  const { out, made } = await load(`${staticOrigin}/pages/static.html`);
  assert.equal(out, 'uscc.check_char | 01060101');
  assert.ok(made.some((u) => u.endsWith('/procurement_precheck_bg.wasm')));
});

test('the minified single files: a page fetches index.min.js and its .wasm, or fields.min.js alone', async () => {
  for (const [entry, out, wasm] of [['index.min.js', 'uscc.check_char | 01060101', ['procurement_precheck_bg.wasm']],
    ['fields.min.js', 'uscc.check_char | -', []]]) {
    const r = await load(`${staticOrigin}/pages/static.html?entry=${entry}`);
    assert.equal(r.out, out, entry);
    const fromPackage = r.made.filter((u) => u.includes('/procurement-precheck/')).map((u) => u.slice(u.lastIndexOf('/') + 1));
    assert.deepEqual(fromPackage, [entry, ...wasm], entry);
  }
});

// The README's preload line: fields.min.js requested once, by that line, as the HTML is parsed
// — no later than the page's own script, static.js (its module is inside it: there is no .wasm to
// preload). The control, the same page without the line (static.html): requested by the
// script's import, so only once static.js is in.
test('the README\'s preload line: fields.min.js requested once, as the HTML is parsed (control: without it, after the script)', async () => {
  const r = await load(`${staticOrigin}/pages/fields-preload.html?entry=fields.min.js`);
  assert.equal(r.out, 'uscc.check_char | -');
  assert.deepEqual(r.made.filter((u) => u.includes('/procurement-precheck/')).map((u) => u.slice(u.lastIndexOf('/') + 1)), ['fields.min.js']);
  assert.ok(r.timing['fields.min.js'].start <= r.timing['static.js'].start, JSON.stringify(r.timing));
  const control = await load(`${staticOrigin}/pages/static.html?entry=fields.min.js`);
  assert.equal(control.out, 'uscc.check_char | -');
  assert.ok(control.timing['fields.min.js'].start >= control.timing['static.js'].end, JSON.stringify(control.timing));
});

test('a static page imports only the fields entry (one file, its own module inside, not the whole API), strict CSP', async () => {
  const { out, made } = await load(`${staticOrigin}/pages/fields.html`);
  assert.equal(out, 'uscc.check_char | Market regulation · enterprise · Fujian | 壹万伍仟元整 | 北京市');
  assert.deepEqual(made.filter((u) => u.includes('/procurement-precheck/')).map((u) => u.slice(u.lastIndexOf('/') + 1)), ['fields-entry.js']);
});

test('the single-file variant needs no .wasm request', async () => {
  const { out, made } = await load(`${staticOrigin}/pages/inline.html`);
  assert.equal(out, '市场监管 · 企业 · 北京市');
  assert.deepEqual(made.filter((u) => u.endsWith('.wasm')), []);
});

test('a Vite app (vite build, vite preview) imports and calls it with no init', async () => {
  const { out, made } = await load(`${previewOrigin}/`);
  assert.equal(out, '市场监管 · 企业 · 北京市 | 15000.00');
  assert.ok(made.some((u) => u.endsWith('.wasm')), 'Vite emitted and served the .wasm asset');
});

test('control: without wasm-unsafe-eval the same page cannot compile the module (its checks are unavailable)', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(`${staticOrigin}/pages/static.html?no-wasm-eval`, { waitUntil: 'load' });
  await page.waitForFunction(() => true);
  await assert.rejects(page.waitForSelector('body[data-ready="1"]', { timeout: 3_000 }));
  await page.close();
  // The import itself survives (survival.test.mjs); the page's own check then throws the
  // PrecheckError "unavailable", uncaught here, so the page never gets to data-ready.
  assert.ok(errors.some((e) => /PrecheckError/.test(e)), errors.join('\n'));
});
