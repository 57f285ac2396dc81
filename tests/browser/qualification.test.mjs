// Drives the qualification form of www/index.html (checkSupplier, GPL Art. 22) in Debian's
// Chromium: a failing supplier, fixed into a passing one; record rows added and removed; a licence
// below the service item's grade; commitments; entity types; English. Same harness as the others.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { usePage, foreignRequests, waitForText } from './harness.mjs';

const SCREENSHOT = process.env.QUALIFICATION_SCREENSHOT ?? join(tmpdir(), 'qualification.png');
const h = usePage('index.html');

/** The form control (or record) with this finding path. */
const at = (path) => h.page.locator(`#regForm [data-path="${path}"]`);
const card = (id) => `#reportGroups [data-group="${id}"]`;

/** Types a value the way a user finishes it: fill, then leave the field. */
async function enter(target, value) {
  const input = typeof target === 'string' ? h.page.locator(target) : target;
  await input.fill(value);
  await input.blur();
}

const waitVerdict = (verdict) => h.page.waitForFunction(
  (v) => document.querySelector('#verdict')?.dataset.verdict === v, verdict);
const waitStatus = (group, status) => h.page.waitForFunction(
  ([sel, s]) => document.querySelector(sel)?.dataset.status === s, [card(group), status]);
const statuses = () => h.page.$$eval('#reportGroups [data-group]',
  (cards) => Object.fromEntries(cards.map((c) => [c.dataset.group, c.dataset.status])));
const invalidPaths = () => h.page.$$eval('#regForm [aria-invalid="true"]',
  (els) => els.map((e) => e.dataset.path ?? e.id));

test('on load: eight groups (the seven of Art. 22, then the SME declaration), the deadline is today, nothing is marked before it is touched', async () => {
  const today = await h.page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  assert.equal(await h.page.inputValue('#asOf'), today);
  assert.deepEqual(Object.keys(await statuses()), [
    'entity_eligibility', 'legal_capacity', 'reputation_and_accounting', 'equipment_and_capability',
    'tax_and_social_security', 'no_major_violation', 'other_conditions', 'sme_declaration',
  ]);
  await waitVerdict('incomplete');
  assert.equal(await h.page.textContent('#verdict-text'), '材料不全');
  await waitForText(h.page, card('legal_capacity'), '独立承担民事责任的能力', '材料不全', '请填写名称');
  assert.deepEqual(await invalidPaths(), [], 'the empty form is not all red');
  // The item picker lists the county catalogue's items that require a licence.
  const codes = await h.page.$$eval('#itemCode option', (os) => os.map((o) => o.value));
  assert.deepEqual(codes, ['', '010501', '011101', '011301']);
});

test('a fine of 250万元 two years before the deadline fails no_major_violation, naming the day it clears', async () => {
  await enter('#asOf', '2026-03-15');
  // The months offered are the deadline's window: 2025-03 to 2026-03, for each of the two
  // duties (tax, social security: rev. 2).
  for (const box of ['#taxPaidMonths', '#socialSecurityPaidMonths']) {
    const months = await h.page.$$eval(`${box} input`, (is) => is.map((i) => i.value));
    assert.equal(months[0], '2025-03');
    assert.equal(months.at(-1), '2026-03');
    assert.equal(months.length, 13);
  }

  await enter('#supplierName', '示例环境服务有限公司');
  await enter('#uscc', '91110000600037341L');
  await h.page.selectOption('#regStatus', '存续（在营、开业、在册）');
  await enter('#established', '2015-06-01');
  await h.page.check('#termLong');
  assert.equal(await h.page.isDisabled('#termEnd'), true);
  await enter('#auditYear', '2025');
  await enter('#totalAssets', '1,000,000.00');
  await enter('#totalLiabilities', '400000');
  await enter('#ownersEquity', '600000.00');
  await h.page.check('#taxPaidMonths input[value="2026-02"]');
  await h.page.check('#socialSecurityPaidMonths input[value="2026-02"]');
  await enter('#queriedOn', '2026-03-10');
  await h.page.click('#addEquipment');
  await enter(at('equipment[0].name'), '垃圾清运车');
  await enter(at('equipment[0].quantity'), '3');

  await h.page.check('#penaltiesSome');
  await h.page.click('#addPenalty');
  assert.equal(await at('penalties[0].kind').inputValue(), 'fine');
  await enter(at('penalties[0].decidedOn'), '2024-03-15');
  await enter(at('penalties[0].fineAmount'), '250');
  await h.page.selectOption('#regForm [data-path="penalties[0].fineUnit"]', 'wan');

  await waitVerdict('fail');
  assert.equal(await h.page.textContent('#verdict-text'), '不通过');
  await waitForText(h.page, '#verdict-meta', '2026-03-15');
  assert.deepEqual(await statuses(), {
    entity_eligibility: 'pass', legal_capacity: 'pass', reputation_and_accounting: 'pass',
    equipment_and_capability: 'pass', tax_and_social_security: 'pass', no_major_violation: 'fail',
    other_conditions: 'not_applicable', sme_declaration: 'not_applicable',
  });
  const nmv = card('no_major_violation');
  await waitForText(h.page, nmv, '参加政府采购活动前三年内无重大违法记录', '不通过', '依据证明材料',
    '250万元', '2027年3月15日', '政府采购法实施条例第十九条');
  assert.equal(await h.page.getAttribute(`${nmv} .finding.error`, 'data-code'), 'no_major_violation.large_fine');
  assert.equal(await at('penalties[0].fineAmount').getAttribute('aria-invalid'), 'true');
  assert.match(await h.page.getAttribute('#regForm tbody[data-path="penalties[0]"] tr', 'class'), /\brow-invalid\b/);
  assert.deepEqual(await invalidPaths(), ['penalties[0].fineAmount']);
});

test('clicking a finding focuses its field, also straight from a field just typed into', async () => {
  await h.page.click(`${card('no_major_violation')} .finding.error .goto`);
  assert.equal(await h.page.evaluate(() => document.activeElement.dataset.path), 'penalties[0].fineAmount');
  // Typed, not left: the click itself makes the field change (and the report re-check).
  await at('penalties[0].description').fill('某区市场监督管理局行政处罚决定书');
  await h.page.click(`${card('no_major_violation')} .finding.error .goto`);
  assert.equal(await h.page.evaluate(() => document.activeElement.dataset.path), 'penalties[0].fineAmount');
});

test('penalty rows are added and removed with their paths renumbered; without the fine the supplier passes', async () => {
  await h.page.click('#addPenalty');
  assert.equal(await h.page.locator('#penaltyTable tbody.rec').count(), 2);
  await h.page.selectOption('#regForm [data-path="penalties[1].kind"]', 'warning');
  assert.equal(await at('penalties[1].fineAmount').isDisabled(), true, 'a warning has no fine amount');
  await enter(at('penalties[1].decidedOn'), '2025-01-01');
  assert.equal(await at('penalties[1].kind').getAttribute('aria-label'), '处罚种类（第2条）');

  // Remove the fine: the warning moves up to penalties[0].
  await h.page.click('#regForm tbody[data-path="penalties[0]"] .btn-remove');
  assert.equal(await h.page.locator('#penaltyTable tbody.rec').count(), 1);
  assert.equal(await at('penalties[0].kind').inputValue(), 'warning');
  assert.equal(await at('penalties[0].decidedOn').inputValue(), '2025-01-01');
  assert.equal(await at('penalties[1].kind').count(), 0);
  assert.equal(await h.page.textContent('#penaltyTable .rec-no'), '1');

  await waitVerdict('pass');
  assert.equal(await h.page.textContent('#verdict-text'), '通过');
  // Rev. 2 wording: a warning is not among GPL-IR Art. 19's kinds (was "不属于重大违法记录").
  await waitForText(h.page, card('no_major_violation'), '通过', '警告不属于政府采购法实施条例第十九条列明的处罚种类');
  assert.deepEqual(await invalidPaths(), []);

  // The last row removed with 有 still chosen: the records are missing, not clean.
  await h.page.click('#regForm tbody[data-path="penalties[0]"] .btn-remove');
  await waitStatus('no_major_violation', 'incomplete');
  await h.page.check('#penaltiesNone');
  assert.equal(await h.page.isHidden('#penaltiesBlock'), true);
  await waitVerdict('pass');
});

test('a licence below the service item\'s minimum grade fails equipment_and_capability', async () => {
  await h.page.selectOption('#itemCode', '011301');
  await waitForText(h.page, '#itemCode-reqs', '公路养护作业单位资质', '乙级及以上');
  // No licence listed yet: the requirement cannot be confirmed.
  await waitStatus('equipment_and_capability', 'incomplete');
  await waitForText(h.page, card('equipment_and_capability'), '公路养护作业单位资质', '资质证书中没有该资质');
  await waitForText(h.page, '#verdict-meta', '011301 农村公路管养');

  await h.page.click('#addLicence');
  await enter(at('licences[0].kind'), '公路养护作业单位资质');
  await enter(at('licences[0].grade'), '丙级');
  await enter(at('licences[0].validUntil'), '2027-12-31');
  await waitForText(h.page, card('equipment_and_capability'), '丙级', '低于该服务事项要求的乙级');
  await waitVerdict('fail');
  assert.equal(await at('licences[0].grade').getAttribute('aria-invalid'), 'true');
  assert.deepEqual(await invalidPaths(), ['licences[0].grade']);
});

test('English: group names, statuses and the package\'s messages switch; back to 简体', async () => {
  await h.page.selectOption('#locale', 'en');
  await waitForText(h.page, card('equipment_and_capability'), 'Equipment and professional capability', 'failed',
    'below the 乙级 the service item requires');
  await waitForText(h.page, card('no_major_violation'), 'No major violation in three years', 'passed');
  assert.equal(await h.page.textContent('#verdict-text'), 'Fail');
  assert.equal(await h.page.textContent('#report-title'), 'Qualification pre-check');
  assert.equal(await h.page.textContent('#penaltiesSection legend'), 'Administrative and criminal penalties');
  assert.equal(await at('licences[0].grade').getAttribute('aria-label'), 'Grade (no. 1)');
  await waitForText(h.page, '#taxPaidMonths-hint', 'within the 12 months before the deadline (2025-03 to 2026-03)', 'tax was paid');
  await waitForText(h.page, '#socialSecurityPaidMonths-hint', '(2025-03 to 2026-03)', 'social security was paid');

  await enter(at('licences[0].grade'), '乙级');
  await waitVerdict('pass');
  assert.equal(await h.page.textContent('#verdict-text'), 'Pass');

  await h.page.selectOption('#locale', 'zh-TW');
  await waitForText(h.page, card('legal_capacity'), '獨立承擔民事責任的能力', '通過');
  await h.page.selectOption('#locale', 'zh-CN');
  await waitForText(h.page, card('legal_capacity'), '独立承担民事责任的能力', '通过');
});

test('a signed commitment stands in for missing tax records, and the card says so', async () => {
  await h.page.uncheck('#taxPaidMonths input[value="2026-02"]');
  await h.page.uncheck('#socialSecurityPaidMonths input[value="2026-02"]');
  await waitStatus('tax_and_social_security', 'incomplete');
  await waitForText(h.page, card('tax_and_social_security'), '缺少纳税和社保缴纳记录');
  await h.page.check('#commitTax');
  await waitStatus('tax_and_social_security', 'pass');
  await waitForText(h.page, card('tax_and_social_security'), '依据资格承诺函');
  await waitVerdict('pass');
});

test('entity types: a 公益一类 institution may not bid; a natural person gives an ID number instead', async () => {
  assert.equal(await h.page.isHidden('#institutionClass'), true);
  await h.page.selectOption('#entityType', 'public_institution');
  assert.equal(await h.page.isVisible('#institutionClass'), true);
  // An enterprise's code does not fit a public institution (positions 1–2 are 12 for one).
  await waitStatus('entity_eligibility', 'fail');
  await waitForText(h.page, card('entity_eligibility'), '“91”');
  assert.equal(await h.page.getAttribute('#uscc', 'aria-invalid'), 'true');
  await enter('#uscc', '12110000123456788T');
  await waitStatus('entity_eligibility', 'incomplete');
  await waitForText(h.page, card('entity_eligibility'), '请填写事业单位类别');
  assert.equal(await h.page.getAttribute('#uscc', 'aria-invalid'), null);
  await h.page.selectOption('#institutionClass', 'public_welfare_1');
  await waitStatus('entity_eligibility', 'fail');
  await waitForText(h.page, card('entity_eligibility'), '公益一类事业单位不能作为政府购买服务的承接主体');
  assert.equal(await h.page.getAttribute('#institutionClass', 'aria-invalid'), 'true');

  await h.page.selectOption('#entityType', 'natural_person');
  assert.equal(await h.page.isHidden('#uscc'), true);
  assert.equal(await h.page.isHidden('#registrationSection'), true);
  assert.equal(await h.page.isHidden('#financialsSection'), true);
  assert.equal(await h.page.textContent('#legalRepLegend'), '身份信息');
  await enter('#supplierName', '张三');
  await enter('#idNumber', '11010519491231002X');
  await waitVerdict('pass');

  await h.page.selectOption('#entityType', 'enterprise');
  await enter('#supplierName', '示例环境服务有限公司');
  await enter('#uscc', '91110000600037341L');
  assert.equal(await h.page.isVisible('#uscc'), true);
  assert.equal(await h.page.textContent('#legalRepLegend'), '法定代表人信息');
  await waitVerdict('pass');
});

test('the SME declaration: the size the figures make is shown live; a wrong declared size fails the group only', async () => {
  const verdict = await h.page.$eval('#verdict', (v) => v.dataset.verdict);
  await h.page.check('#smeDeclare');
  await h.page.selectOption('#smeIndustry', 'software_it_services');
  assert.equal(await h.page.textContent('#smeIndustry option[value="software_it_services"]'), '软件和信息技术服务业');
  await enter('#smeEmployees', '45');
  await enter('#smeRevenue', '800');
  await h.page.selectOption('#smeDeclaredSize', 'micro');
  await waitForText(h.page, '#smeComputed', '按标准计算：小型企业');
  await waitStatus('sme_declaration', 'fail');
  await waitForText(h.page, card('sme_declaration'), '从业人员45人、营业收入800万元属于小型企业，而声明为微型企业');
  assert.equal(await h.page.$eval('#verdict', (v) => v.dataset.verdict), verdict, 'the verdict is the Art. 22 one');
  await h.page.selectOption('#smeDeclaredSize', 'small');
  await waitStatus('sme_declaration', 'pass');
  await enter('#smeEmployees', '9');
  await waitForText(h.page, '#smeComputed', '按标准计算：微型企业');
  await h.page.uncheck('#smeDeclare');
  await waitStatus('sme_declaration', 'not_applicable');
  assert.equal(await h.page.textContent('#smeComputed'), '');
});

test('submit: the summary carries the qualification verdict', async () => {
  await h.page.click('#submit');
  await h.page.waitForSelector('#summary:not([hidden])');
  await waitForText(h.page, '#summary', '资格条件预审：通过');
  // A picture of the filled form with its report, for a person to look at.
  await h.page.check('#penaltiesSome');
  await h.page.click('#addPenalty');
  await enter(at('penalties[0].decidedOn'), '2024-03-15');
  await enter(at('penalties[0].fineAmount'), '250万元');
  await waitVerdict('fail');
  // The viewport, not the full page: the report stays beside the section in view.
  await h.page.locator('#penaltiesSection').scrollIntoViewIfNeeded();
  await h.page.screenshot({ path: SCREENSHOT });
});

test('no foreign requests, no page or console errors', () => {
  assert.ok(h.requests.length > 0, 'requests were recorded');
  assert.deepEqual(foreignRequests(h), []);
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
