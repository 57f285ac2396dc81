// tsc --strict over the CommonJS declarations (index.d.cts), as a CommonJS TypeScript project sees them.
import pp = require('procurement-precheck');

const r: pp.CheckResult<pp.UsccInfo> = pp.checkUscc('91110000600037341L');
const hits: pp.SearchHit[] = pp.Catalogue.builtin().search('ljqy');
const report: pp.ScreenReport = pp.screenPurchase({ itemCode: '0106' });
// @ts-expect-error: unit is 'yuan' | 'wan'
pp.parseAmount('1', { unit: 'jiao' });
const rules: { creditCode: pp.AsyncValidatorRule[] } = pp.toAsyncValidatorRules({ creditCode: 'uscc' });
const issues = pp.supplierSchema()['~standard'].validate({ entityType: 'enterprise', name: 'x' }).issues;
declare const form: HTMLFormElement;
const handle: pp.AttachHandle = pp.attach(form, { uscc: '#creditCode' });
// @ts-expect-error: not a field check
pp.standardSchema('iban');
void [r, hits, report, rules, issues, handle];
