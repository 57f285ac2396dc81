// procurement-precheck/attach — attach() for the first keystroke on a slow link: the form's
// fields are checked by the small fields module, loaded at import (as procurement-precheck/fields
// loads it); the rest of the package (qualification, catalogue: the default entry and its
// module) is brought in only when attach's options ask for checkSupplier, and then in the
// background, from attach() on. A submit that comes before it is there waits for it (see
// attach.js). Browser and bundler entry; the await never rejects (see availability.js).
import * as entry from './fields-entry.js';
import { checkTable } from './fields.js';
import { createAttach } from './attach.js';

export * from './fields-entry.js';

const checks = checkTable(entry, entry.checkUscc);

let rest = null;
let checkSupplier;

/** The default entry, imported once; checkSupplier, or null when its module did not load. */
function loadSupplier() {
  rest ??= import('./index.js').then(
    (m) => m.ready.then((ok) => { checkSupplier = ok ? m.checkSupplier : undefined; return checkSupplier ?? null; }),
    () => null, // the file itself could not be fetched: the fields are still checked
  );
  return rest;
}

/** The fields module's state as attach reads it (status, reason), from the entry's public face:
 *  its top-level await has settled before this module runs, so the state is final. The reason is
 *  the cause a check throws with while the module is unavailable. */
function fieldsState() {
  if (entry.isAvailable()) return { status: 'ready', reason: null };
  try { entry.version(); } catch (e) { return { status: 'unavailable', reason: e.cause ?? null }; }
  return { status: 'unavailable', reason: null };
}

export const attach = createAttach({ checks, state: fieldsState(), supplier: () => checkSupplier, loadSupplier });
