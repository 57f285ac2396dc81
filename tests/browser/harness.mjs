// Shared by the browser tests: serves www/ with python's http.server on a free 127.0.0.1 port,
// starts Debian's Chromium through playwright-core with a fresh profile, opens a page and
// records every request, page error and console error. Not a test file itself (no .test.).
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const wwwDir = join(repoRoot, 'www');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// Chromium starts slowly on a 2-core machine; every wait is on a condition, with room to spare.
const STEP_TIMEOUT = 30_000;

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

export async function waitForServer(server, url, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  let lastError;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`http.server exited with code ${server.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) { await res.arrayBuffer(); return; }
      lastError = new Error(`HTTP ${res.status}`);
    } catch (e) {
      lastError = e;
    }
    await new Promise((r) => setTimeout(r, 100)); // poll interval while the server starts
  }
  throw new Error(`server at ${url} did not answer: ${lastError?.message}`);
}

/**
 * Registers before/after hooks that serve www/, open `pagePath` and wait for
 * `body[data-ready="1"]`. The returned object is filled in by the before hook.
 * `beforeGoto(page)`, if given, runs before the page is opened (e.g. to route requests).
 */
export function usePage(pagePath, { beforeGoto } = {}) {
  const h = { page: null, origin: '', requests: [], pageErrors: [], consoleErrors: [] };
  let server;
  let serverExit;
  let userDataDir;
  let context;

  before(async () => {
    assert.ok(existsSync(join(wwwDir, pagePath)), `www/${pagePath} is missing`);
    assert.ok(existsSync(join(wwwDir, 'pkg', 'index.js')),
      'www/pkg/ is missing: build the package and copy pkg/ to www/pkg/ first');
    assert.ok(existsSync(CHROMIUM), `no Chromium at ${CHROMIUM} (apt-get install chromium)`);

    const port = await freePort();
    h.origin = `http://127.0.0.1:${port}`;
    server = spawn('python3', ['-m', 'http.server', '--bind', '127.0.0.1', String(port), '--directory', wwwDir], {
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    serverExit = once(server, 'exit');
    await waitForServer(server, `${h.origin}/${pagePath}`, 20_000);

    userDataDir = await mkdtemp(join(tmpdir(), 'precheck-chromium-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      timeout: 120_000,
    });
    context.setDefaultTimeout(STEP_TIMEOUT);
    // Every request of every page and worker of this context, by URL.
    context.on('request', (req) => h.requests.push(req.url()));

    h.page = context.pages()[0] ?? (await context.newPage());
    h.page.on('pageerror', (err) => h.pageErrors.push(err));
    h.page.on('console', (msg) => { if (msg.type() === 'error') h.consoleErrors.push(msg.text()); });

    if (beforeGoto) await beforeGoto(h.page);
    await h.page.goto(`${h.origin}/${pagePath}`, { waitUntil: 'load', timeout: 60_000 });
    await h.page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  }, { timeout: 180_000 });

  after(async () => {
    await context?.close().catch(() => {});
    if (server && server.exitCode === null && server.signalCode === null) {
      server.kill('SIGTERM');
      await serverExit;
    }
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
  });

  return h;
}

/** Requests that went anywhere but the local server (data: and blob: URLs are local). */
export function foreignRequests(h) {
  return h.requests.filter((u) => {
    const url = new URL(u);
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return url.origin !== h.origin;
  });
}

/** Waits until the element's text contains every one of `parts`. */
export async function waitForText(page, sel, ...parts) {
  await page.waitForFunction(
    ([s, ps]) => {
      const el = document.querySelector(s);
      return !!el && ps.every((p) => el.textContent.includes(p));
    },
    [sel, parts],
  );
}

/**
 * A static file server on a free 127.0.0.1 port: `resolve(pathname)` gives the file to send (or
 * null: 404), `respond(req, file)` may override the status, Content-Type and headers (the
 * survival tests break the .wasm with it). Returns { origin, close() }.
 */
export async function serveFiles(resolve, respond = () => ({})) {
  const { createServer: createHttpServer } = await import('node:http');
  const { readFileSync, statSync } = await import('node:fs');
  const { extname } = await import('node:path');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
    '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css', '.wasm': 'application/wasm',
    '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createHttpServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = path.includes('..') ? null : resolve(path);
    try { if (file && statSync(file).isDirectory()) file = `${file}/index.html`; statSync(file ?? ''); } catch { file = null; }
    const o = { status: file ? 200 : 404, type: file ? types[extname(file)] ?? 'application/octet-stream' : 'text/plain',
      headers: {}, ...respond(req, file) };
    res.writeHead(o.status, { 'Content-Type': o.type, ...o.headers });
    res.end(o.status === 200 && file ? readFileSync(file) : undefined);
  });
  const port = await freePort();
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

/** Debian's Chromium with a fresh profile; `close()` closes it and removes the profile. */
export async function launchBrowser() {
  const userDataDir = await mkdtemp(join(tmpdir(), 'precheck-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 120_000,
  });
  context.setDefaultTimeout(STEP_TIMEOUT);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

const consumerDir = join(repoRoot, 'target/npm/consumer');
const pagesDir = join(repoRoot, 'tests/browser/pages');

/**
 * Registers before/after hooks that serve tests/browser/pages/ at /pages/ and the installed
 * package (target/npm/consumer, as scripts/test.sh installs the tarball) at /node_modules/,
 * through serveFiles with `respond`, and start a browser. The returned object's `server` and
 * `browser` (a browser context) are filled in by the before hook.
 */
export function useConsumerPages(respond) {
  const h = { server: null, browser: null };
  let launched;
  before(async () => {
    assert.ok(existsSync(join(consumerDir, 'node_modules/procurement-precheck/package.json')),
      'install the packed package into target/npm/consumer first (scripts/test.sh)');
    h.server = await serveFiles((p) => (p.startsWith('/pages/') ? join(pagesDir, p.slice(7))
      : p.startsWith('/node_modules/') ? join(consumerDir, p) : null), respond);
    launched = await launchBrowser();
    h.browser = launched.context;
  }, { timeout: 180_000 });
  after(async () => {
    await launched?.close();
    await h.server?.close();
  });
  return h;
}
