// The bundlers portals still run, each building a consumer app from the installed tarball
// (target/npm/consumer, as scripts/test.sh installs it) and run in headless Chromium doing a
// check under the strict CSP the README recommends (the README's bundler table is this list):
//   Vite 5 (`vite@5`), Vite 6 (`vite@6`)  default entry, one line: build.target 'es2022'
//                                   procurement-precheck/inline, no config
//                                   control: the default entry with no config fails to build
//   Vite 7 (`vite@7`)               default entry, no config
//   Vite 8 (the repository's own)   default entry, no config
//   webpack 5.60.0, 5.82.1          default entry, one line: experiments.topLevelAwait
//     (+ webpack-cli 5)             procurement-precheck/inline, no config
//                                   control: the default entry with no config fails to build
//                                   (5.60 runs under NODE_OPTIONS=--openssl-legacy-provider, as
//                                   every webpack < 5.61 build must on Node >= 17)
//   webpack 5 (current)             default entry, no config
//   Vue CLI 5 (@vue/cli-service 5, Vue 3 SFC), fresh (webpack current): default entry, no config
//   Vue CLI 5 over webpack 5.82.1   default entry, one line in vue.config.js:
//                                   configureWebpack: { experiments: { topLevelAwait: true } }
//                                   control as webpack (the inline variant, needing no config
//                                   on any bundler here, is not built again with Vue CLI)
//   Rollup 4 + node-resolve         procurement-precheck/inline, no config
//                                   default entry, one plugin: @web/rollup-plugin-import-meta-assets
//                                   control: without it the build emits no .wasm
// Each bundler is installed once into target/bundlers/<name>, all before the tests, and reused
// (installed again when its install list below changes; delete the folder to refresh). An app is
// tests/browser/bundlers/<config> (its config file; the Vue CLI apps also their own src/ and
// public/) plus, where it has none, the shared index.html and main.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, serveFiles } from './harness.mjs';

const execFileAsync = promisify(execFile);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const consumer = join(repoRoot, 'target/npm/consumer');
const sources = join(repoRoot, 'tests/browser/bundlers');
const CSP = "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'";

const vite = (b, dir) => execFileSync(join(b, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe' });
const VITE_SCRIPT = '<script type="module" src="/src/main.js"></script>';

const BUNDLERS = {
  vite5: { install: ['vite@5'], script: VITE_SCRIPT, build: vite },
  vite6: { install: ['vite@6'], script: VITE_SCRIPT, build: vite },
  vite7: { install: ['vite@7'], script: VITE_SCRIPT, build: vite },
  // The repository's own Vite (a devDependency, 8): nothing to install.
  vite8: { install: [], script: VITE_SCRIPT,
    build: (b, dir) => execFileSync(join(repoRoot, 'node_modules/.bin/vite'), ['build', '--logLevel', 'error'], { cwd: dir, stdio: 'pipe' }) },
  // webpack < 5.61 hashes with md4, which Node >= 17 (OpenSSL 3) refuses: every build there runs
  // with the legacy provider (the environment such a portal already has, not a line of ours).
  'webpack5.60': { install: ['webpack@5.60.0', 'webpack-cli@5'], script: '<script src="main.js"></script>', build: webpack,
    env: { NODE_OPTIONS: '--openssl-legacy-provider' } },
  'webpack5.82': { install: ['webpack@5.82.1', 'webpack-cli@5'], script: '<script src="main.js"></script>', build: webpack },
  webpack5: { install: ['webpack@5', 'webpack-cli@5'], script: '<script src="main.js"></script>', build: webpack },
  // Vue CLI 5 as a fresh project gets it (webpack current), and the same project with webpack
  // pinned to 5.82.1 (as a 2023 lockfile has it; Vue CLI 5 takes any webpack ^5.54).
  vuecli5: { install: ['@vue/cli-service@5', 'vue@3'], build: vueCli },
  'vuecli5-webpack5.82': { base: 'vuecli5', install: ['webpack@5.82.1'], build: vueCli },
  rollup4: { install: ['rollup@4', '@rollup/plugin-node-resolve@16', '@web/rollup-plugin-import-meta-assets@2'],
    script: '<script type="module" src="main.js"></script>',
    build: (b, dir) => {
      execFileSync(join(b, 'node_modules/.bin/rollup'), ['-c', 'rollup.config.mjs', '--silent'], { cwd: dir, stdio: 'pipe' });
      cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
    } },
};

function webpack(b, dir, env) {
  execFileSync(join(b, 'node_modules/.bin/webpack'), ['--config', 'webpack.config.cjs', '--stats', 'errors-only'], { cwd: dir, stdio: 'pipe', env });
  cpSync(join(dir, 'index.html'), join(dir, 'dist/index.html'));
}

/** `vue-cli-service build`: the app's own public/index.html, scripts injected, output in dist/. */
function vueCli(b, dir) {
  execFileSync(join(b, 'node_modules/.bin/vue-cli-service'), ['build', '--silent'], { cwd: dir, stdio: 'pipe' });
}

const bundlerPath = (name) => join(repoRoot, 'target/bundlers', name);
const manifestOf = (name) => JSON.stringify({ base: BUNDLERS[name].base, installed: BUNDLERS[name].install });
const MANIFEST = '.bundler.json';
const installing = new Map();

/** Installs the bundler `name` into target/bundlers/<name> unless it is there with this very
 *  install list (kept in .bundler.json). One with a `base` is a copy of that install with its
 *  own packages added, as a project whose lockfile pins an older one (npm then swaps only those).
 *  The before hook installs every bundler. */
function install(name) {
  if (!installing.has(name)) installing.set(name, (async () => {
    const dir = bundlerPath(name);
    const manifestPath = join(dir, MANIFEST);
    if (existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === manifestOf(name)) return;
    const { base, install: list } = BUNDLERS[name];
    rmSync(dir, { recursive: true, force: true });
    if (base) {
      await install(base);
      cpSync(bundlerPath(base), dir, { recursive: true, verbatimSymlinks: true,
        filter: (src) => !/[/\\](apps|\.bundler\.json|node_modules[/\\]procurement-precheck)$/.test(src) });
    } else {
      mkdirSync(join(dir, 'node_modules'), { recursive: true });
      writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bundler-${name}`, private: true }));
    }
    if (list.length) {
      try {
        await execFileAsync('npm', ['install', '--no-audit', '--no-fund', '--silent', ...list], { cwd: dir });
      } catch (e) {
        throw new Error(`npm install ${list.join(' ')} in ${name} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      }
    }
    writeFileSync(manifestPath, manifestOf(name));
  })());
  return installing.get(name);
}

/** target/bundlers/<name> (installed by the before hook), with the package linked in. */
function bundlerDir(name) {
  const dir = bundlerPath(name);
  assert.equal(readFileSync(join(dir, MANIFEST), 'utf8'), manifestOf(name), `${name} is installed`);
  const link = join(dir, 'node_modules/procurement-precheck');
  rmSync(link, { recursive: true, force: true });
  symlinkSync(join(consumer, 'node_modules/procurement-precheck'), link);
  return dir;
}

/** Builds the app `config` with `bundler`, importing `entry`; returns its dist/ folder. The app
 *  is the config folder plus, where it has none, the shared src/main.js and index.html (with the
 *  bundler's script tag). A failed build throws an Error whose message has the bundler's output. */
function build(bundler, config, entry, main = 'main.js') {
  const b = bundlerDir(bundler);
  const dir = join(b, 'apps', `${config}-${entry.replace(/\W/g, '_')}-${main.replace(/\W/g, '_')}`);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(sources, config), dir, { recursive: true });
  mkdirSync(join(dir, 'src'), { recursive: true });
  if (!existsSync(join(dir, 'src/main.js'))) cpSync(join(sources, main), join(dir, 'src/main.js'));
  if (main === 'main.js') for (const f of readdirSync(join(dir, 'src'))) {
    const file = join(dir, 'src', f);
    writeFileSync(file, readFileSync(file, 'utf8').replace("from 'procurement-precheck'", `from '${entry}'`));
  }
  if (!existsSync(join(dir, 'public/index.html'))) {
    writeFileSync(join(dir, 'index.html'),
      readFileSync(join(sources, 'index.html'), 'utf8').replace('<!-- SCRIPT -->', BUNDLERS[bundler].script));
  }
  try {
    BUNDLERS[bundler].build(b, dir, { ...process.env, ...BUNDLERS[bundler].env });
  } catch (e) {
    throw new Error(`${bundler} build failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
  return join(dir, 'dist');
}

const servers = [];
let browser;
let launched;

before(async () => {
  assert.ok(existsSync(join(consumer, 'node_modules/procurement-precheck/package.json')),
    'install the packed package into target/npm/consumer first (scripts/test.sh)');
  // One after another: side by side they were no faster on two cores (unpacking is CPU-bound).
  for (const name of Object.keys(BUNDLERS)) await install(name);
  launched = await launchBrowser();
  browser = launched.context;
}, { timeout: 900_000 });

after(async () => {
  await launched?.close();
  for (const s of servers) await s.close();
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

const wasmIn = (dist) => readdirSync(dist, { recursive: true }).filter((f) => String(f).endsWith('.wasm'));

// Vite 5 and 6: default build.target ['es2020', 'chrome87', …] predates top-level await.
for (const v of ['vite5', 'vite6']) {
  const V = `Vite ${v.slice(4)}`;
  test(`${V}, default entry, one line (build.target es2022): builds, runs, checks`, T, async () => {
    const { out, wasmRequests } = await run(build(v, 'vite-es2022', 'procurement-precheck'));
    assert.equal(out, EXPECTED);
    assert.equal(wasmRequests.length, 1, 'Vite emitted and served the .wasm');
  });

  test(`${V}, procurement-precheck/inline, no config: builds, runs, checks`, T, async () => {
    const { out, wasmRequests } = await run(build(v, 'vite-plain', 'procurement-precheck/inline'));
    assert.equal(out, EXPECTED);
    assert.deepEqual(wasmRequests, []);
  });

  test(`control: ${V} with no config cannot build the default entry (the line above is needed)`, T, () => {
    assert.throws(() => build(v, 'vite-plain', 'procurement-precheck'), /Top-level await is not available/);
  });
}

// Vite 7 and 8: the default target ('baseline-widely-available': chrome107, …) has top-level await.
for (const v of ['vite7', 'vite8']) {
  test(`Vite ${v.slice(4)}, default entry, no config: builds, runs, checks`, T, async () => {
    const { out, wasmRequests } = await run(build(v, 'vite-plain', 'procurement-precheck'));
    assert.equal(out, EXPECTED);
    assert.equal(wasmRequests.length, 1, 'Vite emitted and served the .wasm');
  });
}

// webpack 5.60 (the oldest named) and 5.82: top-level await is an experiment before 5.83.
for (const v of ['webpack5.60', 'webpack5.82']) {
  const W = `webpack ${v.slice(7)}`;
  test(`${W}, default entry, one line (experiments.topLevelAwait): builds, runs, checks`, T, async () => {
    const { out, wasmRequests } = await run(build(v, 'webpack-tla', 'procurement-precheck'));
    assert.equal(out, EXPECTED);
    assert.equal(wasmRequests.length, 1, 'webpack emitted and served the .wasm');
  });

  test(`${W}, procurement-precheck/inline, no config: builds, runs, checks`, T, async () => {
    const { out, wasmRequests } = await run(build(v, 'webpack-plain', 'procurement-precheck/inline'));
    assert.equal(out, EXPECTED);
    assert.deepEqual(wasmRequests, []);
  });

  test(`control: ${W} with no config cannot build the default entry (the line above is needed)`, T, () => {
    assert.throws(() => build(v, 'webpack-plain', 'procurement-precheck'), /top-level-await experiment is not enabled/);
  });
}

test('webpack 5 (current), default entry, no config: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('webpack5', 'webpack-plain', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'webpack emitted and served the .wasm');
});

// Vue CLI 5 (@vue/cli-service 5, a Vue 3 single-file component through vue-loader 17): the
// webpack it runs decides, as above. A fresh project resolves the current webpack.
test('Vue CLI 5 (fresh, webpack current), default entry, no config: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('vuecli5', 'vuecli-plain', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'Vue CLI emitted and served the .wasm');
});

test('Vue CLI 5 over webpack 5.82, default entry, one line (configureWebpack experiments.topLevelAwait): builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('vuecli5-webpack5.82', 'vuecli-tla', 'procurement-precheck'));
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'Vue CLI emitted and served the .wasm');
});

test('control: Vue CLI 5 over webpack 5.82 with no config cannot build the default entry', T, () => {
  assert.throws(() => build('vuecli5-webpack5.82', 'vuecli-plain', 'procurement-precheck'), /top-level-await experiment is not enabled/);
});

// Rollup 4: top-level await is kept (format 'es'); the .wasm named by new URL(…, import.meta.url)
// is copied by no core plugin.
test('Rollup 4 + node-resolve, procurement-precheck/inline, no config beyond the resolver: builds, runs, checks', T, async () => {
  const { out, wasmRequests } = await run(build('rollup4', 'rollup-plain', 'procurement-precheck/inline'));
  assert.equal(out, EXPECTED);
  assert.deepEqual(wasmRequests, []);
});

test('Rollup 4 + node-resolve, default entry, one plugin (@web/rollup-plugin-import-meta-assets): builds, runs, checks', T, async () => {
  const dist = build('rollup4', 'rollup-assets', 'procurement-precheck');
  assert.equal(wasmIn(dist).length, 1, 'the plugin emitted the .wasm');
  const { out, wasmRequests } = await run(dist);
  assert.equal(out, EXPECTED);
  assert.equal(wasmRequests.length, 1, 'the page loaded the emitted .wasm');
});

test('control: Rollup 4 + node-resolve alone builds the default entry but emits no .wasm (the plugin is needed)', T, () => {
  const dist = build('rollup4', 'rollup-plain', 'procurement-precheck');
  assert.deepEqual(wasmIn(dist), []);
  assert.match(readFileSync(join(dist, 'main.js'), 'utf8'), /new URL\(['"]\.\/procurement_precheck_bg\.wasm['"], import\.meta\.url\)/,
    'the bundle still names the .wasm next to itself, which is not there');
});

// procurement-precheck/fields and /attach (issue 11 item 3) through the bundlers that need no line
// for them and through the oldest ones with their line: /fields holds its small module inside
// (no .wasm emitted or fetched, the whole package's neither); /attach splits the rest of the
// package into a chunk of its own, fetched (with its .wasm) once the options ask for checkSupplier.
const FIELDS_OUT = '市场监管 · 企业 · 北京市 | 15000.00';
const ATTACH_OUT = '市场监管 · 企业 · 北京市 | false | pass';
const pkgFile = (f) => join(consumer, 'node_modules/procurement-precheck', f);
/** Which of the package's modules a .wasm is ('fields' or 'main'), by its bytes (bundlers rename them). */
function moduleOf(bytes) {
  for (const [name, f] of [['fields', 'procurement_precheck_fields_bg.wasm'], ['main', 'procurement_precheck_bg.wasm']]) {
    if (Buffer.compare(bytes, readFileSync(pkgFile(f))) === 0) return name;
  }
  return 'neither';
}
const emitted = (dist) => wasmIn(dist).map((f) => moduleOf(readFileSync(join(dist, String(f))))).sort();
const fetched = (dist, urls) => urls.map((u) => moduleOf(readFileSync(join(dist, decodeURIComponent(new URL(u).pathname)))));
const ENTRY_APPS = [
  ['vite5', 'vite-es2022', 'Vite 5, one line (build.target es2022)'],
  ['vite8', 'vite-plain', 'Vite 8, no config'],
  ['webpack5.82', 'webpack-tla', 'webpack 5.82, one line (experiments.topLevelAwait)'],
  ['webpack5', 'webpack-plain', 'webpack 5 (current), no config'],
];
for (const [bundler, config, name] of ENTRY_APPS) {
  test(`${name}, procurement-precheck/fields: builds with no .wasm (its module inside), runs, checks`, T, async () => {
    const dist = build(bundler, config, 'procurement-precheck/fields', 'main-fields.js');
    assert.deepEqual(emitted(dist), [], 'no .wasm emitted: the fields module is inside the entry');
    const { out, wasmRequests } = await run(dist);
    assert.equal(out, FIELDS_OUT);
    assert.deepEqual(wasmRequests, [], 'the page fetched no .wasm');
  });

  test(`${name}, procurement-precheck/attach with checkSupplier: the rest's module emitted and fetched after, the verdict given`, T, async () => {
    const dist = build(bundler, config, 'procurement-precheck/attach', 'main-attach.js');
    assert.deepEqual(emitted(dist), ['main'], 'the whole API\'s module emitted; the fields module is inside the entry');
    const { out, wasmRequests } = await run(dist);
    assert.equal(out, ATTACH_OUT);
    assert.deepEqual(fetched(dist, wasmRequests), ['main'], 'the rest fetched, once checkSupplier was asked for');
  });
}

// Rollup with its resolver alone, which cannot build the default entry's .wasm (the control above):
// /fields has none to emit.
test('Rollup 4 + node-resolve alone, procurement-precheck/fields: builds, runs, checks', T, async () => {
  const dist = build('rollup4', 'rollup-plain', 'procurement-precheck/fields', 'main-fields.js');
  assert.deepEqual(emitted(dist), []);
  const { out, wasmRequests } = await run(dist);
  assert.equal(out, FIELDS_OUT);
  assert.deepEqual(wasmRequests, []);
});

// The README's bundler table gives each of the lines above; a config changed here (or a line
// changed there) without the other fails this.
test("the README's bundler table gives the very line each tested config has", () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const LINES = {
    'vite-es2022/vite.config.mjs': "build: { target: 'es2022' }",
    'webpack-tla/webpack.config.cjs': 'experiments: { topLevelAwait: true }',
    'vuecli-tla/vue.config.js': 'configureWebpack: { experiments: { topLevelAwait: true } }',
    'rollup-assets/rollup.config.mjs': 'plugins: [nodeResolve({ browser: true }), importMetaAssets()]',
  };
  for (const [file, line] of Object.entries(LINES)) {
    assert.ok(readFileSync(join(sources, file), 'utf8').replace(/\s+/g, ' ').includes(line), `${file} has ${line}`);
    assert.ok(readme.includes(`\`${line}\``), `README gives ${line}`);
  }
  // The no-config apps have nothing beyond what any such app has.
  assert.match(readFileSync(join(sources, 'vite-plain/vite.config.mjs'), 'utf8'), /^export default \{\};$/m);
  assert.match(readFileSync(join(sources, 'vuecli-plain/vue.config.js'), 'utf8'), /^module\.exports = \{\};$/m);
  assert.doesNotMatch(readFileSync(join(sources, 'webpack-plain/webpack.config.cjs'), 'utf8'), /experiments/);
  assert.doesNotMatch(readFileSync(join(sources, 'rollup-plain/rollup.config.mjs'), 'utf8'), /importMetaAssets/);
});
