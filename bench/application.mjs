// A realistic supplier application for the checkSupplier benchmark: about 40 filled fields,
// 10 penalties and 10 licences (RULES.md §2 shapes). `application(i)` varies dates and amounts
// with i so that no two calls see the same input. Used in Node and in the browser.
const pad = (n) => String(n).padStart(2, '0');

export function application(i = 0) {
  const day = 1 + (i % 28);
  return {
    entityType: 'enterprise',
    name: `示例环境服务有限公司${i}`,
    uscc: '91110000600037341L',
    registration: { status: '存续（在营、开业、在册）', establishedOn: `2015-06-${pad(day)}`, termEnd: null },
    financials: {
      auditedReportYear: 2025,
      totalAssets: `${1000000 + i}.00`,
      totalLiabilities: '400,000',
      ownersEquity: `${600000 + i}.00`,
    },
    taxSocialSecurity: { paidMonths: ['2025-10', '2025-11', '2025-12', '2026-01', '2026-02'] },
    credit: {
      queriedOn: `2026-03-${pad(1 + (i % 14))}`,
      judgmentDefaulter: false, majorTaxViolator: false, procurementBlacklist: false,
      abnormalOperation: false, seriousIllegalDishonest: false,
    },
    penalties: Array.from({ length: 10 }, (_, k) => ({
      kind: ['fine', 'warning', 'fine', 'confiscation', 'fine'][k % 5],
      decidedOn: `${2019 + (k % 7)}-${pad(1 + ((k + i) % 12))}-${pad(day)}`,
      fineAmount: k % 2 ? `${(k + 1) * 1000 + (i % 100)}.50` : `${k + 1}`,
      fineUnit: k % 2 ? 'yuan' : 'wan',
      issuerLevel: ['county', 'city', 'township', 'province'][k % 4],
      description: `第${k + 1}项行政处罚`,
    })),
    licences: Array.from({ length: 10 }, (_, k) => ({
      kind: k === 0 ? '城市园林绿化企业资质' : `专业资质${k}`,
      grade: ['二级', '三级', '乙级', '一级'][k % 4],
      number: `ZZ-${2020 + k}-${1000 + i}`,
      issuer: '住房城乡建设部门',
      validUntil: `${2027 + (k % 3)}-12-31`,
    })),
    equipment: [{ name: '垃圾清运车', quantity: 3 }, { name: '洒水车', quantity: 1 }],
    staff: [{ name: '张三', role: '项目负责人', qualification: '高级工程师' }],
  };
}

export const OPTIONS = { asOf: '2026-03-15', itemCode: '011101' };

// The bench loops' inputs, built before a clock starts: application(0 … n-1), taken in turn as
// apps[i & (n - 1)] (n a power of two).
export const applications = (n = 256) => Array.from({ length: n }, (_, i) => application(i));
