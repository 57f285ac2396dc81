// Supplier qualification through the installed package: the shared scenario table
// (tests/fixtures/qualification/scenarios.json, also run in Rust by tests/qualification.rs) and
// byte-identical reports from the native CLI for every scenario.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalogue, checkSupplier, checkPackage } from 'procurement-precheck';

const scenarios = JSON.parse(readFileSync(`${process.env.FIXTURES}/qualification/scenarios.json`, 'utf8'));
const CLI = process.env.CLI;
const catalogueOf = (name) => Catalogue.builtin(name ?? 'central-2020');

function run(s) {
  try {
    return { report: checkSupplier(s.application, { ...s.opts, catalogue: catalogueOf(s.catalogue) }) };
  } catch (error) {
    return { error };
  }
}

/** What the scenario's expectation says is wrong with the outcome (empty: it holds). */
function problems(s, { report, error }) {
  const e = s.expect;
  if (e.error) {
    if (!error) return [`expected error ${e.error.code}, got verdict ${report.verdict}`];
    return error.code === e.error.code && error.path === e.error.path ? []
      : [`expected error ${e.error.code} at ${e.error.path}, got ${error.code} at ${error.path}`];
  }
  if (error) return [`unexpected error ${error.code} at ${error.path}: ${error.message}`];
  const out = [];
  if (report.verdict !== e.verdict) out.push(`verdict ${report.verdict}, expected ${e.verdict}`);
  for (const [id, status] of Object.entries(e.groups ?? {})) {
    const g = report.groups.find((x) => x.id === id);
    if (g?.status !== status) out.push(`group ${id} ${g?.status}, expected ${status}`);
  }
  for (const want of e.codes ?? []) {
    const hit = report.findings.find((f) => f.code === want.code && f.path === want.path
      && (!want.severity || f.severity === want.severity)
      && Object.entries(want.params ?? {}).every(([k, v]) => f.params[k] === String(v)));
    if (!hit) out.push(`missing ${want.code} at ${want.path} ${JSON.stringify(want.params ?? {})}`);
  }
  for (const code of e.absent ?? []) {
    if (report.findings.some((f) => f.code === code)) out.push(`unexpected ${code}`);
  }
  return out;
}

test(`the scenario table (${scenarios.length} dated cases) holds through the package`, () => {
  assert.ok(scenarios.length >= 90);
  const failures = [];
  for (const s of scenarios) {
    const p = problems(s, run(s));
    if (p.length) failures.push(`${s.name}: ${p.join('; ')}`);
  }
  assert.deepEqual(failures, []);
});

test('every report has all eight groups in order, and findings name fields, codes, bases', () => {
  // The seven of GPL Art. 22 / MOF-102, then sme_declaration (its own status; not in the verdict).
  const ids = ['entity_eligibility', 'legal_capacity', 'reputation_and_accounting', 'equipment_and_capability',
    'tax_and_social_security', 'no_major_violation', 'other_conditions', 'sme_declaration'];
  for (const s of scenarios) {
    const { report } = run(s);
    if (!report) continue;
    assert.deepEqual(report.groups.map((g) => g.id), ids, s.name);
    for (const f of report.findings) {
      assert.ok(f.path.length > 0 && f.code.includes('.') && f.message.length > 0, `${s.name}: ${JSON.stringify(f)}`);
      assert.doesNotMatch(f.message, /\{[a-zA-Z]/, 'no unfilled placeholder');
    }
  }
});

test('a failing penalty says when the applicant becomes eligible, in each locale', () => {
  const app = {
    entityType: 'enterprise', name: '示例公司', uscc: '91110000600037341L',
    registration: { status: '存续', establishedOn: '2010-05-01', termEnd: null },
    penalties: [{ kind: 'fine', decidedOn: '2024-03-15', fineAmount: '250', fineUnit: 'wan' }],
    commitments: { reputationAndAccounting: true, taxAndSocialSecurity: true, equipmentAndCapability: true },
  };
  const zh = checkSupplier(app, { asOf: '2026-03-15' });
  assert.equal(zh.verdict, 'fail');
  const f = zh.findings.find((x) => x.path === 'penalties[0].fineAmount');
  assert.equal(f.params.clearsOn, '2027-03-15');
  assert.match(f.message, /250万元/);
  assert.match(f.message, /2027年3月15日/);
  assert.ok(f.basis);
  assert.match(checkSupplier(app, { asOf: '2026-03-15', locale: 'en' }).findings
    .find((x) => x.path === 'penalties[0].fineAmount').message, /15 March 2027/);
  // The day it clears, the same record no longer counts.
  assert.equal(checkSupplier(app, { asOf: '2027-03-15' }).groups.find((g) => g.id === 'no_major_violation').status, 'pass');
});

test('bad options are structured errors naming the option; bad values are findings', () => {
  const app = { entityType: 'enterprise', name: 'x' };
  assert.throws(() => checkSupplier(app, { asOf: '2026-02-30' }), (e) => e.name === 'PrecheckError' && e.path === 'opts.asOf');
  assert.throws(() => checkSupplier(app, { policy: { majorFineThreshold: '100' } }),
    (e) => e.path === 'opts.policy.majorFineThreshold' && e.code === 'qualification.policy_threshold_retired');
  assert.throws(() => checkSupplier(app, { catalogue: 'central' }), (e) => e.path === 'opts.catalogue');
  for (const bad of [null, 42, 'x', [], { entityType: 7 }, { penalties: 'none' }]) {
    const r = checkSupplier(bad, { asOf: '2026-01-01' });
    assert.notEqual(r.verdict, 'pass', JSON.stringify(bad));
  }
  assert.equal(checkSupplier(app, { asOf: '2026-01-01' }).asOf, '2026-01-01');
});

test('the native CLI gives byte-identical reports for every scenario', { skip: !CLI && 'CLI not set' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'precheck-cli-'));
  let compared = 0;
  for (const [i, s] of scenarios.entries()) {
    const { report, error } = run(s);
    const appFile = join(dir, `app${i}.json`);
    // Always as a one-element array (an application that is itself an array would otherwise be
    // read as many): the CLI answers with a one-element array.
    writeFileSync(appFile, JSON.stringify([s.application]));
    const args = ['check', appFile, '--format', 'json', '--builtin', s.catalogue ?? 'central-2020'];
    const { asOf, itemCode, locale, policy } = s.opts;
    if (asOf) args.push('--as-of', asOf);
    if (itemCode) args.push('--item', itemCode);
    if (locale) args.push('--locale', locale);
    if (policy) {
      writeFileSync(join(dir, `policy${i}.json`), JSON.stringify(policy));
      args.push('--policy', join(dir, `policy${i}.json`));
    }
    const r = spawnSync(CLI, args, { encoding: 'utf8' });
    if (error) {
      assert.equal(r.status, 2, `${s.name}: ${r.stderr}`);
      const cliError = JSON.parse(r.stdout);
      assert.deepEqual([cliError.code, cliError.path], [error.code, error.path], s.name);
    } else {
      assert.equal(r.status, report.verdict === 'pass' ? 0 : 1, `${s.name}: ${r.stderr}`);
      assert.ok(r.stdout.trim() === `[${JSON.stringify(report)}]`, `${s.name}: CLI and package differ`);
    }
    compared++;
  }
  assert.equal(compared, scenarios.length);
  // Many at once: a JSON array in, a JSON array out; JSON lines in, JSON lines out.
  const apps = scenarios.slice(0, 5).map((s) => s.application);
  writeFileSync(join(dir, 'many.json'), JSON.stringify(apps));
  writeFileSync(join(dir, 'many.jsonl'), apps.map((a) => JSON.stringify(a)).join('\n'));
  const arr = JSON.parse(spawnSync(CLI, ['check', join(dir, 'many.json'), '--as-of', '2026-03-15', '--format', 'json'],
    { encoding: 'utf8' }).stdout);
  assert.equal(arr.length, 5);
  const lines = spawnSync(CLI, ['check', join(dir, 'many.jsonl'), '--as-of', '2026-03-15', '--format', 'json'], { encoding: 'utf8' })
    .stdout.trim().split('\n');
  assert.deepEqual(lines.map((l) => JSON.parse(l)), arr);
  assert.equal(lines[0], JSON.stringify(checkSupplier(apps[0], { asOf: '2026-03-15' })));
});

test('checkPackage: the GPL-IR Art. 18 conflicts of one package, on both reports; the CLI agrees', () => {
  const file = `${process.env.FIXTURES}/qualification/package_three.json`;
  const bids = JSON.parse(readFileSync(file, 'utf8'));
  const p = checkPackage(bids, { asOf: '2026-03-15' });
  assert.equal(p.reports.length, 3);
  assert.deepEqual(p.conflicts.map((c) => [c.code, ...c.applications]),
    [['other_conditions.same_legal_representative', 0, 1]]);
  for (const [i, other] of [[0, '乙环境服务有限公司'], [1, '甲环境服务有限公司']]) {
    const g = p.reports[i].groups.find((x) => x.id === 'other_conditions');
    assert.equal(g.status, 'fail');
    assert.ok(g.findings[0].message.includes(other), g.findings[0].message);
  }
  const sme = p.reports[2].groups.find((x) => x.id === 'sme_declaration');
  assert.equal(sme.params.computedSize, 'small');
  assert.equal(p.reports[2].verdict, 'pass');
  assert.throws(() => checkPackage({}, {}), (e) => e.name === 'PrecheckError' && e.path === 'applications');
  if (CLI) {
    const r = spawnSync(CLI, ['check', '--package', file, '--as-of', '2026-03-15', '--format', 'json'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stderr);
    assert.ok(r.stdout.trim() === JSON.stringify(p), 'CLI and package differ');
  }
});

test('what another script does to the prototypes, or a toJSON on the input, changes no report', () => {
  // The reports of every scenario that has an application, then again with an enumerable plain
  // value, an object, a field's own name and a function on Object.prototype (what old polyfills
  // leave), with Array.prototype.toJSON (old Prototype.js), and with a non-enumerable toJSON on
  // the application itself: JSON.stringify would leave the inherited keys out but call the
  // toJSONs; the module reads what the objects hold, by the fast way or the slow one.
  const cases = scenarios.filter((s) => s.application && !s.expect.error).slice(0, 20);
  assert.ok(cases.length >= 10);
  const before = cases.map((s) => JSON.stringify(run(s).report));
  // The reports made while the change stands, compared once it is undone (JSON.stringify here
  // would call a polluted toJSON too).
  const same = (why, undo) => {
    let reports;
    try {
      reports = cases.map((s) => run(s).report);
    } finally {
      undo();
    }
    for (let i = 0; i < cases.length; i++) assert.equal(JSON.stringify(reports[i]), before[i], `${cases[i].name} with ${why}`);
  };
  const polluted = [[Object.prototype, 'pollutedText', 'x'], [Object.prototype, 'pollutedObj', {}],
    [Object.prototype, 'licences', []], [Object.prototype, 'pollutedFn', () => 1],
    [Array.prototype, 'toJSON', function () { return ['polluted']; }]];
  for (const [proto, key, value] of polluted) {
    Object.defineProperty(proto, key, { value, enumerable: proto === Object.prototype, configurable: true, writable: true });
    same(key, () => delete proto[key]);
  }
  for (const s of cases) {
    Object.defineProperty(s.application, 'toJSON', { value: () => ({ entityType: 'enterprise' }), configurable: true });
  }
  same('a toJSON on the application', () => { for (const s of cases) delete s.application.toJSON; });
});
