// The app of the procurement-precheck/attach bundler tests (copied in as src/main.js): the form is
// checked by the fields module from the start; the options ask for checkSupplier, so the rest of
// the package (a chunk the bundler split off, and its .wasm) follows; once it is there the form is
// submitted and the report's verdict shown.
import { attach, checkUscc } from 'procurement-precheck/attach';

// The baseline of the scenario table (it passes as of 2026-03-15), the USCC from the form.
const BASE = {
  entityType: 'enterprise',
  name: '示例环境服务有限公司',
  registration: { status: '存续（在营、开业、在册）', establishedOn: '2015-06-01', termEnd: null },
  financials: { auditedReportYear: 2025, totalAssets: '1,000,000.00', totalLiabilities: '400000', ownersEquity: '600000.00' },
  taxSocialSecurity: { paidMonths: ['2026-02'] },
  credit: { queriedOn: '2026-03-10', judgmentDefaulter: false, majorTaxViolator: false, procurementBlacklist: false },
  penalties: [],
  equipment: [{ name: '垃圾清运车', quantity: 3 }],
};

const form = document.querySelector('#f');
const done = (text) => {
  document.querySelector('#out').textContent = text;
  document.body.dataset.ready = '1';
};
const first = checkUscc(document.querySelector('#uscc').value).info.summary;
form.addEventListener('submit', (e) => e.preventDefault()); // the portal's own handler
form.addEventListener('precheck:report', ({ detail: d }) => done(`${first} | ${d.blocked} | ${d.supplier?.verdict}`
  + (d.blocked ? ` (${d.findings.map((f) => `${f.code} at ${f.path}`)})` : '')));
const handle = attach(form, { uscc: '#uscc' }, {
  debounce: 0,
  application: (f, fromForm) => ({ ...BASE, ...fromForm }),
  checkSupplier: { asOf: '2026-03-15' },
});
handle.complete.then((loaded) => (loaded ? form.requestSubmit() : done('checkSupplier not loaded')),
  (e) => done(`rejected: ${e.code}`));
