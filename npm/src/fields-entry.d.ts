// procurement-precheck/fields — types of the field checks. The functions are the default entry's
// (the same Rust code, compiled without the catalogue and qualification), so their declarations
// are taken from there: the fields module's own generated declarations also describe options of
// the catalogue API it does not carry.
export {
  checkUscc, checkIdNumber, checkOrgCode, checkRegNo15, parseAmount, amountToUppercase,
  checkUppercaseAmount, parseDate, checkMobile, version,
} from './procurement_precheck.js';
/** True once the fields module is loaded; false when it could not be (the checks then throw a PrecheckError with code "unavailable"). */
export { ready, isAvailable } from './index.js';
export type * from './procurement_precheck.js';
