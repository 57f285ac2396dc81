import { attach, checkUscc, ready } from 'procurement-precheck/attach';

// The application beside what the form holds: the baseline of the scenario table (it passes as of 2026-03-15).
const BASE = {
  entityType: 'enterprise',
  registration: { status: '存续（在营、开业、在册）', establishedOn: '2015-06-01', termEnd: null },
  financials: { auditedReportYear: 2025, totalAssets: '1,000,000.00', totalLiabilities: '400000', ownersEquity: '600000.00' },
  taxSocialSecurity: { paidMonths: ['2026-02'] },
  credit: { queriedOn: '2026-03-10', majorTaxViolator: false, procurementBlacklist: false },
  penalties: [],
  equipment: [{ name: '垃圾清运车', quantity: 3 }],
};

const withApplication = new URLSearchParams(location.search).has('application');
const form = document.querySelector('#f');
const reports = [];
form.addEventListener('precheck:report', (e) => {
  const d = e.detail;
  reports.push({ blocked: d.blocked, valid: d.valid, pending: d.pending ?? false, verdict: d.supplier?.verdict ?? null,
    codes: d.findings.map((f) => f.code) });
});
form.addEventListener('submit', (e) => { // the portal's own handler: counts what it was given
  e.preventDefault();
  document.body.dataset.submitted = String(Number(document.body.dataset.submitted ?? 0) + 1);
  document.body.dataset.submitter = e.submitter?.textContent ?? '';
});
const handle = attach(form, {
  name: '[name=mc]', uscc: '[name=dm]', mobile: '[name=sj]', 'credit.judgmentDefaulter': '[name=sx]',
}, withApplication ? {
  debounce: 0, summary: '#jg', application: (f, fromForm) => ({ ...BASE, ...fromForm, credit: { ...BASE.credit, ...fromForm.credit } }),
  checkSupplier: { asOf: '2026-03-15' },
} : { debounce: 0, summary: '#jg' });

let completed = 'waiting';
handle.complete.then((v) => { completed = String(v); }, (e) => { completed = `rejected:${e.code}`; });
globalThis.t = { handle, reports, completed: () => completed, checkUscc, ready };
document.body.dataset.ready = '1';
