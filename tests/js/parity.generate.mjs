// A deterministic generator of varied supplier applications (passing, failing, incomplete,
// consortia, wrong types) and catalogue queries, for the native/wasm parity test.
const ENTITY_TYPES = ['enterprise', 'individual_business', 'farmers_cooperative', 'social_organization',
  'public_institution', 'state_organ', 'rural_collective', 'self_governing', 'legal_service', 'natural_person', 'other'];
const USCC = ['91110000600037341L', '91350100M000100Y43', '12100000400000770T', '52100000500021349U',
  '91110000600037341N', '9111000060003IOZSV', 'Y1440300MA5DPDHL1B', '92440300L1234567XY', ''];
const PENALTY_KINDS = ['criminal', 'suspension', 'closure', 'revocation', 'fine', 'procurement_ban', 'qualification_downgrade',
  'business_restriction', 'practice_restriction', 'licence_suspension', 'warning', 'public_criticism', 'confiscation', 'other',
  'parking'];
const LEVELS = ['township', 'county', 'city', 'province', 'national', undefined];
const GRADES = ['一级', '二级', '三级', '四级', '甲级', '乙级', '丙级', '优秀', undefined];

/** mulberry32: a small seeded PRNG, so every run generates the same inputs. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generator(seed = 2026) {
  const rnd = prng(seed);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const chance = (p) => rnd() < p;
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pad = (n) => String(n).padStart(2, '0');
  const date = (y0, y1) => {
    const y = int(y0, y1);
    const m = int(1, 12);
    const d = m === 2 ? int(1, y % 4 === 0 ? 29 : 28) : int(1, 30);
    return pick([`${y}-${pad(m)}-${pad(d)}`, `${y}/${m}/${d}`, `${y}年${m}月${d}日`]);
  };
  const money = () => pick([`${int(0, 5_000_000)}`, `${int(0, 400)}.${pad(int(0, 99))}`, `${int(1, 9)},${int(100, 999)},${int(100, 999)}.5`,
    int(0, 3_000_000), '-5', 'abc', `${int(1, 500)}万`, '2000000', '1999999.99']);

  // A supplier that passes where commitments are allowed and no licence is required.
  const clean = () => ({
    entityType: pick(['enterprise', 'farmers_cooperative', 'individual_business']),
    name: `合规供应商${int(1, 9999)}`,
    uscc: '91110000600037341L',
    registration: { status: '存续', establishedOn: date(2000, 2020), termEnd: null },
    penalties: chance(0.5) ? [] : [{ kind: 'warning', decidedOn: date(2024, 2025) }],
    commitments: { reputationAndAccounting: true, taxAndSocialSecurity: true, noMajorViolation: true, equipmentAndCapability: true },
  });

  function application(depth = 0) {
    if (depth === 0 && chance(0.3)) return clean();
    const entityType = chance(0.97) ? pick(ENTITY_TYPES) : pick([3, 'company', null]);
    const app = { entityType, name: chance(0.95) ? `供应商${int(1, 9999)}` : pick(['', 7, null]) };
    if (entityType === 'natural_person') app.idNumber = pick(['11010519491231002X', '110105194912310021', '11010520200101001X', 'x']);
    else if (chance(0.9)) app.uscc = pick(USCC);
    if (entityType === 'public_institution') app.institutionClass = pick(['public_welfare_1', 'public_welfare_2', 'business', 'x']);
    if (entityType === 'social_organization' && chance(0.5)) app.fiscallyFundedMassOrganization = chance(0.3);
    if (chance(0.9)) {
      app.registration = { status: pick(['存续', '在业', '吊销', '注销', '存续（在营、开业、在册）']), establishedOn: date(1990, 2026) };
      if (chance(0.6)) app.registration.termEnd = chance(0.5) ? null : date(2020, 2060);
    }
    if (chance(0.7)) {
      const assets = int(100_000, 10_000_000);
      const liabilities = int(0, assets);
      app.financials = chance(0.8)
        ? { auditedReportYear: pick([2024, 2025, '2025', 2019]), totalAssets: `${assets}.00`, totalLiabilities: liabilities,
          ownersEquity: chance(0.9) ? `${assets - liabilities}` : `${assets - liabilities + 0.01}` }
        : { bankCreditLetter: chance(0.5) ? chance(0.7) : { issuedOn: date(2025, 2026) }, guaranteeLetter: chance(0.2),
          unauditedReport: chance(0.2) };
    }
    if (chance(0.7)) {
      app.taxSocialSecurity = { paidMonths: Array.from({ length: int(0, 4) }, () => `${int(2024, 2026)}-${pad(int(1, 13))}`) };
      if (chance(0.1)) app.taxSocialSecurity.exemption = { reason: '新设立' };
      if (chance(0.1)) app.taxSocialSecurity.abnormalTaxpayer = true;
    }
    if (chance(0.7)) {
      app.credit = { queriedOn: date(2025, 2026), judgmentDefaulter: chance(0.05), majorTaxViolator: chance(0.05),
        procurementBlacklist: chance(0.05), abnormalOperation: chance(0.1), seriousIllegalDishonest: chance(0.03) };
    }
    if (chance(0.8)) {
      app.penalties = Array.from({ length: int(0, 4) }, () => {
        const p = { kind: pick(PENALTY_KINDS), decidedOn: date(2018, 2027) };
        if (p.kind === 'fine' || chance(0.2)) { p.fineAmount = money(); p.fineUnit = pick(['yuan', 'wan', undefined]); }
        const level = pick(LEVELS);
        if (level) p.issuerLevel = level;
        if (chance(0.2)) p.sector = pick(['生态环境', '市场监管']);
        if (p.kind === 'procurement_ban' || p.kind === 'suspension') p.banUntil = date(2024, 2028);
        return chance(0.03) ? null : p;
      });
    }
    if (chance(0.6)) {
      app.licences = Array.from({ length: int(0, 3) }, () => ({
        kind: pick(['城市园林绿化企业资质', '公路养护作业单位资质', '医疗机构执业许可证', '其他资质']),
        grade: pick(GRADES), validUntil: pick([date(2024, 2030), undefined]), issuer: pick(['卫生健康主管部门', undefined]),
      }));
    }
    if (chance(0.4)) app.equipment = [{ name: '车辆', quantity: int(0, 5) }];
    if (chance(0.4)) {
      app.commitments = { reputationAndAccounting: chance(0.7), taxAndSocialSecurity: chance(0.7),
        noMajorViolation: chance(0.7), equipmentAndCapability: chance(0.7) };
    }
    if (chance(0.05)) app[pick(['unknownField', '__proto__', 'remarks'])] = 'x';
    if (depth === 0 && chance(0.12)) {
      return { name: `联合体${int(1, 99)}`, members: Array.from({ length: int(1, 3) }, () => application(1)) };
    }
    return app;
  }

  const OPTIONS = [
    { asOf: '2026-03-15' },
    { asOf: '2024-02-29', itemCode: '011101' },
    { asOf: '2027-01-01', itemCode: '011301', locale: 'en' },
    { asOf: '2026-06-30', locale: 'zh-TW', policy: { sectorFineThresholds: { 生态环境: '3000000' }, allowCommitments: false,
      seriousIllegalDishonestSeverity: 'error', auditedReportDueDate: '05-31', bankLetterMaxAgeMonths: 3 } },
  ];
  const QUERIES = ['01', '0106', '010601', 'ljqy', 'lajiqingyun', '垃圾', '垃圾清運', 'ＬＪＱＹ', '法律', 'flgw', 'yh', 'kuaiji',
    'C13', 'C1305', '物业', 'wygl', '养护', 'yanghu', '服务', 'fw', 'x', '', ' ', '医学', 'jianyan', '雪亮', 'xueliang', '培训'];
  return {
    applications: (n) => Array.from({ length: n }, () => application()),
    options: OPTIONS,
    queries: QUERIES,
  };
}
