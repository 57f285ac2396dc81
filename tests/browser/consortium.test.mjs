// The consortium (联合体) section of the demo's registration form (www/index.html,
// www/qualification.js) in Debian's Chromium: the main form is the lead member (members[0]),
// each card another member with its share, work, registration, commitment letter and licences;
// the application checkSupplier gets has members[] (RULES.md §2.2) and the report's findings on a
// member land on that member's inputs. Same harness as the other browser tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usePage, foreignRequests, waitForText } from './harness.mjs';

const h = usePage('index.html');

const at = (path) => h.page.locator(`#regForm [data-path="${path}"]`);
const card = (id) => `#reportGroups [data-group="${id}"]`;
const NOT_HELD = ['equipment_and_capability.licence_missing', 'equipment_and_capability.licence_not_committable'];
/** Waits until the report has (or has no more) a finding with one of these codes. */
const waitCodes = (codes, present = true) => h.page.waitForFunction(([cs, want]) =>
  [...document.querySelectorAll('#reportGroups [data-code]')].some((li) => cs.includes(li.dataset.code)) === want,
[codes, present]);

async function enter(target, value) {
  const input = typeof target === 'string' ? h.page.locator(target) : target;
  await input.fill(value);
  await input.blur();
}

/** The application the page last gave checkSupplier (recorded by a wrapper on the page's own
 *  package module: the demo checks through Catalogue#checkSupplier). */
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
/** Changes something and waits until checkSupplier has seen it. */
async function rerun() {
  await h.page.evaluate(() => { window.lastApplication = null; });
  await h.page.dispatchEvent('#asOf', 'change');
  await h.page.waitForFunction(() => window.lastApplication !== null);
  return lastApplication();
}

test('alone by default: no consortium block, no members in the application', async () => {
  await recordApplications();
  assert.equal(await h.page.isChecked('#participationAlone'), true);
  assert.equal(await h.page.isHidden('#consortiumBlock'), true);
  await enter('#asOf', '2026-03-15');
  await enter('#supplierName', '示例环境服务有限公司');
  await enter('#uscc', '91110000600037341L');
  await h.page.selectOption('#regStatus', '存续（在营、开业、在册）');
  await enter('#established', '2015-06-01');
  for (const id of ['#commitReputation', '#commitTax', '#commitViolation', '#commitCapability']) await h.page.check(id);
  const app = await rerun();
  assert.equal(app.name, '示例环境服务有限公司');
  assert.equal(app.members, undefined);
  assert.equal(await h.page.isHidden('#reportMembers'), true);
});

test('as a consortium: the main form is member 1 (the lead); one member alone is too few', async () => {
  await h.page.check('#participationConsortium');
  assert.equal(await h.page.isVisible('#consortiumBlock'), true);
  await enter('#consortiumName', '示例环境服务联合体');
  await enter('#agreementSignedOn', '2026-02-01');
  await enter('#leadShare', '60');
  await enter('#leadUndertakes', '公路养护作业单位资质');
  const app = await rerun();
  assert.equal(app.name, '示例环境服务联合体');
  assert.deepEqual(app.agreement, { signedOn: '2026-02-01' });
  assert.equal(app.members.length, 1);
  assert.equal(app.members[0].name, '示例环境服务有限公司');
  assert.equal(app.members[0].uscc, '91110000600037341L');
  assert.equal(app.members[0].contractShare, 60);
  assert.deepEqual(app.members[0].undertakes, ['公路养护作业单位资质']);
  assert.equal(app.members[0].commitments.noMajorViolation, true);
  await waitForText(h.page, card('other_conditions'), '联合体须由两个以上供应商组成');
  await waitForText(h.page, '#reportMembers', '联合体成员', '成员1（牵头人） 示例环境服务有限公司');
  assert.equal(await h.page.locator('#memberList .member').count(), 0);
  assert.equal(await h.page.isVisible('#membersEmpty'), true);
});

test('a member card: its inputs carry members[1] paths and names; its findings land on them', async () => {
  await h.page.click('#addMember');
  assert.equal(await h.page.locator('#memberList .member').count(), 1);
  assert.equal(await h.page.isHidden('#membersEmpty'), true);
  assert.equal(await h.page.textContent('#memberList .member-no'), '成员2');
  assert.equal(await at('members[1].name').getAttribute('aria-label'), '成员2的成员名称');
  // The selects offer the main form's choices.
  assert.equal(await at('members[1].entityType').inputValue(), 'enterprise');
  const statuses = await at('members[1].registration.status').evaluate((s) => [...s.options].map((o) => o.value));
  assert.ok(statuses.includes('注销') && statuses.includes(''), statuses.join());

  await enter(at('members[1].name'), '乙公路养护有限公司');
  await enter(at('members[1].uscc'), '91110000600037341N');
  await waitForText(h.page, '#reportGroups', '联合体成员2的统一社会信用代码校验码错误');
  await h.page.waitForFunction(() => document.querySelector('#regForm [data-path="members[1].uscc"]').getAttribute('aria-invalid') === 'true');
  await enter(at('members[1].uscc'), '91110000600037341L');
  await h.page.waitForFunction(() => !document.querySelector('#regForm [data-path="members[1].uscc"]').hasAttribute('aria-invalid'));
  // Two members now: no longer too few.
  await h.page.waitForFunction((sel) => !document.querySelector(sel).textContent.includes('联合体须由两个以上供应商组成'),
    card('other_conditions'));
  await waitForText(h.page, '#reportMembers', '成员2 乙公路养护有限公司');
});

test('the member\'s share, work, registration, commitment and licences feed members[1]', async () => {
  await h.page.selectOption('#itemCode', '011301'); // requires 公路养护作业单位资质 乙级
  await waitForText(h.page, card('equipment_and_capability'), '公路养护作业单位资质');
  await waitCodes(NOT_HELD); // nobody holds it yet
  await enter(at('members[1].contractShare'), '40');
  await enter(at('members[1].undertakes'), '公路养护作业单位资质、保洁');
  await h.page.selectOption('#regForm [data-path="members[1].registration.status"]', '存续（在营、开业、在册）');
  await enter(at('members[1].registration.establishedOn'), '2012-04-01');
  await h.page.check('#memberList [data-member-commit]');
  await h.page.click('#memberList .btn-add-licence');
  assert.equal(await at('members[1].licences[0].kind').getAttribute('aria-label'), '成员2第1项资质的资质名称');
  await enter(at('members[1].licences[0].kind'), '公路养护作业单位资质');
  await enter(at('members[1].licences[0].grade'), '甲级');
  await enter(at('members[1].licences[0].validUntil'), '2027-12-31');
  const app = await rerun();
  assert.deepEqual(app.members[1], {
    name: '乙公路养护有限公司', entityType: 'enterprise', uscc: '91110000600037341L', contractShare: 40,
    registration: { status: '存续（在营、开业、在册）', establishedOn: '2012-04-01' },
    undertakes: ['公路养护作业单位资质', '保洁'],
    licences: [{ kind: '公路养护作业单位资质', grade: '甲级', validUntil: '2027-12-31' }],
    commitments: { reputationAndAccounting: true, taxAndSocialSecurity: true, noMajorViolation: true, equipmentAndCapability: true },
  });
  // The consortium holds the kind through member 2: no longer missing.
  await waitCodes(NOT_HELD, false);
  // A licence of a member found wanting is marked on that member's input.
  await enter(at('members[1].licences[0].grade'), '丙级');
  await waitCodes(['equipment_and_capability.consortium_grade_below_minimum']); // rev. 2: a consortium's own code
  await waitForText(h.page, card('equipment_and_capability'), '丙级');
  await h.page.waitForFunction(() => document.querySelector('#regForm [data-path="members[1].licences[0].grade"]').getAttribute('aria-invalid') === 'true');
  await enter(at('members[1].licences[0].grade'), '甲级');
  // A share that is not a number goes as typed, for the package to judge.
  await enter(at('members[1].contractShare'), '四成');
  assert.equal((await rerun()).members[1].contractShare, '四成');
  await enter(at('members[1].contractShare'), '37.5');
  assert.equal((await rerun()).members[1].contractShare, 37.5);
});

test('English names the member cells; removing the member and going back to alone', async () => {
  await h.page.selectOption('#locale', 'en');
  await waitForText(h.page, '#consortiumSection', 'How the supplier takes part', 'Member 2');
  assert.equal(await at('members[1].uscc').getAttribute('aria-label'), 'Unified social credit code of member 2');
  await h.page.selectOption('#locale', 'zh-CN');
  await waitForText(h.page, '#consortiumSection', '参加形式');

  await h.page.click('#memberList .member-licences .btn-remove-licence');
  assert.equal(await h.page.isHidden('#memberList .member-licences'), true);
  await h.page.click('#memberList .member .btn-remove');
  assert.equal(await h.page.locator('#memberList .member').count(), 0);
  await waitForText(h.page, card('other_conditions'), '联合体须由两个以上供应商组成');
  await h.page.check('#participationAlone');
  assert.equal(await h.page.isHidden('#consortiumBlock'), true);
  const app = await rerun();
  assert.equal(app.members, undefined);
  assert.equal(app.name, '示例环境服务有限公司');
  await h.page.waitForFunction(() => document.querySelector('#reportMembers').hidden);
});

test('reset: back to alone, the member cards gone', async () => {
  await h.page.check('#participationConsortium');
  await h.page.click('#addMember');
  await h.page.click('#reset');
  await h.page.waitForFunction(() => document.querySelectorAll('#memberList .member').length === 0);
  assert.equal(await h.page.isChecked('#participationAlone'), true);
  await h.page.waitForFunction(() => document.querySelector('#consortiumBlock').hidden);
});

test('no foreign requests, no page or console errors', () => {
  assert.deepEqual(foreignRequests(h), []);
  assert.deepEqual(h.pageErrors.map((e) => e.stack ?? String(e)), []);
  assert.deepEqual(h.consoleErrors, []);
});
