// Public TypeScript types of procurement-precheck. build.rs appends the FindingCode union
// generated from data/messages.tsv; the shapes mirror the serde types in src/ (checked by the
// JS tests, which compare results against them with the TypeScript compiler).

/** Message language. Lenient tags such as "zh", "zh-Hant", "en-GB" are accepted too. */
export type Locale = "zh-CN" | "zh-TW" | "en" | (string & {});

export type Severity = "error" | "warning" | "info";

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

export interface MobileOptions extends FieldOptions {
  /** Accept a landline with area code (010-12345678); default false. */
  allowLandline?: boolean;
}

export type EntityKind =
  | "enterprise" | "individual_business" | "farmers_cooperative" | "social_organization"
  | "public_institution" | "state_organ" | "rural_collective" | "self_governing"
  | "legal_service" | "other";

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

/** Thrown for a call that cannot be checked at all (bad options), never for bad values. */
export interface PrecheckError extends Error {
  name: "PrecheckError";
  code: FindingCode;
  /** The option at fault, e.g. "opts.locale". */
  path: string;
}

// ---- the catalogue ----

export type BuiltinCatalogueName = "central-2020" | "county-example-2023" | "pinmu-2022-services";

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

export interface SearchHit {
  item: CatalogueItem;
  /** From the top-level class down to the item. */
  path: { code: string; name: string }[];
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
  item?: { code: string; name: string; path: { code: string; name: string }[] };
  termMonths?: number;
  /** YYYY-MM-DD */
  asOf: string;
  /** Version of the catalogue screened against. */
  catalogue: string;
}

// ---- Supplier qualification (checkSupplier) ----

export type EntityType = "enterprise" | "individual_business" | "farmers_cooperative" | "social_organization"
  | "public_institution" | "state_organ" | "rural_collective" | "self_governing" | "legal_service"
  | "natural_person" | "other";
/** Major: criminal, suspension (责令停产停业), closure (责令关闭), revocation, a fine at the threshold.
 * For the purchaser's review (行政处罚法 Art. 9): qualification_downgrade (降低资质等级),
 * business_restriction (限制开展生产经营活动), practice_restriction (限制从业), licence_suspension
 * (暂扣许可证件), other. Not among GPL-IR Art. 19's kinds: warning, public_criticism (通报批评),
 * confiscation (没收违法所得/非法财物). */
export type PenaltyKind = "criminal" | "suspension" | "closure" | "revocation" | "fine" | "procurement_ban"
  | "qualification_downgrade" | "business_restriction" | "practice_restriction" | "licence_suspension"
  | "warning" | "public_criticism" | "confiscation" | "other";
export type IssuerLevel = "township" | "county" | "city" | "province" | "national";
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
  validUntil?: DateInput;
}

/** What a supplier-registration or bid form holds (field names are the contract). */
export interface SupplierApplication {
  entityType: EntityType;
  /** Public institutions only. */
  institutionClass?: "public_welfare_1" | "public_welfare_2" | "business";
  /** Social organisations only. */
  fiscallyFundedMassOrganization?: boolean;
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
    /** Months paid, "YYYY-MM". */
    paidMonths?: string[];
    exemption?: { reason: string };
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
  members?: SupplierApplication[];
}

/** Every number local practice varies, with RULES.md defaults. */
export interface Policy {
  /** 较大数额罚款 per sector of the penalising body, 元 (each at least "2000000.00"); any other
   * sector: 2,000,000.00. (`majorFineThreshold` and `lookbackYears` are retired: naming them is an
   * error — the three-year window is statutory, a portal-wide raise has no basis.) */
  sectorFineThresholds: Record<string, string>;
  socialSecurityMonths: number;
  creditQueryMaxAgeDays: number;
  allowCommitments: boolean;
  abnormalOperationSeverity: Severity;
  usccPilotAllowlist: string[];
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
}

export type GroupId = "entity_eligibility" | "legal_capacity" | "reputation_and_accounting"
  | "equipment_and_capability" | "tax_and_social_security" | "no_major_violation" | "other_conditions";
export type GroupStatus = "pass" | "fail" | "incomplete" | "not_applicable";

export interface CheckGroup {
  id: GroupId;
  status: GroupStatus;
  /** What decided the group: documents given, or the applicant's commitment (承诺). */
  path: "documents" | "commitment" | null;
  findings: Finding[];
}

export interface SupplierReport {
  verdict: "pass" | "fail" | "incomplete";
  /** All seven groups, in order. */
  groups: CheckGroup[];
  /** Every finding (of every group and member), to highlight fields from one list. */
  findings: Finding[];
  /** Consortia: each member's verdict. */
  members?: { path: string; name?: string; verdict: "pass" | "fail" | "incomplete";
    groups: { id: GroupId; status: GroupStatus; path: "documents" | "commitment" | null }[] }[];
  /** The catalogue item checked against. */
  item?: { code: string; name: string; catalogue: string; requirements: Requirement[] };
  /** YYYY-MM-DD */
  asOf: string;
  /** The effective policy. */
  policy: Policy;
}
