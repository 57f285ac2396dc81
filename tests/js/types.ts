// Compiled with `tsc --strict --noEmit` against the installed package: the public API must be
// precisely typed (no `any`), and misuse must not compile.
import {
  checkUscc, checkIdNumber, parseAmount, amountToUppercase, checkUppercaseAmount, parseDate, checkMobile,
  checkOrgCode, checkRegNo15, version,
  type CheckResult, type UsccInfo, type Finding, type FindingCode, type Severity, type PrecheckError,
  Catalogue, screenPurchase, checkSupplier, checkPackage, type PackageReport,
  type SupplierApplication, type SupplierReport, type GroupStatus, type GroupId,
  type CatalogueItem, type SearchHit, type ScreenReport, type BuiltinCatalogueName, type CatalogueJson,
} from 'procurement-precheck';

const r: CheckResult<UsccInfo> = checkUscc('91110000600037341L', { locale: 'zh-TW', label: '信用代码' });
const ok: boolean = r.ok;
const value: string | null = r.value;
const summary: string | undefined = r.info?.summary;
const kind: 'enterprise' | 'individual_business' | 'farmers_cooperative' | 'social_organization' | 'public_institution'
  | 'state_organ' | 'rural_collective' | 'self_governing' | 'legal_service' | 'other' | undefined = r.info?.entityKind;
const f: Finding | undefined = r.findings[0];
const code: FindingCode | undefined = f?.code;
const severity: Severity | undefined = f?.severity;
const params: Record<string, string> | undefined = f?.params;
const age: number | undefined = checkIdNumber('11010519491231002X', { today: '2026-01-01' }).info?.age;
const fen: string | undefined = parseAmount('1', { unit: 'wan', allowNegative: false }).info?.fen;
const upper: string = amountToUppercase(1409.5);
const standard: boolean | undefined = checkUppercaseAmount('壹元整', 1).info?.standard;
const weekday: number | undefined = parseDate('2024-01-05').info?.weekday;
const phone: 'mobile' | 'landline' | undefined = checkMobile('13812345678', { allowLandline: true }).info?.kind;
const org: string | undefined = checkOrgCode('60003734-1').info?.body;
const reg: string | undefined = checkRegNo15('110108000000016', { required: false }).info?.divisionCode;
const v: string = version();
function isPrecheckError(e: unknown): e is PrecheckError {
  return e instanceof Error && e.name === 'PrecheckError';
}
try { checkUscc('x', { locale: 'fr' }); } catch (e) { if (isPrecheckError(e)) { const p: string = e.path; void p; } }

// @ts-expect-error: a misspelled code is not a FindingCode
const wrong: FindingCode = 'uscc.checkchar';
// @ts-expect-error: unit is 'yuan' | 'wan'
parseAmount('1', { unit: 'jiao' });
// @ts-expect-error: the info of a USCC has no birthDate
checkUscc('x').info?.birthDate;

// The catalogue.
const names: BuiltinCatalogueName[] = Catalogue.builtinNames();
const cat: Catalogue = Catalogue.builtin('county-example-2023');
const item: CatalogueItem | null = cat.get('01060101');
const minGrade: string | undefined = item?.requirements?.[0]?.minGrade;
const hits: SearchHit[] = cat.search('ljqy', { limit: 5 });
const how: 'exact' | 'prefix' | 'substring' | 'full' | 'mixed' | 'initials' | undefined = hits[0]?.how;
const json: CatalogueJson = { version: '1', issuer: 'x', items: [{ code: '01', name: '类' }] };
const mine: Catalogue = Catalogue.fromJson(json).overlay({ version: '2', issuer: 'y', withdraw: [{ code: '01' }] });
const report: ScreenReport = screenPurchase({ itemCode: '01', budget: { amount: '10万', secured: true } },
  { catalogue: mine, asOf: '2026-01-01' });
const size: number = mine.size;
mine.free();
// @ts-expect-error: not an embedded catalogue
Catalogue.builtin('provincial-2019');
// @ts-expect-error: itemCode is required
screenPurchase({ budget: { amount: 1 } });
// @ts-expect-error: an item needs a name
Catalogue.fromJson({ version: '1', issuer: 'x', items: [{ code: '01' }] });

void [names, minGrade, how, report, size];

// Supplier qualification.
const application: SupplierApplication = {
  entityType: 'enterprise', name: '示例公司', uscc: '91110000600037341L',
  penalties: [{ kind: 'fine', decidedOn: '2024-03-15', fineAmount: '250', fineUnit: 'wan', sector: '生态环境' },
    { kind: 'closure', decidedOn: '2024-03-15', issuerLevel: 'township' }],
  financials: { auditedReportYear: 2024, bankCreditLetter: { issuedOn: '2026-01-05' }, guaranteeLetter: true },
  members: [{ entityType: 'farmers_cooperative', name: '合作社' }],
};
const sr: SupplierReport = checkSupplier(application, { asOf: '2026-03-15', itemCode: '011101', catalogue: cat,
  policy: { sectorFineThresholds: { 生态环境: 3000000 }, bankLetterMaxAgeMonths: 3, seriousIllegalDishonestSeverity: 'error' },
  locale: 'en' });
const verdict: 'pass' | 'fail' | 'incomplete' = sr.verdict;
const groupStatus: GroupStatus | undefined = sr.groups[0]?.status;
const groupId: GroupId | undefined = sr.findings[0]?.group;
const clears: string | undefined = sr.findings[0]?.params['clearsOn'];
const threshold: string | undefined = sr.policy.sectorFineThresholds['生态环境'];
// @ts-expect-error: lookbackYears is retired (the window is statutory)
checkSupplier(application, { policy: { lookbackYears: 3 } });
// @ts-expect-error: not an entity type
checkSupplier({ entityType: 'company', name: 'x' });
// @ts-expect-error: not a penalty kind
checkSupplier({ entityType: 'enterprise', name: 'x', penalties: [{ kind: 'parking', decidedOn: '2024-01-01' }] });
// rev. 2 fields (RULES.md §0 items 7–10).
const rev2: SupplierApplication = {
  name: '联合体', entityType: 'enterprise', agreement: { signedOn: '2026-03-01' },
  members: [
    { entityType: 'public_institution', institutionClass: 'administrative', name: '甲', undertakes: ['公路养护作业单位资质'] },
    { entityType: 'enterprise', name: '乙分公司', branch: true,
      headOffice: { name: '乙公司', uscc: '91110000600037341L', authorisation: true },
      taxSocialSecurity: { taxPaidMonths: ['2026-02'], socialSecurityExemption: { reason: '无雇员' } },
      licences: [{ kind: '城市园林绿化企业资质', grade: '三级', validUntil: '长期' }] },
    { entityType: 'natural_person', name: '丙', idNumber: '11010519491231002X', selfSupporting: true },
    { entityType: 'social_organization', name: '丁', massOrganization: true, fiscallyFundedMassOrganization: false },
  ],
};
const windowMonths: number = checkSupplier(rev2, { policy: { paymentWindowMonths: 6, taxMonths: 2 } }).policy.paymentWindowMonths;
// @ts-expect-error: not an institution class
checkSupplier({ entityType: 'public_institution', name: 'x', institutionClass: 'cultural' });
void [verdict, groupStatus, groupId, clears, threshold, windowMonths];
const pr: PackageReport = checkPackage([application, { ...application, sme: { industry: 'software_it_services',
  employees: 45, revenue: '800', revenueUnit: 'wan', declaredSize: '小型', ownStaff: true } }], { asOf: '2026-03-15' });
const computed: string | undefined = pr.reports[1]?.groups[7]?.params?.computedSize;
const conflictCode: 'other_conditions.same_legal_representative' | 'other_conditions.controlling_shareholder' | undefined
  = pr.conflicts[0]?.code;
const deduction: string = sr.policy.smePriceDeduction;
// @ts-expect-error: not a declarable size
checkSupplier({ entityType: 'enterprise', name: 'x', sme: { declaredSize: 'large' } });
void [computed, conflictCode, deduction];
void [ok, value, summary, kind, code, severity, params, age, fen, upper, standard, weekday, phone, org, reg, v, wrong];

// attach (DOM) and the form-library adapters.
import {
  attach, toAsyncValidatorRules, standardSchema, supplierSchema, schemas,
  type AttachHandle, type AttachReport, type AttachFieldState, type AsyncValidatorRule, type PrecheckIssue,
  type PrecheckSchema, type FieldCheck,
} from 'procurement-precheck';
import type { StandardSchemaV1 as SpecSchema } from '@standard-schema/spec';
import type { Rules as AsyncValidatorRules } from 'async-validator';

declare const form: HTMLFormElement;
const handle: AttachHandle = attach(form, {
  uscc: '#creditCode',
  'penalties[].fineAmount': { selector: 'input[name^=fine]', unit: 'wan', label: '罚款金额' },
  capitalUpper: { selector: '#capitalUpper', check: 'uppercaseAmount', amount: 'capital' },
  name: { selector: '#name', check: null },
}, {
  locale: 'zh-TW', debounce: 0, showInfo: (f: AttachFieldState) => f.result?.value ?? null,
  application: (f: HTMLFormElement, fromForm) => ({ entityType: 'enterprise', name: f.name, ...fromForm }),
  checkSupplier: { asOf: '2026-03-15', itemCode: '011101' }, blockSubmit: true, summary: '#summary',
});
attach(form); // data-precheck attributes
attach(form, null, { application: { entityType: 'enterprise' }, validateOn: ['blur', 'submit'] });
const attachReport: AttachReport = handle.check();
const blocked: boolean = attachReport.blocked;
const verdict2: 'pass' | 'fail' | 'incomplete' | undefined = attachReport.supplier?.verdict;
const el: HTMLElement | undefined = attachReport.fields[0]?.element;
form.addEventListener('precheck:report', (e) => { const valid: boolean = e.detail.valid; void valid; });
form.addEventListener('precheck:field', (e) => { const why: 'input' | 'blur' | 'submit' | 'check' = e.detail.reason; void why; });
handle.detach();
// @ts-expect-error: not a check
attach(form, { uscc: { selector: '#x', check: 'iban' } });
// @ts-expect-error: a form, not a selector
attach('#form');
// @ts-expect-error: validateOn lists events attach knows
attach(form, null, { validateOn: ['keyup'] });

const rules = toAsyncValidatorRules({ creditCode: 'uscc', capital: { check: 'amount', unit: 'wan', label: '注册资本' } },
  { locale: 'zh-CN', trigger: 'blur' });
const creditRules: AsyncValidatorRule[] = rules.creditCode;
const forAsyncValidator: AsyncValidatorRules = rules; // what Element Plus's FormRules extends
const pending: Promise<void> = rules.capital[0]!.validator({ field: 'capital' }, '12');
// @ts-expect-error: only the keys given
rules.mobile;
// @ts-expect-error: unit is 'yuan' | 'wan'
toAsyncValidatorRules({ capital: { check: 'amount', unit: 'jiao' } });
// An array of check names: a field of each name.
const byName = toAsyncValidatorRules(['uscc', 'mobile'], { locale: 'en' });
const mobileRules: AsyncValidatorRule[] = byName.mobile;
// @ts-expect-error: only the names given
byName.idNumber;
// @ts-expect-error: not a field check
toAsyncValidatorRules(['uscc', 'iban']);
// checkSupplier's labels: the form's own, by path or key.
checkSupplier({ entityType: 'enterprise', name: 'x' }, { labels: { uscc: '信用代码', 'penalties[].fineAmount': '罚款' } });
// @ts-expect-error: a label is text
checkSupplier({ entityType: 'enterprise', name: 'x' }, { labels: { uscc: 5 } });
attach(form, null, { application: true, checkSupplier: { labels: { name: '投标人名称' } } });
void mobileRules;

const usccSchema: SpecSchema<string, string> = schemas.uscc;
const optional: SpecSchema<string | null, string | null> = standardSchema('uscc', { required: false });
const amountSchema: PrecheckSchema<string, string> = standardSchema('amount', { unit: 'wan', locale: 'en' });
const supplier: SpecSchema<SupplierApplication, SupplierApplication> = supplierSchema({ asOf: '2026-03-15' });
const result = schemas.supplier['~standard'].validate(application);
if (result.issues) {
  const first: PrecheckIssue | undefined = result.issues[0];
  const segment: string | number | undefined = first?.path?.[0];
  const issueCode: FindingCode | undefined = first?.code;
  void [segment, issueCode];
} else {
  const value: SupplierApplication = result.value;
  void value;
}
const checks: FieldCheck[] = ['uscc', 'phone'];
// @ts-expect-error: not a field check
standardSchema('iban');
// @ts-expect-error: the output of a required check is never null
const never: SpecSchema<string, string> = standardSchema('uscc', { required: false });
void [blocked, verdict2, el, creditRules, forAsyncValidator, pending, usccSchema, optional, amountSchema, supplier, checks, never];

// The fields-first entry: the same typed checks.
import * as light from 'procurement-precheck/fields';
const lr: CheckResult<UsccInfo> = light.checkUscc('91110000600037341L', { locale: 'en' });
const lcode: FindingCode | undefined = lr.findings[0]?.code;
void lcode;
const lightReady: Promise<boolean> = light.ready;
const lightAvailable: boolean = light.isAvailable();
void [lightReady, lightAvailable];
// @ts-expect-error the fields entry has no catalogue
light.Catalogue;

// The attach entry: attach over the fields module, checkSupplier brought in when asked for.
import * as lazy from 'procurement-precheck/attach';
declare const lazyForm: HTMLFormElement;
const lazyHandle: AttachHandle = lazy.attach(lazyForm, { uscc: '#uscc' }, { application: true });
const lazyComplete: Promise<boolean> = lazyHandle.complete;
const lazyPending: true | undefined = lazyHandle.check().pending;
const lazyReady: Promise<boolean> = lazy.ready;
const lazyUscc: CheckResult<UsccInfo> = lazy.checkUscc('91110000600037341L');
void [lazyComplete, lazyPending, lazyReady, lazyUscc];
// @ts-expect-error the attach entry has no checkSupplier of its own
lazy.checkSupplier;

// The unions generated from the Rust lists (crates/precheck-wasm/generated.d.ts) and the result
// types under their Rust names (crates/precheck/tests/typescript.rs).
import type {
  EntityType, EntityKind, InstitutionClass, PenaltyKind, IssuerLevel, SmeIndustry, PolicyKey, Policy,
  Verdict, Evidence, ArgumentType, CheckGroup, GroupSummary, MemberReport, CheckedItem, ScreenedItem,
  PathEntry, PackageConflict,
} from 'procurement-precheck';
const genEntityTypes: EntityType[] = ['enterprise', 'natural_person', 'legal_service', 'other'];
const genUsccKind: EntityKind | undefined = checkUscc('91110000600037341L').info?.entityKind;
const genKindIsType: EntityType | undefined = genUsccKind;
// @ts-expect-error: a USCC never shows a natural person
const genPersonKind: EntityKind = 'natural_person';
const genClass: InstitutionClass = 'administrative';
const genPenalties: PenaltyKind[] = ['closure', 'licence_suspension', 'confiscation', 'procurement_ban'];
// @ts-expect-error: not a penalty kind
const genBadPenalty: PenaltyKind = 'parking';
const genLevel: IssuerLevel = 'township';
// @ts-expect-error: not an issuer level
const genBadLevel: IssuerLevel = 'village';
const genIndustry: SmeIndustry = 'software_it_services';
const genGroups: GroupId[] = ['entity_eligibility', 'sme_declaration'];
// @ts-expect-error: not a group
const genBadGroup: GroupId = 'sme';
const genPolicyKeys: PolicyKey[] = ['sectorFineThresholds', 'bankLetterMaxAgeMonths'];
// @ts-expect-error: retired (the window is statutory)
const genRetired: PolicyKey = 'lookbackYears';
/** true when A and B are the same union. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const genPolicyExact: Same<PolicyKey, keyof Policy> = true;
const genArg: ArgumentType = 'field_spec';
const genVerdict: Verdict = sr.verdict;
// @ts-expect-error: a group status, not a verdict
const genBadVerdict: Verdict = 'not_applicable';
const genGroup: CheckGroup | undefined = sr.groups[0];
const genEvidence: Evidence | null | undefined = genGroup?.path;
const genMembers: MemberReport[] | undefined = sr.members;
const genSummary: GroupSummary | undefined = sr.members?.[0]?.groups[0];
const genChecked: CheckedItem | undefined = sr.item;
const genScreened: ScreenedItem | undefined = report.item;
const genStep: PathEntry | undefined = hits[0]?.path[0];
const genConflict: PackageConflict | undefined = pr.conflicts[0];
void [genEntityTypes, genKindIsType, genPersonKind, genClass, genPenalties, genBadPenalty, genLevel, genBadLevel,
  genIndustry, genGroups, genBadGroup, genPolicyKeys, genRetired, genPolicyExact, genArg, genVerdict, genBadVerdict,
  genEvidence, genMembers, genSummary, genChecked, genScreened, genStep, genConflict];
// ---- issue 15: the page survives a .wasm that cannot be loaded ----
import { ready as wasmReady, isAvailable, type PrecheckUnavailableError } from 'procurement-precheck';
const loaded: Promise<boolean> = wasmReady;
void loaded;
const canCheck: boolean = isAvailable();
void canCheck;
declare const surviving: HTMLFormElement;
surviving.addEventListener('precheck:unavailable', (e) => {
  const err: PrecheckUnavailableError = e.detail.error;
  const code: 'unavailable' = err.code;
  void code;
});
const offHandle = attach(surviving);
if (offHandle.unavailable) offHandle.check().unavailable satisfies true | undefined;
