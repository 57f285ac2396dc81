// Native CLI and npm package give byte-identical JSON for the same input (CLI = path of the
// native binary, set by scripts/test.sh).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as pp from 'procurement-precheck';

const cli = process.env.CLI;

const cases = [
  ['uscc', '91110000600037341L', {}, (v, o) => pp.checkUscc(v, o)],
  ['uscc', '91110000600037341N', { locale: 'en' }, (v, o) => pp.checkUscc(v, o)],
  ['uscc', ' ９１１１００００６０００３７３４１ｌ', { locale: 'zh-TW' }, (v, o) => pp.checkUscc(v, o)],
  ['uscc', '362322198709086409', {}, (v, o) => pp.checkUscc(v, o)],
  ['uscc', '12345', {}, (v, o) => pp.checkUscc(v, o)],
  ['id', '11010519491231002x', { today: '2026-11-21' }, (v, o) => pp.checkIdNumber(v, o)],
  ['id', '110105491231002', { today: '2026-11-21' }, (v, o) => pp.checkIdNumber(v, o)],
  ['id', '110105202611220011', { today: '2026-11-21' }, (v, o) => pp.checkIdNumber(v, o)],
  ['org-code', '55323005x', {}, (v, o) => pp.checkOrgCode(v, o)],
  ['regno15', '110108000000017', {}, (v, o) => pp.checkRegNo15(v, o)],
  ['amount', '１２３.４５６７万元', {}, (v, o) => pp.parseAmount(v, o)],
  ['amount', '12.345', { locale: 'en' }, (v, o) => pp.parseAmount(v, o)],
  ['amount', '250', { unit: 'wan' }, (v, o) => pp.parseAmount(v, o)],
  ['date', '2024年2月29日', {}, (v, o) => pp.parseDate(v, o)],
  ['date', '2023-02-29', {}, (v, o) => pp.parseDate(v, o)],
  ['mobile', '+86 138 1234 5678', {}, (v, o) => pp.checkMobile(v, o)],
  ['mobile', '(0755)1234567', { allowLandline: true }, (v, o) => pp.checkMobile(v, o)],
];

const flags = (o) =>
  Object.entries(o).flatMap(([k, v]) => (k === 'allowLandline' ? ['--allow-landline'] : [`--${k}`, String(v)]));

test('native CLI and package agree byte for byte', { skip: !cli && 'CLI not set' }, () => {
  for (const [kind, value, opts, call] of cases) {
    let out;
    try {
      out = execFileSync(cli, ['field', kind, value, ...flags(opts), '--format', 'json'], { encoding: 'utf8' });
    } catch (e) {
      out = e.stdout; // exit code 1 = the value fails; the JSON is still printed
    }
    assert.equal(out.trim(), JSON.stringify(call(value, opts)), `${kind} ${value}`);
  }
  const upper = execFileSync(cli, ['field', 'to-uppercase', '107000.53'], { encoding: 'utf8' }).trim();
  assert.equal(upper, pp.amountToUppercase('107000.53'));
  let out;
  try {
    execFileSync(cli, ['field', 'uppercase', '壹仟肆佰零玖元伍角', '--amount', '1409.05', '--format', 'json'], { encoding: 'utf8' });
  } catch (e) {
    out = e.stdout;
    assert.equal(e.status, 1);
  }
  assert.equal(out.trim(), JSON.stringify(pp.checkUppercaseAmount('壹仟肆佰零玖元伍角', '1409.05')));
});

test('parity at scale: 600 generated applications under 4 option sets, and catalogue queries', { skip: !cli && 'CLI not set' }, async () => {
  const { generator } = await import('./parity.generate.mjs');
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const gen = generator(2026);
  const apps = gen.applications(600);
  const dir = mkdtempSync(join(tmpdir(), 'precheck-parity-'));
  const county = pp.Catalogue.builtin('county-example-2023');
  let compared = 0;
  const verdicts = {};
  for (const [i, opts] of gen.options.entries()) {
    // Each application under one option set (150 each), as JSON lines through the CLI.
    const mine = apps.filter((_, k) => k % gen.options.length === i);
    const file = join(dir, `apps${i}.jsonl`);
    writeFileSync(file, mine.map((a) => JSON.stringify(a)).join('\n'));
    const args = ['check', file, '--format', 'json', '--builtin', 'county-example-2023', '--as-of', opts.asOf];
    if (opts.itemCode) args.push('--item', opts.itemCode);
    if (opts.locale) args.push('--locale', opts.locale);
    if (opts.policy) { writeFileSync(join(dir, `policy${i}.json`), JSON.stringify(opts.policy)); args.push('--policy', join(dir, `policy${i}.json`)); }
    const r = spawnSync(cli, args, { encoding: 'utf8', maxBuffer: 1 << 28 });
    assert.notEqual(r.status, 2, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, mine.length);
    for (const [k, app] of mine.entries()) {
      const wasm = JSON.stringify(pp.checkSupplier(app, { ...opts, catalogue: county }));
      assert.ok(lines[k] === wasm, `application ${k} of option set ${i} differs:\n${JSON.stringify(app)}`);
      const { verdict } = JSON.parse(wasm);
      verdicts[verdict] = (verdicts[verdict] ?? 0) + 1;
      compared++;
    }
  }
  assert.equal(compared, 600);
  // The generator covers every verdict, and consortia.
  assert.ok(verdicts.pass > 10 && verdicts.fail > 50 && verdicts.incomplete > 50, JSON.stringify(verdicts));
  assert.ok(apps.filter((a) => a && Array.isArray(a.members)).length > 30);
  // Catalogue queries over two embedded catalogues.
  for (const name of ['county-example-2023', 'pinmu-2022-services']) {
    const cat = pp.Catalogue.builtin(name);
    for (const q of gen.queries) {
      const r = spawnSync(cli, ['catalogue', 'search', q, '--builtin', name, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(r.stdout.trim(), JSON.stringify(cat.search(q)), `search ${q} in ${name}`);
      compared++;
    }
  }
  assert.ok(compared >= 650);
});
