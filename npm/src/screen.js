// The functions whose options may carry a Catalogue object: screenPurchase(project, opts) and
// checkSupplier(application, opts), checkPackage(applications, opts). They dispatch to the catalogue given in opts.catalogue, or
// to the default embedded one (central-2020). All rules are in Rust (Catalogue#screenPurchase,
// Catalogue#checkSupplier); a catalogue option that is not a Catalogue is reported by the Rust
// side as a PrecheckError naming opts.catalogue.
import { Catalogue } from './procurement_precheck.js';
import { assertAvailable } from './availability.js';

let fallback;

function dispatch(method, input, opts) {
  assertAvailable(method, [opts]); // not loaded: a PrecheckError "unavailable", not a TypeError
  const catalogue = opts !== null && typeof opts === 'object' ? opts.catalogue : undefined;
  if (catalogue instanceof Catalogue) {
    const { catalogue: _omit, ...rest } = opts;
    return catalogue[method](input, rest);
  }
  fallback ??= Catalogue.builtin();
  return fallback[method](input, opts);
}

export function screenPurchase(project, opts) {
  return dispatch('screenPurchase', project, opts);
}

export function checkSupplier(application, opts) {
  return dispatch('checkSupplier', application, opts);
}

// Every bid of one package, and the GPL-IR Art. 18 conflicts across them: { reports, conflicts }.
export function checkPackage(applications, opts) {
  return dispatch('checkPackage', applications, opts);
}
