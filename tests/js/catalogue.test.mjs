// The catalogue API through the installed package (see package.test.mjs for how it is installed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalogue, screenPurchase } from 'procurement-precheck';

const central = Catalogue.builtin();
const county = Catalogue.builtin('county-example-2023');
const codes = (hits) => hits.map((h) => h.item.code);

test('embedded catalogues: names, sizes, versions, tree', () => {
  assert.deepEqual(Catalogue.builtinNames(), ['central-2020', 'county-example-2023', 'pinmu-2022-services']);
  assert.equal(central.version, Catalogue.builtin('central-2020').version);
  // 2 classes and 30 sub-classes in the central 2020 catalogue.
  assert.equal(central.children().length, 2);
  assert.equal(central.children().reduce((n, c) => n + central.children(c.code).length, 0), 30);
  assert.equal(Catalogue.builtin('pinmu-2022-services').size, 620);
  assert.ok(county.size > central.size);
  assert.match(county.issuer, /示例/);
  assert.throws(() => Catalogue.builtin('nowhere'), (e) => e.name === 'PrecheckError' && e.code.length > 0);
});

test('get, children, path; unknown codes give null and empty lists', () => {
  const item = county.get('01060101');
  assert.equal(item.name, '镇、村垃圾清运');
  assert.deepEqual(county.path('01060101').map((i) => i.code), ['01', '0106', '010601', '01060101']);
  assert.deepEqual(county.children('010601').map((i) => i.code), ['01060101', '01060102']);
  assert.equal(county.get('99'), null);
  assert.equal(county.get(42), null);
  assert.deepEqual(county.path('99'), []);
  assert.deepEqual(county.children('99'), []);
});

test('search modes: code, name, alias, traditional, full-width, initials, full pinyin', () => {
  const hit = (q) => county.search(q)[0];
  assert.deepEqual([hit('01060101').matched, hit('01060101').how], ['code', 'exact']);
  assert.equal(hit('010601').item.code, '010601');
  assert.equal(hit('垃圾清运').item.code, '01060101');
  assert.equal(hit('垃圾清運').item.code, '01060101', 'traditional input');
  assert.equal(hit('ｌｊｑｙ').item.code, '01060101', 'full-width input');
  assert.deepEqual([hit('ljqy').item.code, hit('ljqy').how], ['01060101', 'initials']);
  assert.deepEqual([hit('lajiqingyun').item.code, hit('lajiqingyun').how], ['01060101', 'full']);
  assert.deepEqual(hit('垃圾清运').path.map((p) => p.name).slice(-1), ['镇、村垃圾清运']);
  assert.deepEqual(county.search('zzzzqqqq'), []);
  assert.deepEqual(county.search(''), []);
});

test('polyphones do not over-match: 会计 is kuaiji, never huiji', () => {
  const cat = Catalogue.fromJson({
    version: 't', issuer: 'test',
    items: [
      { code: '01', name: '会计服务', level: 1 },
      { code: '02', name: '会议服务', level: 1 },
      { code: '03', name: '银行业务', level: 1 },
    ],
  });
  assert.deepEqual(codes(cat.search('kuaiji')), ['01']);
  assert.deepEqual(codes(cat.search('huiji')), []);
  assert.deepEqual(codes(cat.search('huiyi')), ['02']);
  assert.deepEqual(codes(cat.search('yinhang')), ['03']);
  assert.deepEqual(codes(cat.search('yinxing')), []);
});

test('ranking and limit: exact code first, then names; limit honoured', () => {
  const hits = county.search('01');
  assert.equal(hits[0].item.code, '01');
  assert.equal(hits[0].how, 'exact');
  assert.equal(county.search('01', { limit: 3 }).length, 3);
  assert.throws(() => county.search('01', { limit: 'x' }), (e) => e.path === 'opts.limit');
});

test('search options { limit } alone (read as one number) give what the same options read as any other give', () => {
  // A null-prototype object with the same key takes the general reading of options (js/plain.js
  // searchLimit answers -1 for it); a second key does too. Each pair must agree.
  const general = (o) => Object.assign(Object.create(null), o);
  const pinmu = Catalogue.builtin('pinmu-2022-services');
  const outcome = (f) => { try { return f(); } catch (e) { return `${e.name} ${e.code} ${e.path} ${e.message}`; } };
  for (const limit of [1, 2, 3, 19, 20, 21, 50, 51, 1000, 2 ** 53 - 1, 2 ** 53 + 2, 1.5, 0.5, 0, -1, -0, NaN, Infinity, '3', null]) {
    for (const [cat, q] of [[county, '01'], [county, 'ljqy'], [pinmu, 'C'], [central, '服务']]) {
      const fast = outcome(() => cat.search(q, { limit }));
      assert.deepEqual(fast, outcome(() => cat.search(q, general({ limit }))), `limit ${limit}, ${q}`);
      assert.deepEqual(fast, outcome(() => cat.search(q, { limit, locale: 'zh-CN' })), `limit ${limit}, ${q}, with locale`);
    }
  }
  assert.equal(pinmu.search('C', { limit: 2 }).length, 2); // the pairs above are not all empty
  assert.ok(pinmu.search('C', { limit: 1000 }).length > 20);
});

test('fromJson lists every problem and loads nothing; the module keeps working', () => {
  const bad = {
    version: '1', issuer: 'x',
    items: [
      { code: '01', name: '', level: 1 },
      { code: '01', name: '重复', level: 1 },
      { code: '0101', name: '孤儿', parent: '09' },
      { code: '0102', name: '日期', parent: '01', validFrom: '2023-02-29' },
      { code: '0103', name: '品目', parent: '01', pinmu: ['X1'] },
    ],
  };
  let err;
  assert.throws(() => Catalogue.fromJson(bad), (e) => (err = e, e.name === 'PrecheckError'));
  const found = err.findings.map((f) => `${f.path} ${f.code}`);
  for (const want of ['items[0].name', 'items[1].code', 'items[2].parent', 'items[3].validFrom', 'items[4].pinmu[0]']) {
    assert.ok(found.some((f) => f.startsWith(want + ' ')), `${want} in ${found.join('; ')}`);
  }
  assert.ok(err.findings.every((f) => f.severity === 'error' && f.message.length > 0));
  // Syntax errors in JSON text are structured errors too.
  assert.throws(() => Catalogue.fromJson('{"version": '), (e) => e.name === 'PrecheckError');
  assert.throws(() => Catalogue.fromJson(null), (e) => e.name === 'PrecheckError');
  assert.equal(central.search('法律')[0].matched, 'name');
});

test('overlay adds, renames, withdraws and requires; base unchanged; origins recorded', () => {
  const base = Catalogue.fromJson(central.toJson());
  assert.equal(base.size, central.size);
  const over = base.overlay({
    version: 'o1', issuer: '测试县',
    add: [{ code: '010699', name: '河道保洁', parent: '0106' }],
    rename: [{ code: '0106', name: '改名后的类' }],
    withdraw: [{ code: '0209' }],
    require: [{ code: '010699', requirements: [{ kind: '保洁资质', minGrade: '三级' }] }],
  });
  assert.equal(over.get('010699').level, 3);
  assert.deepEqual(over.get('010699').requirements, [{ kind: '保洁资质', minGrade: '三级' }]);
  assert.equal(over.get('0106').name, '改名后的类');
  assert.ok(over.get('0106').origin.some((o) => o.change === 'renamed' && o.issuer === '测试县'));
  assert.equal(over.get('0209'), null);
  assert.equal(base.get('0209').code, '0209');
  assert.equal(base.get('010699'), null);
  assert.throws(() => base.overlay({ version: 'o', issuer: 'x', withdraw: [{ code: '77' }] }),
    (e) => e.findings.some((f) => f.path === 'withdraw[0].code'));
  // The county example: withdrawn 0209, grade requirement on 011101.
  assert.equal(county.get('0209'), null);
  assert.deepEqual(county.get('011101').requirements.map((r) => r.minGrade), ['三级']);
  // toJson round-trips.
  assert.equal(Catalogue.fromJson(county.toJson()).size, county.size);
});

test('screenPurchase: default catalogue, a passed catalogue, Art. 10 warnings, term rules', () => {
  const good = { itemCode: '01060101', budget: { amount: '50万', secured: true }, contractTerm: { months: 12 } };
  assert.equal(screenPurchase(good, { catalogue: county, asOf: '2026-06-01' }).ok, true);
  // The central catalogue has no 01060101.
  const r = screenPurchase(good, { asOf: '2026-06-01' });
  assert.equal(r.ok, false);
  assert.equal(r.findings[0].path, 'itemCode');
  const long = screenPurchase({ ...good, contractTerm: { months: 36 } }, { catalogue: county, asOf: '2026-06-01' });
  assert.ok(long.findings.some((f) => f.code === 'screen.term_over_one_year'));
  const ok3 = screenPurchase({ ...good, stable: true, contractTerm: { months: 36 } }, { catalogue: county, asOf: '2026-06-01' });
  assert.equal(ok3.ok, true, JSON.stringify(ok3.findings));
  const words = screenPurchase({ ...good, description: '含劳务派遣人员' }, { catalogue: county, asOf: '2026-06-01' });
  const w = words.findings.find((f) => f.code === 'screen.article10_term');
  assert.equal(w.severity, 'warning');
  assert.match(w.message, /劳务派遣/);
  assert.throws(() => screenPurchase(good, { catalogue: 'county' }), (e) => e.path === 'opts.catalogue');
  assert.equal(screenPurchase(null).ok, false);
});
