// The bundlers portals still run, each building a consumer app from the installed tarball
// (target/npm/consumer, as scripts/test.sh installs it) and run in headless Chromium doing a
// check under the strict CSP the README recommends:
//   Vite 5 (`vite@5`)             default entry, one line: build.target 'es2022'
//   Vite 5                        procurement-precheck/inline, no config
//   webpack 5.82.1 + webpack-cli  default entry, one line: experiments.topLevelAwait
//   webpack 5.82.1                procurement-precheck/inline, no config
// Each bundler is installed once into target/bundlers/<name> and reused (delete it to refresh);
// the apps' sources are tests/browser/bundlers/<app> plus the shared index.html and main.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS, serveFiles } from './harness.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const consumer = join(repoRoot, 'target/npm/consumer');
const sources = join(repoRoot, 'tests/browser/bundlers');
const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'";

const BUNDLERS = {
  vite5: ['vite@5'],
  'webpack5.82': ['webpack@5.82.1', 'webpack-cli@5'],
};

/** target/bundlers/<name>: the bundler installed once, with the package linked in. */
function bundler(name) {
  const dir = join(repoRoot, 'target/bundlers', name);
  if (!existsSync(join(dir, 'node_modules/.bin'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bundler-${name}`, private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...BUNDLERS[name]], { cwd: dir, stdio: 'inherit' });
  }
  const link = join(dir, 'node_modules/procurement-precheck');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(join(consumer, 'node_modules/procurement-precheck'), link);
  return dir;
}

/** Copies an app's sources under its bundler's folder; `inline`: import the single-file variant. */
function app(bundlerDir, name, script, inline) {
  const dir = join(bundlerDir, 'apps', name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(sources, name), dir, { recursive: true });
  mkdirSync(join(dir, 'src'));
  const main = readFileSync(join(sources, 'main.js'), 'utf8');
  writeFileSync(join(dir, 'src/main.js'),
    inline ? main.replace("from 'procurement-precheck'", "from 'procurement-precheck/inline'") : main);
  writeFileSync(join(dir, 'index.html'), readFileSync(join(sources, 'index.html'), 'utf8').replace('<!-- SCRIPT -->', script));
  return dir;
}

function buildVite(name, inline) {
  const b = bundler('vite5');
  const dir = app(b, name, '<script type="module" src="/src/main.js"></script>', inline);
  execFileSync(join(b, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
  return join(dir, 'dist');
}

function buildWebpack(name, inline) {
  const b = bundler('webpack5.82');
  const dir = app(b, name, '<script src="main.js"></script>', inline);
  execFileSync(join(b, 'node_modules/.bin/webpack'), ['--config', 'webpack.config.cjs', '--no-stats'], { cwd: dir, stdio: 'inherit' });
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
  return join(dir, 'dist');
}

const servers = [];
let browser;
let userDataDir;

before(async () => {
  assert.ok(existsSync(join(consumer, 'node_modules/procurement-precheck/package.json')),
    'install the packed package into target/npm/consumer first (scripts/test.sh)');
  userDataDir = await mkdtemp(join(tmpdir(), 'precheck-chromium-'));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 120_000,
  });
  browser.setDefaultTimeout(30_000);
}, { timeout: 180_000 });

after(async () => {
  await browser?.close().catch(() => {});
  for (const s of servers) await s.close();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

/** Serves `dist` under the strict CSP, opens it, returns #out and the requests it made. */
async function run(dist) {
  const server = await serveFiles((p) => join(dist, p), () => ({ headers: { 'Content-Security-Policy': CSP } }));
  servers.push(server);
  const page = await browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.origin}/`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
  const out = await page.textContent('#out');
  await page.close();
  assert.deepEqual(errors, [], 'no page errors, no CSP violations');
  return { out, wasmRequests: requests.filter((u) => u.endsWith('.wasm')) };
}

const EXPECTED = 'true | 市场监管 · 企业 · 北京市 | 15000.00';

test('Vite 5, default entry, one line (build.target es2022): builds, runs, checks', { timeout: 240_000 }, async () => {
  const { out, wasmRequests } = await run(buildVite('vite5', false));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'Vite emitted and served the .wasm');
});

test('Vite 5, procurement-precheck/inline, no config: builds, runs, checks', { timeout: 240_000 }, async () => {
  const { out, wasmRequests } = await run(buildVite('vite5-inline', true));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});

test('webpack 5.82, default entry, one line (experiments.topLevelAwait): builds, runs, checks', { timeout: 240_000 }, async () => {
  const { out, wasmRequests } = await run(buildWebpack('webpack5.82', false));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'webpack emitted and served the .wasm');
});

test('webpack 5.82, procurement-precheck/inline, no config: builds, runs, checks', { timeout: 240_000 }, async () => {
  const { out, wasmRequests } = await run(buildWebpack('webpack5.82-inline', true));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});
