/// <reference lib="dom" />
// procurement-precheck — types of the package entry. The checks and their types are generated
// from the Rust sources by wasm-bindgen (see src/wasm.rs and src/wasm_types.d.ts); below them,
// the JS wrappers: screenPurchase / checkSupplier, attach (DOM) and the form-library adapters.
export * from './procurement_precheck.js';

// wasm-bindgen declares `Catalogue[Symbol.dispose]()` (for `using`); portals compile with
// TypeScript libs older than esnext.disposable, which lack `Symbol.dispose`. Declared here as
// that lib declares it, so both agree where it is present.
declare global {
  interface SymbolConstructor {
    readonly dispose: unique symbol;
  }
}
import type {
  PurchaseProject, ScreenOptions, ScreenReport, SupplierApplication, SupplierOptions, SupplierReport,
  PackageReport,
  CheckResult, Finding, Locale, UsccInfo, IdNumberInfo, OrgCodeInfo, RegNo15Info, AmountInfo, UppercaseInfo,
  DateInfo, PhoneInfo, FindingCode,
} from './procurement_precheck.js';

/** Screen a purchaser's project (政府购买服务管理办法 Arts. 10, 14, 24) against `opts.catalogue`
 *  (default: the embedded central-2020 catalogue). */
export declare function screenPurchase(project: PurchaseProject, opts?: ScreenOptions): ScreenReport;

/** Check a supplier's application against 政府采购法 Art. 22 and 政府购买服务管理办法 (RULES.md
 *  §2–§3): a verdict, the seven check groups with their findings, each finding with its field
 *  path, legal basis and (for penalties) the day the record stops counting (`params.clearsOn`).
 *  Bad values are findings; bad options throw a `PrecheckError`. */
export declare function checkSupplier(application: SupplierApplication, opts?: SupplierOptions): SupplierReport;

/** Check every bid of one package (each as checkSupplier does) and the GPL-IR Art. 18 conflicts
 *  across them — same 单位负责人 (legalRepresentative.idNumber), or one the other's controlling
 *  shareholder — each an error of `other_conditions` on both reports, naming the other. */
export declare function checkPackage(applications: SupplierApplication[], opts?: SupplierOptions): PackageReport;

// ---- attach: progressive enhancement of an existing <form> (needs a DOM) ----

/** The field checks by name; `phone` is `checkMobile` with `allowLandline: true`. */
export type FieldCheck =
  | "uscc" | "idNumber" | "orgCode" | "regNo15" | "amount" | "uppercaseAmount" | "date" | "mobile" | "phone";

/** What each field check decodes. */
export interface FieldInfo {
  uscc: UsccInfo;
  idNumber: IdNumberInfo;
  orgCode: OrgCodeInfo;
  regNo15: RegNo15Info;
  amount: AmountInfo;
  uppercaseAmount: UppercaseInfo;
  date: DateInfo;
  mobile: PhoneInfo;
  phone: PhoneInfo;
}

/** The options of a check beside locale and path (see the option types of each function). */
export interface FieldCheckOptions {
  /** The label messages name the field by. */
  label?: string;
  /** Whether an empty value is an error. */
  required?: boolean;
  /** amount: unit of a bare number; uppercaseAmount: unit of the figures. */
  unit?: "yuan" | "wan";
  /** amount: accept negative amounts. */
  allowNegative?: boolean;
  /** mobile: accept a landline with area code too. */
  allowLandline?: boolean;
  /** idNumber: the day birth dates may not be after and ages are counted on, YYYY-MM-DD. */
  today?: string;
  /** uscc: pilot-era codes accepted with a warning. */
  usccPilotAllowlist?: string[];
  /** uppercaseAmount: label of the figures, for their findings. */
  amountLabel?: string;
  /** date: accept 长期 / long-term as a value (value "长期"); `attach` sets it for fields named
   *  validUntil and termEnd. */
  allowLongTerm?: boolean;
}

/** One mapped field of `attach`: a CSS selector, or a selector with options. */
export interface AttachFieldSpec extends Omit<FieldCheckOptions, "unit"> {
  /** Inputs of the field, within the form; default `[data-precheck="<key>"]`. A key with `[]`
   *  takes every match, one entry each in document order; otherwise the first match (radios
   *  and several checkboxes: all of them). */
  selector?: string;
  /** The check; default from the key's last name (uscc, idNumber, orgCode, regNo15, mobile,
   *  phone, amount, capital, fineAmount, totalAssets …, uppercaseAmount, date, establishedOn,
   *  decidedOn, banUntil, validUntil, queriedOn, termEnd). `null`: no check of its own — the
   *  value only goes into the application, and checkSupplier's findings on it are shown. */
  check?: FieldCheck | null;
  /** amount: "yuan" | "wan", or the mapping key of the input holding it (yuan/wan/元/万元);
   *  default the key `<key>Unit` or `<…>Unit` for `<…>Amount` when mapped. */
  unit?: "yuan" | "wan" | (string & {});
  /** uppercaseAmount: the mapping key of the figures; default the only amount field outside
   *  `[]` rows (or, for a key with `[]`, the only one in the same rows). */
  amount?: string;
  /** Show the decoded value when it passes (overrides `AttachOptions.showInfo`). */
  showInfo?: boolean;
}

/** Field names or paths of the application (`uscc`, `registration.establishedOn`,
 *  `penalties[].fineAmount`) or of field checks (`capital`, `mobile`), each to a selector. */
export type AttachMapping = { readonly [key: string]: string | AttachFieldSpec };

/** One mapped input, as checked: in `precheck:field` events and `AttachReport.fields`. */
export interface AttachFieldState {
  /** The mapping key, e.g. "penalties[].fineAmount". */
  key: string;
  /** The key with its row, e.g. "penalties[2].fineAmount": what findings call it. */
  path: string;
  element: HTMLElement;
  /** The label read from the form (or given in the mapping). */
  label: string | undefined;
  check: FieldCheck | null;
  /** The field check's result; null for a field without a check. */
  result: CheckResult<FieldInfo[FieldCheck]> | null;
  /** The check's findings and checkSupplier's findings on this input. */
  findings: Finding[];
  /** No finding of severity "error". */
  valid: boolean;
}

export interface AttachFieldEventDetail extends AttachFieldState {
  reason: "input" | "blur" | "submit" | "check";
}

/** The result of a full check: on submit, from `handle.check()`, and in `precheck:report`. */
export interface AttachReport {
  reason: "submit" | "check";
  /** Every field valid, and checkSupplier's verdict "pass" when it ran. */
  valid: boolean;
  /** The submission was stopped (submit only). */
  blocked: boolean;
  fields: AttachFieldState[];
  /** Every finding: the fields', then checkSupplier's findings on no mapped input. Paths count
   *  rows as the form does (blank rows included); `supplier` keeps checkSupplier's own report,
   *  whose paths count the entries of `application` (blank rows left out). */
  findings: Finding[];
  /** The application checkSupplier was given, when `options.application` is set. */
  application?: SupplierApplication;
  supplier?: SupplierReport;
  /** Nothing was checked: the WebAssembly module did not load (then `valid` is true, `blocked`
   *  false, `fields` and `findings` empty — the form submits as it would without attach). */
  unavailable?: true;
  /** checkSupplier was asked for but is still loading (the attach entry,
   *  `procurement-precheck/attach`, brings it in after the fields): `valid` covers the fields
   *  alone, and a submit whose fields pass is held (`blocked`) and submitted again, checked in
   *  full, once checkSupplier is there. */
  pending?: true;
}

export interface AttachOptions {
  /** Message language; default "zh-CN". */
  locale?: Locale;
  /** When fields are checked; default all three. Without "submit" attach leaves submission alone. */
  validateOn?: ReadonlyArray<"input" | "blur" | "submit">;
  /** Milliseconds of quiet typing before an input is checked; default 300 (0: at once). */
  debounce?: number;
  /** Show the decoded value of a field that passes (e.g. "市场监管 · 企业 · 北京市"): every field,
   *  the listed keys, or what the function returns. Default false. */
  showInfo?: boolean | ReadonlyArray<string> | ((field: AttachFieldState) => string | null | undefined);
  /** Run checkSupplier on submit: `true` reads the application from the mapping; an object adds
   *  fields the form does not have (the form's values win); a function builds it. */
  application?:
    | true
    | Partial<SupplierApplication>
    | ((form: HTMLFormElement, fromMapping: Partial<SupplierApplication>) => SupplierApplication);
  /** Options of checkSupplier (its locale defaults to `locale`). Its `labels` default to the
   *  form's own (each mapped input's spec label or `<label>`, by the application's paths), so
   *  that checkSupplier's findings under an input name it as the form does; labels given here win. */
  checkSupplier?: SupplierOptions;
  /** Stop submission while a field or the supplier fails; default true. */
  blockSubmit?: boolean;
  /** Call form.reportValidity() after stopping a submission (the browser's own bubble); default
   *  true unless the form had `novalidate` itself. */
  reportValidity?: boolean;
  /** An element (or a selector in the document) to list every error and warning in. Filled by a
   *  submit or check(); from then on it follows the fields live: a field fixed leaves the list at
   *  once, one that breaks again joins it (checkSupplier's findings on no mapped input stay until
   *  the next submit). A reset empties it. */
  summary?: Element | string;
  /** Class of the message elements attach adds; default "precheck-message" (the summary list:
   *  "<class>-summary"). Each has data-severity="error" | "warning" | "info" | "". */
  messageClass?: string;
}

export interface AttachHandle {
  readonly form: HTMLFormElement;
  /** False after detach(), and from the start when the checks are unavailable. */
  readonly attached: boolean;
  /** True when the WebAssembly module did not load: attach() left the form as it was. */
  readonly unavailable?: true;
  /** Settles once every check the options ask for can run: true; false when the rest of the
   *  package (checkSupplier) could not be loaded, so that only the fields are checked, or when
   *  the checks are unavailable. Rejects with the PrecheckError of bad `checkSupplier` options
   *  when checkSupplier arrived after attach() returned (the attach entry); the default entry
   *  throws those from attach() itself, and its `complete` is already true. */
  readonly complete: Promise<boolean>;
  /** Checks every field (and the supplier) now, shows the messages, emits precheck:report.
   *  Unavailable: a report with `unavailable: true` that blocks nothing. */
  check(): AttachReport;
  /** Removes the listeners and the elements attach added, and puts back every attribute and
   *  validity message it changed: the form is as it was. */
  detach(): void;
}

/**
 * Progressive enhancement of an existing `<form>`: checks the mapped inputs on input, blur and
 * submit and reports through the browser's constraint validation (setCustomValidity), aria-invalid,
 * aria-describedby → a message element, and the events `precheck:field` (on the input, bubbling)
 * and `precheck:report` (on the form). Without a mapping, the inputs' `data-precheck` attributes
 * name their fields. Bad options throw a PrecheckError, an unknown check or key a TypeError.
 */
export declare function attach(form: HTMLFormElement, mapping?: AttachMapping | null, options?: AttachOptions): AttachHandle;

declare global {
  interface HTMLElementEventMap {
    "precheck:field": CustomEvent<AttachFieldEventDetail>;
    "precheck:report": CustomEvent<AttachReport>;
    "precheck:unavailable": CustomEvent<UnavailableEventDetail>;
  }
}

/** `precheck:unavailable` (on the form, bubbling, just after attach() returns): the WebAssembly
 *  module did not load, attach() did nothing, the form works as without it. */
export interface UnavailableEventDetail {
  error: PrecheckUnavailableError;
  /** What loading the module threw (a 404's TypeError, a CompileError under a strict CSP …). */
  cause: unknown;
}

// ---- availability: the page survives a .wasm that cannot be loaded ----

/** Thrown by every check (and screenPurchase, checkSupplier, Catalogue …) while the module is
 *  not loaded: a 404, a wrong MIME type, a CSP without 'wasm-unsafe-eval', no WebAssembly.
 *  Importing the package never rejects for that. */
export interface PrecheckUnavailableError extends Error {
  name: "PrecheckError";
  code: "unavailable";
  path: "";
  /** What loading the module threw. */
  cause?: unknown;
}

/** Settles once the module has loaded (true) or could not be (false); never rejects. The default
 *  and single-file entries have settled by the time an import of them resolves. */
export declare const ready: Promise<boolean>;
/** The checks can run: the WebAssembly module loaded. */
export declare function isAvailable(): boolean;

// ---- adapters: async-validator (Element UI, Element Plus, Ant Design) and Standard Schema ----

/** One field of toAsyncValidatorRules: a check name, or a check with options. */
export type ValidatorField = FieldCheck | ValidatorFieldSpec;

export interface ValidatorFieldSpec extends FieldCheckOptions {
  check: FieldCheck;
  /** uppercaseAmount: the figures — a key of the form model, or a function of the model. */
  amount?: string | ((model: Readonly<Record<string, unknown>> | undefined) => unknown);
  /** When the form library runs the rule; default the options' trigger. */
  trigger?: string | string[];
}

export interface AsyncValidatorRulesOptions {
  /** Message language; default "zh-CN". */
  locale?: Locale;
  /** Element UI / Element Plus trigger of every rule; default "blur". */
  trigger?: string | string[];
}

/** A rule as async-validator (Element UI, Element Plus) and Ant Design's Form take it. The
 *  validator returns a Promise rejected with an Error carrying the message (every async-validator
 *  version and Ant Design await it); it never calls back. Its type is `Promise<void> & void` so
 *  that it also fits async-validator's own `RuleItem`, which declares synchronous results only. */
export interface AsyncValidatorRule {
  /** Whether the check requires a value (also what draws the form's required asterisk). */
  required: boolean;
  trigger: string | string[];
  validator(
    rule: { field?: string; fullField?: string },
    value: unknown,
    callback?: unknown,
    source?: Readonly<Record<string, unknown>>,
  ): Promise<void> & void;
}

/** async-validator rules from `{ creditCode: 'uscc', capital: { check: 'amount', unit: 'wan' } }`,
 *  with the package's messages (zh-CN by default) naming each field by its `label`. Another
 *  shape of `fields` (a number, a string, null, a spec that is neither a check name nor an
 *  object with a `check`) throws a PrecheckError naming it (`fields`, `fields.uscc`); an unknown
 *  check name a TypeError. */
export declare function toAsyncValidatorRules<F extends { readonly [name: string]: ValidatorField }>(
  fields: F, options?: AsyncValidatorRulesOptions,
): { [K in keyof F]: AsyncValidatorRule[] };
/** The same from an array of check names, each a field of that name with that check:
 *  `toAsyncValidatorRules(['uscc', 'mobile'])` is `toAsyncValidatorRules({ uscc: 'uscc', mobile: 'mobile' })`.
 *  An entry that is not a string throws a PrecheckError naming it (`fields[1]`). */
export declare function toAsyncValidatorRules<N extends readonly Exclude<FieldCheck, "uppercaseAmount">[]>(
  fields: N, options?: AsyncValidatorRulesOptions,
): { [K in N[number]]: AsyncValidatorRule[] };

/** The Standard Schema v1 interface (https://standardschema.dev), as the spec asks libraries
 *  to copy it. */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly "~standard": StandardSchemaV1.Props<Input, Output>;
}
export declare namespace StandardSchemaV1 {
  interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options | undefined) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }
  type Result<Output> = SuccessResult<Output> | FailureResult;
  interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }
  interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }
  interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }
  interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }
  interface PathSegment {
    readonly key: PropertyKey;
  }
  interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }
  type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["input"];
  type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema["~standard"]["types"]>["output"];
}

/** An issue of the package's schemas: a Standard Schema issue with the finding behind it. */
export interface PrecheckIssue extends StandardSchemaV1.Issue {
  readonly code: FindingCode;
  readonly finding: Finding;
  /** checkSupplier's issues: the finding's path as segments, e.g. ["penalties", 2, "fineAmount"]. */
  readonly path?: ReadonlyArray<string | number>;
}

/** A Standard Schema (assignable to StandardSchemaV1<Input, Output>) whose validate is
 *  synchronous and whose issues are PrecheckIssues. */
export interface PrecheckSchema<Input, Output> {
  readonly "~standard": {
    readonly version: 1;
    readonly vendor: "procurement-precheck";
    readonly validate: (value: unknown) =>
      | StandardSchemaV1.SuccessResult<Output>
      | { readonly issues: ReadonlyArray<PrecheckIssue>; readonly value?: undefined };
    readonly types?: StandardSchemaV1.Types<Input, Output> | undefined;
  };
}

export interface StandardSchemaOptions extends FieldCheckOptions {
  locale?: Locale;
  /** uppercaseAmount: the figures, or a function giving them at validation time. */
  amount?: string | number | (() => unknown);
}

/** A Standard Schema for one field check; the output is the normalised value (null when empty
 *  and not required). A `check` that is not a string, or `opts` that is not an object, throws a
 *  PrecheckError naming it (`check`, `opts`). */
export declare function standardSchema(
  check: FieldCheck, opts: StandardSchemaOptions & { required: false },
): PrecheckSchema<string | null, string | null>;
export declare function standardSchema(check: FieldCheck, opts?: StandardSchemaOptions): PrecheckSchema<string, string>;

/** A Standard Schema for checkSupplier: passes when no finding is an error (verdict "pass"). */
export declare function supplierSchema(opts?: SupplierOptions): PrecheckSchema<SupplierApplication, SupplierApplication>;

/** Ready-made schemas: zh-CN messages, value required. */
export declare const schemas: {
  readonly uscc: PrecheckSchema<string, string>;
  readonly idNumber: PrecheckSchema<string, string>;
  readonly orgCode: PrecheckSchema<string, string>;
  readonly regNo15: PrecheckSchema<string, string>;
  readonly amount: PrecheckSchema<string | number, string>;
  readonly date: PrecheckSchema<string, string>;
  readonly mobile: PrecheckSchema<string, string>;
  readonly phone: PrecheckSchema<string, string>;
  readonly supplier: PrecheckSchema<SupplierApplication, SupplierApplication>;
};
