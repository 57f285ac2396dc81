// node bench/phases/browser.mjs: the phases of checkSupplier in headless Chromium (wall clock,
// performance.now). See run.mjs.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { join, extname, normalize } from 'node:path';
import { chromium } from 'playwright-core';
const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.txt': 'text/plain' };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (path === '/bench/phases/') {
    res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><script type="module" src="./page.mjs"></script>');
    return;
  }
  if (path.includes('..') || !(path.startsWith('/bench/') || path.startsWith('/target/bench/phases/'))) { res.writeHead(404).end(); return; }
  try { res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' }).end(readFileSync(join(rootDir, path))); }
  catch { res.writeHead(404).end(); }
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage();
  const failed = new Promise((_, reject) => page.on('pageerror', (e) => reject(e)));
  await page.goto(`http://127.0.0.1:${server.address().port}/bench/phases/`);
  const r = await Promise.race([failed, page.waitForFunction(() => window.__phases, null, { timeout: 300_000 }).then((h) => h.jsonValue())]);
  console.log(`checkSupplier in headless Chromium ${browser.version()}, µs per call (report: ${r.raw.reportBytes} bytes of JSON)`);
  for (const [k, v] of Object.entries(r.breakdown)) console.log(`${k.padEnd(48)} ${v.toFixed(1)}`);
} finally {
  await browser.close();
  server.close();
}
