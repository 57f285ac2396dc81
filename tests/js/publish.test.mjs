// `npm publish --dry-run` on pkg/ (the folder scripts/build.sh assembles and scripts/test.sh
// packs) is clean: no warning or error from npm — none of its "auto-corrected some errors in your
// package.json" (bin, repository, …), no missing bin file — and the tarball holds exactly the
// manifest's `files`, with every `exports` / `main` / `module` / `types` target among them.
//
// No network and no login: the registry is a closed loopback port, `--offline` keeps npm from
// asking it whether the version exists, and a dummy token for that port stands in for the login
// (without one npm warns that publishing needs it). A control shows a defective manifest does
// make npm warn, so the check can fail.
//
// scripts/test.sh runs this from the throwaway project with FIXTURES=<repo>/tests/fixtures; pkg/
// is found beside it (or set PKG).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const fixturesDir = process.env.FIXTURES;
assert.ok(fixturesDir || process.env.PKG, 'FIXTURES (or PKG) must be set');
const pkgDir = process.env.PKG ?? resolve(fixturesDir, '../../pkg');
const REGISTRY = 'http://127.0.0.1:9/';

/** `npm publish --dry-run` in `dir`: exit status, npm's warn/error lines, and its --json report. */
function dryRun(dir) {
  const r = spawnSync('npm', ['publish', '--dry-run', '--json', '--offline', '--registry', REGISTRY,
    '--//127.0.0.1:9/:_authToken=dry-run-no-login'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  assert.equal(r.error, undefined, String(r.error));
  const complaints = r.stderr.split('\n').filter((l) => /^npm (warn|error|ERR)/i.test(l));
  let report = null;
  try { report = JSON.parse(r.stdout); } catch { /* asserted by the caller */ }
  return { status: r.status, complaints, report, stderr: r.stderr };
}

test('npm publish --dry-run on pkg/ prints no warning, and packs exactly the files the manifest lists', () => {
  const manifest = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  const { status, complaints, report, stderr } = dryRun(pkgDir);
  assert.equal(status, 0, stderr);
  assert.deepEqual(complaints, [], 'npm warned about the package');
  assert.ok(report, 'npm printed its --json report');
  const packed = report[manifest.name] ?? report;
  assert.equal(packed.name, manifest.name);
  assert.equal(packed.version, manifest.version);
  const files = packed.files.map((f) => f.path).sort();
  // A `files` entry ending in "/" is a folder (wasm-bindgen's snippets/): its files, at least one.
  const folders = manifest.files.filter((f) => f.endsWith('/'));
  for (const d of folders) assert.ok(files.some((f) => f.startsWith(d)), `${d} holds files in the tarball`);
  assert.deepEqual(files.filter((f) => !folders.some((d) => f.startsWith(d))),
    [...new Set([...manifest.files.filter((f) => !f.endsWith('/')), 'package.json'])].sort(),
    'the tarball is the manifest files and package.json, nothing else');

  const targets = [manifest.main, manifest.module, manifest.types];
  const walk = (v) => {
    if (typeof v === 'string') targets.push(v);
    else for (const x of Object.values(v)) walk(x);
  };
  walk(manifest.exports);
  for (const t of targets) {
    assert.match(t, /^\.\//, `${t}: a target is relative to the package`);
    assert.ok(files.includes(t.slice(2)), `${t} is in the tarball`);
  }
  for (const field of ['repository', 'homepage', 'bugs']) {
    if (manifest[field] === undefined) continue; // left out until there is a real one (issue 15)
    assert.doesNotMatch(JSON.stringify(manifest[field]), /example\.|placeholder|your-?(org|name|user)|TODO/i,
      `${field} is a real address, not a placeholder`);
  }
  assert.equal(manifest.private, undefined, 'publishable');
});

test('control: a manifest npm would auto-correct on publish makes the same check fail', () => {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-publish-'));
  try {
    writeFileSync(join(dir, 'package.json'), JSON.stringify({
      name: 'precheck-publish-control', version: '1.0.0', main: './index.js', files: ['index.js'],
      bin: { 'bad name': './index.js', missing: './missing.js' }, repository: 'owner/placeholder',
    }));
    writeFileSync(join(dir, 'index.js'), 'export {};\n');
    const { status, complaints } = dryRun(dir);
    assert.equal(status, 0, 'npm still "publishes"; only its warnings tell');
    assert.ok(complaints.some((l) => /auto-corrected some errors in your package\.json/.test(l)), complaints.join('\n'));
    assert.ok(complaints.some((l) => /"repository"/.test(l)), complaints.join('\n'));
    assert.ok(complaints.some((l) => /No bin file found/.test(l)), complaints.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
