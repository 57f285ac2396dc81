// procurement-precheck — types of the package entry. Every function and type is generated
// from the Rust sources by wasm-bindgen (see src/wasm.rs and src/wasm_types.d.ts).
export * from './procurement_precheck.js';
import type { PurchaseProject, ScreenOptions, ScreenReport } from './procurement_precheck.js';

/** Screen a purchaser's project (政府购买服务管理办法 Arts. 10, 14, 24) against `opts.catalogue`
 *  (default: the embedded central-2020 catalogue). */
export declare function screenPurchase(project: PurchaseProject, opts?: ScreenOptions): ScreenReport;
