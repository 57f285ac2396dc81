// The SME size standard at its edges and the same-package conflicts, through the installed
// package and the native CLI: the shared tables tests/fixtures/qualification/sme_edges.json and
// package_conflicts.json (written from the standard's text by sme_edges.py; also run in Rust by
// crates/precheck/tests/sme.rs). The CLI's reports must be the package's, byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkSupplier, checkPackage } from 'procurement-precheck';

const FIXTURES = `${process.env.FIXTURES}/qualification`;
const CLI = process.env.CLI;
const edges = JSON.parse(readFileSync(`${FIXTURES}/sme_edges.json`, 'utf8'));
const packages = JSON.parse(readFileSync(`${FIXTURES}/package_conflicts.json`, 'utf8'));

const appOf = (row) => ({ ...edges.base, sme: row.sme, ...(row.entityType ? { entityType: row.entityType } : {}) });
const smeGroup = (report) => report.groups.find((g) => g.id === 'sme_declaration');

test(`the SME edge table (${edges.rows.length} rows) holds through the package`, () => {
  assert.ok(edges.rows.length >= 300);
  const failures = [];
  for (const row of edges.rows) {
    const g = smeGroup(checkSupplier(appOf(row), edges.opts));
    const e = row.expect;
    if (g.status !== e.status) failures.push(`${row.name}: status ${g.status}`);
    if ('computedSize' in e && g.params?.computedSize !== e.computedSize) {
      failures.push(`${row.name}: computed ${g.params?.computedSize}`);
    }
    for (const want of e.codes) {
      if (!g.findings.some((f) => f.code === want.code && f.path === want.path)) {
        failures.push(`${row.name}: missing ${want.code} at ${want.path}`);
      }
    }
    for (const f of g.findings) assert.doesNotMatch(f.message, /\{[a-zA-Z]/, `${row.name}: unfilled placeholder`);
  }
  assert.deepEqual(failures, []);
});

test('the CLI gives the package\'s reports for every SME edge, byte for byte (JSON lines)', { skip: !CLI && 'CLI not set' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-sme-'));
  const apps = edges.rows.map(appOf);
  const file = join(dir, 'sme_edges.jsonl');
  writeFileSync(file, apps.map((a) => JSON.stringify(a)).join('\n') + '\n');
  const r = spawnSync(CLI, ['check', file, '--as-of', edges.opts.asOf, '--format', 'json'],
    { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.equal(lines.length, apps.length);
  const differ = apps.map((a, i) => [i, JSON.stringify(checkSupplier(a, edges.opts))])
    .filter(([i, want]) => lines[i] !== want)
    .map(([i]) => edges.rows[i].name);
  assert.deepEqual(differ, []);
  // The exit status is the verdicts': 1 when any application does not pass.
  const verdicts = apps.map((a) => checkSupplier(a, edges.opts).verdict);
  assert.equal(r.status, verdicts.every((v) => v === 'pass') ? 0 : 1);
});

test(`same-package conflicts (${packages.packages.length} packages) through the package and check --package`, () => {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-pkg-'));
  for (const [i, p] of packages.packages.entries()) {
    const out = checkPackage(p.applications, packages.opts);
    assert.equal(out.reports.length, p.applications.length, p.name);
    assert.deepEqual(out.conflicts.map((c) => [c.code, ...c.applications, ...c.paths]), p.conflicts, p.name);
    // Each conflict is an error of other_conditions on both reports, at its path, naming the other.
    for (const c of out.conflicts) {
      for (const k of [0, 1]) {
        const report = out.reports[c.applications[k]];
        const g = report.groups.find((x) => x.id === 'other_conditions');
        assert.equal(g.status, 'fail', p.name);
        assert.equal(report.verdict, 'fail', p.name);
        const f = g.findings.find((x) => x.code === c.code && x.path === c.paths[k]);
        assert.ok(f, `${p.name}: no ${c.code} at ${c.paths[k]}`);
        assert.equal(f.severity, 'error');
        assert.equal(f.params.other, String(c.applications[1 - k] + 1));
        assert.ok(f.message.includes(c.names[1 - k]), `${p.name}: ${f.message}`);
      }
    }
    // Without a conflict, a report is the checkSupplier report.
    const involved = new Set(out.conflicts.flatMap((c) => c.applications));
    for (const [j, a] of p.applications.entries()) {
      if (!involved.has(j)) assert.deepEqual(out.reports[j], checkSupplier(a, packages.opts), `${p.name}: ${j}`);
    }
    if (CLI) {
      const file = join(dir, `package${i}.json`);
      writeFileSync(file, JSON.stringify(p.applications));
      const r = spawnSync(CLI, ['check', '--package', file, '--as-of', packages.opts.asOf, '--format', 'json'],
        { encoding: 'utf8' });
      assert.equal(r.status, out.reports.every((x) => x.verdict === 'pass') ? 0 : 1, `${p.name}: ${r.stderr}`);
      assert.ok(r.stdout.trim() === JSON.stringify(out), `${p.name}: CLI and package differ`);
    }
  }
});
