// screenPurchase(project, { catalogue?, asOf?, locale? }): dispatch to the catalogue given in the
// options, or to the default embedded one. All rules are in Rust (Catalogue#screenPurchase).
import { Catalogue } from './procurement_precheck.js';

let fallback;

export function screenPurchase(project, opts) {
  const catalogue = opts !== null && typeof opts === 'object' ? opts.catalogue : undefined;
  if (catalogue instanceof Catalogue) {
    const { catalogue: _omit, ...rest } = opts;
    return catalogue.screenPurchase(project, rest);
  }
  fallback ??= Catalogue.builtin();
  // A catalogue option that is not a Catalogue is reported by the Rust side as a PrecheckError.
  return fallback.screenPurchase(project, opts);
}
