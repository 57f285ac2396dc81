// Public TypeScript types of procurement-precheck: the shapes, kept by hand. The unions of the
// Rust lists (FindingCode, Severity, EntityType, PenaltyKind, GroupId, …) are generated into
// generated.d.ts (see crates/precheck-testkit/src/typescript.rs), which src/lib.rs embeds next
// to this file. crates/precheck/tests/typescript.rs checks that the interfaces carry the Rust
// types' names and the keys the core reads; the JS tests compare results against the shapes
// with the TypeScript compiler.

/** Message language. Lenient tags such as "zh", "zh-Hant", "en-GB" are accepted too. */
export type Locale = "zh-CN" | "zh-TW" | "en" | (string & {});

/** One finding: which field, which rule, how serious, why (RULES.md §6). */
export interface Finding {
  /** The form field to highlight, e.g. "uscc" or "penalties[2].fineAmount". */
  path: string;
  /** Stable code; never renamed. */
  code: FindingCode;
  severity: Severity;
  /** The qualification check group, where there is one. */
  group?: GroupId;
  /** The legal basis or standard of the rule. */
  basis?: string;
  /** The message in the requested locale, naming the field by its label. */
  message: string;
  /** Locale-neutral parameters (dates YYYY-MM-DD, amounts 1234.56). */
  params: Record<string, string>;
}

/** What every field check returns. */
export interface CheckResult<I> {
  /** No finding of severity "error". */
  ok: boolean;
  /** The normalised value, or null when empty or unusable. */
  value: string | null;
  findings: Finding[];
  /** Decoded parts, when the value could be read. */
  info?: I;
}

/** Options every field check takes. */
export interface FieldOptions {
  /** Message language; default "zh-CN". */
  locale?: Locale;
  /** The field's label as the form shows it; messages use it. */
  label?: string;
  /** The path findings carry; default the field's key ("uscc", "idNumber", …). */
  path?: string;
  /** Whether an empty value is an error; default true. */
  required?: boolean;
}

export interface UsccOptions extends FieldOptions {
  /** Real pilot-era codes that fail the check character: accepted with a warning. */
  usccPilotAllowlist?: string[];
}

export interface IdNumberOptions extends FieldOptions {
  /** The date the birth date may not be after and the age is counted on; default today. */
  today?: string;
}

export interface AmountOptions extends FieldOptions {
  /** Unit of a bare number; a unit written in the text (元, 万元) wins. Default "yuan". */
  unit?: "yuan" | "wan";
  /** Accept negative amounts; default false. */
  allowNegative?: boolean;
}

export interface AmountToUppercaseOptions {
  unit?: "yuan" | "wan";
  locale?: Locale;
}

export interface UppercaseOptions extends FieldOptions {
  /** Unit of the figures when they are a bare number. */
  unit?: "yuan" | "wan";
  /** Path and label of the figures field, for its findings; default "amount" / 金额. */
  amountPath?: string;
  amountLabel?: string;
}

export interface DateOptions extends FieldOptions {
  /** Accept 长期 / 長期 / 长期有效 / long-term (and 永久, 无固定期限, permanent) as "valid without an
   *  end date", as a licence's `validUntil` or a registration's `termEnd` may say: the result is
   *  ok with no finding, `value` "长期" and no `info`. Default false: such text is `date.format`. */
  allowLongTerm?: boolean;
}

export interface MobileOptions extends FieldOptions {
  /** Accept a landline with area code (010-12345678); default false. */
  allowLandline?: boolean;
}

export interface UsccInfo {
  authorityCode: string;
  /** Registration authority, e.g. 市场监管. */
  authority: string;
  typeCode: string;
  /** Entity type, e.g. 企业. */
  type: string;
  entityKind: EntityKind;
  /** Positions 3–8: the registering authority's division code. */
  divisionCode: string;
  /** Province of that division, or 全国. */
  province: string;
  /** Positions 9–17 as XXXXXXXX-C. */
  orgCode: string;
  /** "市场监管 · 企业 · 北京市". */
  summary: string;
}

export interface IdNumberInfo {
  /** YYYY-MM-DD */
  birthDate: string;
  sex: "male" | "female";
  /** Whole years on opts.today (default today). */
  age: number;
  divisionCode: string;
  provinceCode: string;
  province: string;
}

export interface OrgCodeInfo {
  body: string;
  checkChar: string;
}

export interface RegNo15Info {
  divisionCode: string;
}

export interface AmountInfo {
  /** In 元 with two decimals, e.g. "1234.50". */
  yuan: string;
  /** In 分, an integer string. */
  fen: string;
  /** The unit the amount was entered in. */
  unit: "yuan" | "wan";
  /** Canonical 大写金额 (absent for negative amounts and for 10^12 元). */
  uppercase?: string;
}

export interface UppercaseInfo {
  /** The value the uppercase text spells, in 元. */
  parsed: string;
  /** The figures in 元, when they could be read. */
  amount?: string;
  /** Canonical spelling of the figures. */
  canonical?: string;
  /** Whether the spelling is one the PBOC rules allow. */
  standard: boolean;
}

export interface DateInfo {
  year: number;
  month: number;
  day: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export interface PhoneInfo {
  kind: "mobile" | "landline";
  areaCode?: string;
  extension?: string;
}

export interface ArgumentErrorOptions {
  locale?: Locale;
}

/** Thrown for a call that cannot be checked at all (bad options), never for bad values. */
export interface PrecheckError extends Error {
  name: "PrecheckError";
  code: FindingCode;
  /** The option at fault, e.g. "opts.locale". */
  path: string;
}

// ---- the catalogue ----

/** A licence an item requires. */
export interface Requirement {
  /** Kind of licence or qualification, e.g. 公路养护作业单位资质. */
  kind: string;
  /** Lowest acceptable grade (一级 … 四级, 甲级 … 丁级, 特级); none = holding it suffices. */
  minGrade?: string;
  /** Who must have issued it. */
  issuer?: string;
}

/** Where an item, or a change to it, came from. */
export interface Origin {
  issuer: string;
  version: string;
  change: "base" | "added" | "renamed" | "requirements_added";
  /** The former name, for "renamed". */
  from?: string;
}

/** A catalogue item as stored (and as written in catalogue JSON). */
export interface CatalogueItem {
  code: string;
  name: string;
  /** 1 for a top-level class. */
  level: number;
  parent?: string;
  aliases?: string[];
  keywords?: string[];
  /** 政府采购品目 codes: A goods, B works, C services. */
  pinmu?: string[];
  requirements?: Requirement[];
  /** YYYY-MM-DD */
  validFrom?: string;
  validTo?: string;
  origin?: Origin[];
}

/** An item as a catalogue file gives it (level optional: derived from the tree). */
export type CatalogueItemInput = Omit<CatalogueItem, "level" | "origin"> & { level?: number };

/** The JSON format of a catalogue (schema/catalogue.schema.json). */
export interface CatalogueJson {
  version: string;
  issuer: string;
  note?: string;
  items: CatalogueItemInput[];
}

/** The JSON format of an overlay (schema/overlay.schema.json). */
export interface OverlayJson {
  version: string;
  issuer: string;
  note?: string;
  add?: CatalogueItemInput[];
  rename?: { code: string; name: string; aliases?: string[] }[];
  withdraw?: { code: string; reason?: string }[];
  require?: { code: string; requirements: Requirement[] }[];
}

/** Options of `Catalogue.fromJson` and `cat.overlay`: the language of the error messages. */
export interface LoadOptions {
  locale?: Locale;
}

/** Options of `cat.search`. */
export interface SearchOptions {
  /** Most hits returned (default 20, at most 200). */
  limit?: number;
}

/** One step of an item's path in the catalogue. */
export interface PathEntry {
  code: string;
  name: string;
}

export interface SearchHit {
  item: CatalogueItem;
  /** From the top-level class down to the item. */
  path: PathEntry[];
  matched: "code" | "name" | "alias" | "keyword" | "pinyin";
  how: "exact" | "prefix" | "substring" | "full" | "mixed" | "initials";
}

/** A purchaser's project, as screenPurchase reads it. */
export interface PurchaseProject {
  /** The catalogue item bought. */
  itemCode: string;
  title?: string;
  description?: string;
  /** 品目 codes of the procurement plan (default: the item's). */
  pinmu?: string[] | string;
  budget?: { amount?: string | number; unit?: "yuan" | "wan"; secured?: boolean };
  contractTerm?: { start?: string; end?: string; months?: number };
  /** 相对固定、连续性强、经费来源稳定、价格变化幅度小 (allows up to 3 years with a secured budget). */
  stable?: boolean;
}

export interface ScreenOptions {
  /** The catalogue to screen against (default: Catalogue.builtin()). */
  catalogue?: Catalogue;
  /** The date screened for, YYYY-MM-DD; default today. */
  asOf?: string;
  locale?: Locale;
}

export interface ScreenReport {
  ok: boolean;
  findings: Finding[];
  item?: ScreenedItem;
  termMonths?: number;
  /** YYYY-MM-DD */
  asOf: string;
  /** Version of the catalogue screened against. */
  catalogue: string;
}

/** The item a purchase was screened for. */
export interface ScreenedItem {
  code: string;
  name: string;
  path: PathEntry[];
}

// ---- Supplier qualification (checkSupplier) ----

/** A date as typed: YYYY-MM-DD, 2024/1/5, 2024年1月5日, 20240105. */
export type DateInput = string;
/** Money as typed: "1,234.56", "250", 2500000 (exact decimals; never floating point internally). */
export type MoneyInput = string | number;

export interface Penalty {
  kind: PenaltyKind;
  decidedOn: DateInput;
  fineAmount?: MoneyInput;
  fineUnit?: "yuan" | "wan";
  /** Named in the findings; a township-level penalty counts like any other (rev. 2). */
  issuerLevel?: IssuerLevel;
  /** Sector of the penalising body (生态环境, 市场监管, …): its `sectorFineThresholds` entry applies. */
  sector?: string;
  /** Last day of a procurement ban or suspension. */
  banUntil?: DateInput;
  description?: string;
}

/** A bank credit letter (银行资信证明) or a guarantee letter (担保函): `true`, or dated. */
export type FinancialLetter = boolean | { issuedOn?: DateInput; issuer?: string };

export interface Licence {
  kind: string;
  grade?: string;
  number?: string;
  issuer?: string;
  /** Last day of validity, or "长期" / "long-term" for a licence without an end date. A
   *  licence without it is not taken as valid: the requirement is incomplete (rev. 2). */
  validUntil?: DateInput | "长期" | "long-term";
}

/** What a supplier-registration or bid form holds (field names are the contract). */
export interface SupplierApplication {
  entityType: EntityType;
  /** Public institutions only. "administrative" (行政类) may not be an undertaker (rev. 2). */
  institutionClass?: InstitutionClass;
  /** A 群团组织 funded by fiscal appropriation (with or without 事业编制) is excluded. */
  fiscallyFundedMassOrganization?: boolean;
  /** A 群团组织 (rev. 2): then fiscallyFundedMassOrganization must be stated. A USCC of type
   *  13 or 81 counts as this. */
  massOrganization?: boolean;
  /** Natural persons aged 16–17 living mainly on their own labour income (民法典 Art. 18). */
  selfSupporting?: boolean;
  /** A branch (分公司, rev. 2): needs headOffice with its authorisation. */
  branch?: boolean;
  headOffice?: {
    name: string;
    uscc: string;
    /** The head office's letter of authorisation: true, or a description of the document. */
    authorisation: boolean | string;
  };
  name: string;
  uscc?: string;
  /** Natural persons. */
  idNumber?: string;
  registration?: { status: string; establishedOn: DateInput; termEnd?: DateInput | null };
  /** Financial evidence (GPL-IR Art. 17(二)), any one of: a recent audited report, a bank credit
   * letter, a guarantee letter, or (established less than a year before the deadline) an unaudited
   * financial status report; plus the balance-sheet figures when given. */
  financials?: {
    /** The last fiscal year, or the one before while the deadline is before `auditedReportDueDate`. */
    auditedReportYear?: number | string;
    totalAssets?: MoneyInput;
    totalLiabilities?: MoneyInput;
    ownersEquity?: MoneyInput;
    /** When dated, not older than `bankLetterMaxAgeMonths` before the deadline. */
    bankCreditLetter?: FinancialLetter;
    guaranteeLetter?: FinancialLetter;
    unauditedReport?: boolean;
  };
  taxSocialSecurity?: {
    /** Months both tax and social security were paid, "YYYY-MM" (revision 1; still counts for both). */
    paidMonths?: string[];
    /** Months tax was paid, "YYYY-MM" (rev. 2). */
    taxPaidMonths?: string[];
    /** Months social security was paid, "YYYY-MM" (rev. 2). */
    socialSecurityPaidMonths?: string[];
    /** Exempt from both (revision 1). */
    exemption?: { reason: string };
    /** 依法免税 (rev. 2). */
    taxExemption?: { reason: string };
    /** 不需缴纳社保 (rev. 2). */
    socialSecurityExemption?: { reason: string };
    abnormalTaxpayer?: boolean;
  };
  credit?: {
    /** May be after the deadline; not after today (rev. 2). */
    queriedOn: DateInput;
    judgmentDefaulter: boolean;
    majorTaxViolator: boolean;
    procurementBlacklist: boolean;
    abnormalOperation?: boolean;
    /** Market-regulation 严重违法失信名单: a warning unless `seriousIllegalDishonestSeverity` is "error". */
    seriousIllegalDishonest?: boolean;
  };
  penalties?: Penalty[];
  licences?: Licence[];
  equipment?: { name: string; quantity?: number | string }[];
  staff?: { name: string; role?: string; qualification?: string }[];
  commitments?: {
    reputationAndAccounting?: boolean;
    taxAndSocialSecurity?: boolean;
    noMajorViolation?: boolean;
    equipmentAndCapability?: boolean;
  };
  /** A consortium (联合体): every member is checked. */
  members?: ConsortiumMember[];
  /** A consortium's agreement (联合协议); without it the consortium is incomplete (rev. 2). */
  agreement?: { signedOn: DateInput };
  /** 中小企业声明函 (group `sme_declaration`; absent: not applicable). */
  sme?: SmeDeclaration;
  /** A consortium member's share of the contract, percent (0–100). */
  contractShare?: number | string;
  /** GPL-IR Art. 18 para 2: provided the overall design, specification, project management,
   *  supervision or testing for this project (true fails `other_conditions`). */
  providedProjectServices?: boolean;
  /** 单位负责人 (GPL-IR Art. 18 para 1; compared across a package by `checkPackage`, a 15-digit
   *  legacy number as its 18-digit form). `idNumber` is checked as a 身份证 in `other_conditions`. */
  legalRepresentative?: { name?: string; idNumber?: string };
  /** The controlling shareholder (GPL-IR Art. 18 para 1; compared by `checkPackage`). `uscc` is
   *  checked as a USCC and `idNumber` as a 身份证, in `other_conditions`. */
  controllingShareholder?: { name?: string; uscc?: string; idNumber?: string };
}

/** A consortium member: an application plus the work it undertakes under the agreement. */
export interface ConsortiumMember extends SupplierApplication {
  /** Licence kinds of the work the member undertakes; members holding the same kind and
   *  undertaking the same work are graded at the lowest of their grades (GPL-IR Art. 22). */
  undertakes?: string[];
}

/** 中小企业声明函 (财库〔2020〕46号). */
export interface SmeDeclaration {
  /** The industry the procurement documents name for the package. */
  industry?: SmeIndustry | string;
  /** 从业人员 (persons). */
  employees?: number | string;
  /** 营业收入, in `revenueUnit` (default yuan). */
  revenue?: MoneyInput;
  revenueUnit?: "yuan" | "wan" | "元" | "万元";
  /** 资产总额, in `assetsUnit` (default yuan). */
  totalAssets?: MoneyInput;
  assetsUnit?: "yuan" | "wan" | "元" | "万元";
  /** 中型 / 小型 / 微型 accepted. */
  declaredSize?: "medium" | "small" | "micro" | "中型" | "小型" | "微型";
  /** Same 负责人 as, or directly controlled or managed by, a large enterprise (true: not an SME). */
  relatedToLargeEnterprise?: boolean;
  /** The service is provided by the enterprise's own staff under labour contracts (false: no SME measures). */
  ownStaff?: boolean;
  /** 残疾人福利性单位 (财库〔2017〕141号): small or micro without figures. */
  welfareUnit?: boolean;
  /** 监狱企业 (财库〔2014〕68号): small or micro without figures. */
  prisonEnterprise?: boolean;
}

/** What `sme_declaration` computed (its `params`). */
export interface SmeParams {
  computedSize?: "large" | "medium" | "small" | "micro" | "small_micro" | "sme";
  declaredSize?: "medium" | "small" | "micro";
  industry?: SmeIndustry;
  reservedPackage: "eligible" | "not_eligible";
  /** The policy's smePriceDeduction for small and micro enterprises, else "none". */
  priceDeduction: string;
  /** Consortia: percent of the contract of the SME members, and of the small and micro ones. */
  smeShare?: string;
  smallMicroShare?: string;
}

/** Every number local practice varies, with RULES.md defaults. */
export interface Policy {
  /** 较大数额罚款 per sector of the penalising body, 元 (each at least "2000000.00"); any other
   * sector: 2,000,000.00. (`majorFineThreshold` and `lookbackYears` are retired: naming them is an
   * error — the three-year window is statutory, a portal-wide raise has no basis.) */
  sectorFineThresholds: Record<string, string>;
  /** Months of social-security payment needed in the payment window (1). */
  socialSecurityMonths: number;
  /** Months of tax payment needed in the payment window (1; rev. 2). */
  taxMonths: number;
  /** The payment window, months before the deadline (12; some provinces 6 or 3; rev. 2). */
  paymentWindowMonths: number;
  creditQueryMaxAgeDays: number;
  allowCommitments: boolean;
  abnormalOperationSeverity: Severity;
  usccPilotAllowlist: string[];
  /** The SME price deduction the procurement documents set; default "10%–20%" (财库〔2022〕19号). */
  smePriceDeduction: string;
  /** Default "warning"; "error" fails the group. */
  seriousIllegalDishonestSeverity: "warning" | "error";
  /** MM-DD; default "06-30": before it, last-but-one year's audited report is still recent. */
  auditedReportDueDate: string;
  /** Default true. */
  acceptBankCreditLetter: boolean;
  /** Default 6 (1 - 60). */
  bankLetterMaxAgeMonths: number;
}

export type PolicyInput = Partial<Omit<Policy, "sectorFineThresholds">>
  & { sectorFineThresholds?: Record<string, MoneyInput> };

export interface SupplierOptions {
  /** The bid or response deadline, YYYY-MM-DD; default today. */
  asOf?: string;
  /** The catalogue item bid for: its licence requirements are checked. */
  itemCode?: string;
  /** The catalogue itemCode is looked up in (default: Catalogue.builtin()). */
  catalogue?: Catalogue;
  policy?: PolicyInput;
  locale?: Locale;
  /** The form's own labels, for the messages: by path ("penalties[2].fineAmount"), by key with
   *  [] for any row ("penalties[].fineAmount", "members[].uscc") or by dotted key
   *  ("penalties.fineAmount", "uscc"), most specific first. A member's field without a label of
   *  its own uses the label of the same field outside members[] inside "联合体成员n的…". Blank or
   *  null labels are left out; another type is a PrecheckError naming opts.labels / opts.labels.<key>. */
  labels?: Readonly<Record<string, string | null>>;
}

export interface CheckGroup {
  id: GroupId;
  status: GroupStatus;
  /** What decided the group: documents given, or the applicant's commitment (承诺). */
  path: Evidence | null;
  findings: Finding[];
  /** `sme_declaration` only. */
  params?: SmeParams;
}

/** A check group's status without its findings (for consortium members). */
export interface GroupSummary {
  id: GroupId;
  status: GroupStatus;
  path: Evidence | null;
}

/** A consortium member's own result (its findings are in the consortium's groups). */
export interface MemberReport {
  /** `members[0]`, … */
  path: string;
  name?: string;
  verdict: Verdict;
  groups: GroupSummary[];
}

/** The catalogue item an application was checked for. */
export interface CheckedItem {
  code: string;
  name: string;
  /** The catalogue's `version`. */
  catalogue: string;
  requirements: Requirement[];
}

export interface SupplierReport {
  verdict: Verdict;
  /** All eight groups, in order: the seven of GPL Art. 22 / MOF-102, which decide `verdict`,
   *  then `sme_declaration`, which has its own status and never changes the verdict. */
  groups: CheckGroup[];
  /** Every finding (of every group and member), to highlight fields from one list. */
  findings: Finding[];
  /** Consortia: each member's verdict. */
  members?: MemberReport[];
  /** The catalogue item checked against. */
  item?: CheckedItem;
  /** YYYY-MM-DD */
  asOf: string;
  /** The effective policy. */
  policy: Policy;
}

/** One GPL-IR Art. 18 para 1 conflict between two applications of a package. */
export interface PackageConflict {
  code: "other_conditions.same_legal_representative" | "other_conditions.controlling_shareholder";
  /** Indices into the applications. */
  applications: [number, number];
  /** The field of each application the error is at (e.g. "legalRepresentative.idNumber"). */
  paths: [string, string];
  names: [string | null, string | null];
  /** `idNumber` (masked), or `controller` and `controlled`. */
  params: Record<string, string>;
}

/** `checkPackage`: each application's report (with its conflicts as errors of
 *  `other_conditions`), and the conflicts. */
export interface PackageReport {
  reports: SupplierReport[];
  conflicts: PackageConflict[];
}
