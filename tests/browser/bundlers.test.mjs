// The bundlers portals still run, each building a consumer app from the installed tarball
// (target/npm/consumer, as scripts/test.sh installs it) and run in headless Chromium doing a
// check under the strict CSP the README recommends:
//   Vite 5 (`vite@5`)               default entry, one line: build.target 'es2022'
//                                   procurement-precheck/inline, no config
//                                   control: the default entry with no config fails to build
//   webpack 5.82.1 + webpack-cli 5  default entry, one line: experiments.topLevelAwait
//                                   procurement-precheck/inline, no config
//                                   control: the default entry with no config fails to build
//   webpack 5 (current)             default entry, no config
//   Rollup 4 + node-resolve         procurement-precheck/inline, no config
// Each bundler is installed once into target/bundlers/<name> and reused (delete it to refresh);
// an app is tests/browser/bundlers/<config> (its config file) plus the shared index.html and main.js.
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
  vite5: { install: ['vite@5'], script: '<script type="module" src="/src/main.js"></script>',
    build: (b, dir) => execFileSync(join(b, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe' }) },
  'webpack5.82': { install: ['webpack@5.82.1', 'webpack-cli@5'], script: '<script src="main.js"></script>', build: webpack },
  webpack5: { install: ['webpack@5', 'webpack-cli@5'], script: '<script src="main.js"></script>', build: webpack },
  rollup4: { install: ['rollup@4', '@rollup/plugin-node-resolve@16'], script: '<script type="module" src="main.js"></script>',
    build: (b, dir) => {
      execFileSync(join(b, 'node_modules/.bin/rollup'), ['-c', 'rollup.config.mjs', '--silent'], { cwd: dir, stdio: 'pipe' });
      cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
    } },
};

function webpack(b, dir) {
  execFileSync(join(b, 'node_modules/.bin/webpack'), ['--config', 'webpack.config.cjs', '--stats', 'errors-only'], { cwd: dir, stdio: 'pipe' });
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
}

/** target/bundlers/<name>: the bundler installed once, with the package linked in. */
function bundlerDir(name) {
  const dir = join(repoRoot, 'target/bundlers', name);
  if (!existsSync(join(dir, 'node_modules/.bin'))) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bundler-${name}`, private: true }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...BUNDLERS[name].install], { cwd: dir, stdio: 'inherit' });
  }
  const link = join(dir, 'node_modules/procurement-precheck');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(join(consumer, 'node_modules/procurement-precheck'), link);
  return dir;
}

/** Builds the app `config` with `bundler`, importing `entry`; returns its dist/ folder. A failed
 *  build throws an Error whose message has the bundler's output. */
function build(bundler, config, entry) {
  const b = bundlerDir(bundler);
  const dir = join(b, 'apps', `${config}-${entry.replace(/\W/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(sources, config), dir, { recursive: true });
  mkdirSync(join(dir, 'src'));
  const main = readFileSync(join(sources, 'main.js'), 'utf8');
  writeFileSync(join(dir, 'src/main.js'), main.replace("from 'procurement-precheck'", `from '${entry}'`));
  writeFileSync(join(dir, 'index.html'),
    readFileSync(join(sources, 'index.html'), 'utf8').replace('<!-- SCRIPT -->', BUNDLERS[bundler].script));
  try {
    BUNDLERS[bundler].build(b, dir);
  } catch (e) {
    throw new Error(`${bundler} build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
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
const T = { timeout: 300_000 };

test('Vite 5, default entry, one line (build.target es2022): builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('vite5', 'vite-es2022', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'Vite emitted and served the .wasm');
});

test('Vite 5, procurement-precheck/inline, no config: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('vite5', 'vite-plain', 'procurement-precheck/inline'));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});

test('control: Vite 5 with no config cannot build the default entry (the line above is needed)', T, () => {
  assert.throws(() => build('vite5', 'vite-plain', 'procurement-precheck'), /Top-level await is not available/);
});

test('webpack 5.82, default entry, one line (experiments.topLevelAwait): builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('webpack5.82', 'webpack-tla', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'webpack emitted and served the .wasm');
});

test('webpack 5.82, procurement-precheck/inline, no config: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('webpack5.82', 'webpack-plain', 'procurement-precheck/inline'));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});

test('control: webpack 5.82 with no config cannot build the default entry (the line above is needed)', T, () => {
  assert.throws(() => build('webpack5.82', 'webpack-plain', 'procurement-precheck'), /top-level-await experiment is not enabled/);
});

test('webpack 5 (current), default entry, no config: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('webpack5', 'webpack-plain', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'webpack emitted and served the .wasm');
});

test('Rollup 4 + node-resolve, procurement-precheck/inline, no config beyond the resolver: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('rollup4', 'rollup-plain', 'procurement-precheck/inline'));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});
