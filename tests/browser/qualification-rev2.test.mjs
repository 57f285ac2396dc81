// The rev. 2 fields of the qualification form (www/index.html): a branch and its head office,
// the two payment duties, financial evidence other than the audited report, the newer penalty
// kinds and a penalty's sector, a licence valid 长期, 行政类 institutions, mass organisations and
// 16–17-year-olds living on their own income. Each is filled in as a user would and its finding
// is expected on the input it is about. Same harness as qualification.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, foreignRequests, waitForText } from './harness.mjs';

const h = usePage('index.html');

/** The form control (or record) with this finding path. */
const at = (path) => h.page.locator(`#regForm [data-path="${path}"]`);
const card = (id) => `#reportGroups [data-group="${id}"]`;

async function enter(target, value) {
  const input = typeof target === 'string' ? h.page.locator(target) : target;
  await input.fill(value);
  await input.blur();
}

const waitVerdict = (verdict) => h.page.waitForFunction(
  (v) => document.querySelector('#verdict')?.dataset.verdict === v, verdict);
const waitStatus = (group, status) => h.page.waitForFunction(
  ([sel, s]) => document.querySelector(sel)?.dataset.status === s, [card(group), status]);
/** The finding of `code` in the report shows at `path` (the report card's data-finding-path). */
const waitFinding = (code, path) => h.page.waitForFunction(
  ([c, p]) => [...document.querySelectorAll('#reportGroups .finding')]
    .some((li) => li.dataset.code === c && li.dataset.findingPath === p), [code, path]);
const noFinding = (code) => h.page.waitForFunction(
  (c) => ![...document.querySelectorAll('#reportGroups .finding')].some((li) => li.dataset.code === c), code);
/** The application the page last gave checkSupplier (a wrapper on the page's own package
 *  module, as in consortium.test.mjs: the demo checks through Catalogue#checkSupplier). */
async function recordApplications() {
  await h.page.evaluate(async () => {
    const pp = await import('./pkg/index.js');
    const own = pp.Catalogue.prototype.checkSupplier;
    pp.Catalogue.prototype.checkSupplier = function (app, opts) {
      window.lastApplication = JSON.parse(JSON.stringify(app));
      return own.call(this, app, opts);
    };
  });
}
const lastApplication = () => h.page.evaluate(() => window.lastApplication);
const invalidPaths = () => h.page.$$eval('#regForm [aria-invalid="true"]',
  (els) => els.map((e) => e.dataset.path ?? e.id));

test('a passing enterprise to start from: tax and social security are ticked separately', async () => {
  await recordApplications();
  await enter('#asOf', '2026-03-15');
  await enter('#supplierName', '示例环境服务有限公司');
  await enter('#uscc', '91110000600037341L');
  await h.page.selectOption('#regStatus', '存续（在营、开业、在册）');
  await enter('#established', '2015-06-01');
  await h.page.check('#termLong');
  await enter('#auditYear', '2025');
  await enter('#queriedOn', '2026-03-10');
  await h.page.click('#addEquipment');
  await enter(at('equipment[0].name'), '垃圾清运车');
  await h.page.check('#penaltiesNone');
  // Tax paid, social security not: the social-security duty is missing, under its own months.
  await h.page.check('#taxPaidMonths input[value="2026-02"]');
  await waitStatus('tax_and_social_security', 'incomplete');
  await waitFinding('field.required', 'taxSocialSecurity.socialSecurityPaidMonths');
  await h.page.click('#ssMonthsAll');
  await waitStatus('tax_and_social_security', 'pass');
  assert.equal(await h.page.$$eval('#socialSecurityPaidMonths input:checked', (is) => is.length), 13);
  const tax = (await lastApplication()).taxSocialSecurity;
  assert.deepEqual(tax.taxPaidMonths, ['2026-02']);
  assert.equal(tax.socialSecurityPaidMonths.length, 13);
  assert.equal(tax.paidMonths, undefined, 'the form sends the two duties, not the rev. 1 list');
  await waitVerdict('pass');
  assert.deepEqual(await invalidPaths(), []);
  // Fields of other cases are not shown: no head office, no letter dates, no minor's income.
  for (const sel of ['#headOfficeSection', '#bankLetterIssuedOn', '#guaranteeIssuedOn', '#selfSupporting', '#massOrganization']) {
    assert.equal(await h.page.isHidden(sel), true, sel);
  }
});

test('social security exempt by law: no months needed, the reason is noted', async () => {
  await h.page.click('#ssMonthsNone');
  await waitStatus('tax_and_social_security', 'incomplete');
  await enter('#socialSecurityExemptionReason', '无雇员，依法不需要缴纳社会保险费');
  await waitStatus('tax_and_social_security', 'pass');
  await waitFinding('tax_and_social_security.social_security_exemption', 'taxSocialSecurity.socialSecurityExemption.reason');
  await enter('#socialSecurityExemptionReason', '');
  await h.page.check('#socialSecurityPaidMonths input[value="2026-02"]');
  await waitVerdict('pass');
});

test('a branch without the head office\'s authorisation: legal_capacity incomplete, marked on the authorisation', async () => {
  await h.page.check('#branch');
  assert.equal(await h.page.isVisible('#headOfficeSection'), true);
  await enter('#headOfficeName', '示例环境集团有限公司');
  await enter('#headOfficeUscc', '91110000600037341L');
  await waitStatus('legal_capacity', 'incomplete');
  await waitFinding('legal_capacity.branch_authorisation_missing', 'headOffice.authorisation');
  await waitForText(h.page, card('legal_capacity'), '总公司授权书', '民法典第七十四条');
  await h.page.waitForFunction(() => document.querySelector('#headOfficeAuthorisation').getAttribute('aria-invalid') === 'true');
  assert.deepEqual(await invalidPaths(), ['headOffice.authorisation']);
  // Clicking the finding focuses the checkbox.
  await h.page.click(`${card('legal_capacity')} .finding[data-code="legal_capacity.branch_authorisation_missing"] .goto`);
  assert.equal(await h.page.evaluate(() => document.activeElement.id), 'headOfficeAuthorisation');

  await h.page.check('#headOfficeAuthorisation');
  await waitStatus('legal_capacity', 'pass');
  const app = await lastApplication();
  assert.equal(app.branch, true);
  assert.deepEqual(app.headOffice, { name: '示例环境集团有限公司', uscc: '91110000600037341L', authorisation: true });
  await waitVerdict('pass');
  assert.deepEqual(await invalidPaths(), []);

  // A wrong head-office code: its own field check shows it, and the report marks it too.
  await enter('#headOfficeUscc', '91110000600037341N');
  await waitForText(h.page, '#headOfficeUscc-msg', '校验码');
  await waitStatus('legal_capacity', 'fail');
  await waitFinding('uscc.check_char', 'headOffice.uscc');
  assert.equal(await h.page.getAttribute('#headOfficeUscc', 'aria-invalid'), 'true');
  await enter('#headOfficeUscc', '91110000600037341L');
  await waitStatus('legal_capacity', 'pass');

  // Not a branch any more: the head office is hidden and not sent.
  await h.page.uncheck('#branch');
  assert.equal(await h.page.isHidden('#headOfficeSection'), true);
  await waitVerdict('pass');
});

test('an old audited report plus a recent bank letter passes reputation; an old letter does not', async () => {
  // 2026-03-15 is before 30 June: 2024's report still counts, 2023's is old.
  await enter('#auditYear', '2023');
  await waitStatus('reputation_and_accounting', 'incomplete');
  await waitFinding('reputation_and_accounting.audit_year_old', 'financials.auditedReportYear');
  assert.equal(await h.page.getAttribute('#auditYear', 'aria-invalid'), 'true');

  await h.page.check('#bankCreditLetter');
  assert.equal(await h.page.isVisible('#bankLetterIssuedOn'), true);
  await enter('#bankLetterIssuedOn', '2026-01-10');
  await enter('#bankLetterIssuer', '中国工商银行北京分行');
  await waitStatus('reputation_and_accounting', 'pass');
  await noFinding('reputation_and_accounting.audit_year_old');
  assert.deepEqual((await lastApplication()).financials.bankCreditLetter,
    { issuedOn: '2026-01-10', issuer: '中国工商银行北京分行' });
  assert.equal(await h.page.getAttribute('#auditYear', 'aria-invalid'), null);

  // More than six months before the deadline (the oldest day is 2025-09-15): not accepted.
  await enter('#bankLetterIssuedOn', '2025-09-14');
  await waitStatus('reputation_and_accounting', 'incomplete');
  await waitFinding('reputation_and_accounting.bank_letter_too_old', 'financials.bankCreditLetter.issuedOn');
  assert.equal(await h.page.getAttribute('#bankLetterIssuedOn', 'aria-invalid'), 'true');
  await enter('#bankLetterIssuedOn', '2025-09-15');
  await waitStatus('reputation_and_accounting', 'pass');

  // A guarantee letter stands in too.
  await h.page.uncheck('#bankCreditLetter');
  assert.equal(await h.page.isHidden('#bankLetterIssuedOn'), true);
  await waitStatus('reputation_and_accounting', 'incomplete');
  await h.page.check('#guaranteeLetter');
  await waitStatus('reputation_and_accounting', 'pass');
  assert.equal((await lastApplication()).financials.guaranteeLetter, true);
  await h.page.uncheck('#guaranteeLetter');

  // An unaudited report is only for an entity less than a year old.
  await h.page.check('#unauditedReport');
  await waitFinding('reputation_and_accounting.unaudited_not_new_entity', 'financials.unauditedReport');
  await h.page.uncheck('#unauditedReport');
  await enter('#auditYear', '2025');
  await waitVerdict('pass');
});

test('penalties: 责令关闭 is major; the newer kinds are for review; the sector is sent', async () => {
  const kinds = await h.page.$$eval('#penaltyTpl', (ts) => [...ts[0].content.querySelectorAll('[data-field="kind"] option')].map((o) => o.value));
  for (const k of ['closure', 'qualification_downgrade', 'business_restriction', 'practice_restriction', 'licence_suspension', 'public_criticism', 'confiscation']) {
    assert.ok(kinds.includes(k), k);
  }
  await h.page.check('#penaltiesSome');
  await h.page.click('#addPenalty');
  await h.page.selectOption('#regForm [data-path="penalties[0].kind"]', 'closure');
  assert.equal(await at('penalties[0].fineAmount').isDisabled(), true);
  await enter(at('penalties[0].decidedOn'), '2025-01-01');
  await enter(at('penalties[0].sector'), '生态环境');
  await waitStatus('no_major_violation', 'fail');
  await waitFinding('no_major_violation.major_penalty', 'penalties[0].kind');
  assert.deepEqual((await lastApplication()).penalties,
    [{ kind: 'closure', decidedOn: '2025-01-01', issuerLevel: 'county', sector: '生态环境' }]);
  await waitForText(h.page, card('no_major_violation'), '责令关闭');
  assert.equal(await at('penalties[0].kind').getAttribute('aria-invalid'), 'true');
  assert.equal(await at('penalties[0].sector').getAttribute('aria-label'), '处罚机关所属领域（第1条）');

  await h.page.selectOption('#regForm [data-path="penalties[0].kind"]', 'qualification_downgrade');
  await waitFinding('no_major_violation.kind_for_review', 'penalties[0].kind');
  await waitForText(h.page, card('no_major_violation'), '请采购人审查');
  await h.page.waitForFunction(() => document.querySelector('#verdict').dataset.verdict !== 'fail');

  await h.page.click('#regForm tbody[data-path="penalties[0]"] .btn-remove');
  await h.page.check('#penaltiesNone');
  await waitVerdict('pass');
});

test('a licence valid 长期 meets the item\'s requirement; no date at all leaves it incomplete', async () => {
  await h.page.selectOption('#itemCode', '011301');
  await h.page.click('#addLicence');
  await enter(at('licences[0].kind'), '公路养护作业单位资质');
  await enter(at('licences[0].grade'), '乙级');
  await waitStatus('equipment_and_capability', 'incomplete');
  await waitFinding('equipment_and_capability.validity_missing', 'licences[0].validUntil');
  await enter(at('licences[0].validUntil'), '长期');
  await waitStatus('equipment_and_capability', 'pass');
  assert.equal(await at('licences[0].validUntil').getAttribute('aria-invalid'), null);
  assert.equal((await lastApplication()).licences[0].validUntil, '长期');
  await enter(at('licences[0].validUntil'), '2026-03-14');
  await waitStatus('equipment_and_capability', 'fail');
  await enter(at('licences[0].validUntil'), '2026-03-15');
  await waitStatus('equipment_and_capability', 'pass');
  await waitVerdict('pass');
});

test('entity types: 行政类 institutions, mass organisations, a 17-year-old living on own income', async () => {
  await h.page.selectOption('#entityType', 'public_institution');
  const classes = await h.page.$$eval('#institutionClass option', (os) => os.map((o) => o.value));
  assert.ok(classes.includes('administrative'));
  await enter('#uscc', '12110000123456788T');
  await h.page.selectOption('#institutionClass', 'administrative');
  await waitStatus('entity_eligibility', 'fail');
  await waitFinding('entity_eligibility.administrative_institution', 'institutionClass');
  assert.equal(await h.page.getAttribute('#institutionClass', 'aria-invalid'), 'true');
  await h.page.selectOption('#institutionClass', 'public_welfare_2');
  await waitStatus('entity_eligibility', 'pass');

  await h.page.selectOption('#entityType', 'social_organization');
  assert.equal(await h.page.isVisible('#massOrganization'), true);
  assert.equal(await h.page.isVisible('#fiscallyFunded'), true);
  // A mass organisation must say whether fiscal appropriation funds it; funded, it may not bid.
  await h.page.check('#massOrganization');
  await waitFinding('entity_eligibility.mass_organization_funding_missing', 'fiscallyFundedMassOrganization');
  await h.page.selectOption('#fiscallyFunded', 'yes');
  await waitFinding('entity_eligibility.funded_mass_organization', 'fiscallyFundedMassOrganization');
  await waitStatus('entity_eligibility', 'fail');
  assert.equal(await h.page.getAttribute('#fiscallyFunded', 'aria-invalid'), 'true');
  await h.page.selectOption('#fiscallyFunded', 'no');
  await noFinding('entity_eligibility.funded_mass_organization');
  await noFinding('entity_eligibility.mass_organization_funding_missing');
  await h.page.uncheck('#massOrganization');

  // Born 2008-06-01: 17 on the deadline. A minor, unless living on own labour income.
  await h.page.selectOption('#entityType', 'natural_person');
  assert.equal(await h.page.isVisible('#selfSupporting'), true);
  assert.equal(await h.page.isHidden('#branch'), true, 'a natural person is no branch');
  await enter('#supplierName', '李四');
  await enter('#idNumber', '110105200806010013');
  await waitStatus('legal_capacity', 'fail');
  await h.page.check('#selfSupporting');
  await h.page.waitForFunction((sel) => document.querySelector(sel)?.dataset.status !== 'fail', card('legal_capacity'));
  await waitFinding('legal_capacity.self_supporting_minor', 'selfSupporting');
});

test('English and 繁體 labels for the new fields', async () => {
  await h.page.selectOption('#entityType', 'enterprise');
  await h.page.selectOption('#locale', 'en');
  await waitForText(h.page, '#taxSection', 'Tax paid', 'Social security paid', 'Social-security exemption reason');
  await waitForText(h.page, '#financialsSection', 'Guarantee letter', 'Financial status report');
  assert.equal(await h.page.textContent('#headOfficeSection legend'), 'Head office');
  assert.equal(await h.page.textContent('#institutionClass option[value="administrative"]'), 'Administrative');
  await h.page.selectOption('#locale', 'zh-TW');
  await waitForText(h.page, '#taxSection', '納稅月份', '社保繳納月份');
  assert.equal(await h.page.textContent('#headOfficeSection legend'), '總公司資訊');
  await h.page.selectOption('#locale', 'zh-CN');
  await waitForText(h.page, '#taxSection', '纳税月份', '社保缴纳月份');
});

test('no page errors, console errors or foreign requests', () => {
  assert.deepEqual(h.pageErrors, []);
  assert.deepEqual(h.consoleErrors, []);
  assert.deepEqual(foreignRequests(h), []);
});
