// procurement-precheck — types of the package entry. Every function and type is generated
// from the Rust sources by wasm-bindgen (see src/wasm.rs and src/wasm_types.d.ts).
export * from './procurement_precheck.js';
import type {
  PurchaseProject, ScreenOptions, ScreenReport, SupplierApplication, SupplierOptions, SupplierReport,
} from './procurement_precheck.js';

/** Screen a purchaser's project (政府购买服务管理办法 Arts. 10, 14, 24) against `opts.catalogue`
 *  (default: the embedded central-2020 catalogue). */
export declare function screenPurchase(project: PurchaseProject, opts?: ScreenOptions): ScreenReport;

/** Check a supplier's application against 政府采购法 Art. 22 and 政府购买服务管理办法 (RULES.md
 *  §2–§3): a verdict, the seven check groups with their findings, each finding with its field
 *  path, legal basis and (for penalties) the day the record stops counting (`params.clearsOn`).
 *  Bad values are findings; bad options throw a `PrecheckError`. */
export declare function checkSupplier(application: SupplierApplication, opts?: SupplierOptions): SupplierReport;
