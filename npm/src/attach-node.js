// procurement-precheck/attach — Node entry (Node >= 20, with a DOM such as jsdom): the fields
// module instantiated synchronously, the rest of the package imported when attach's options ask
// for checkSupplier (see attach-entry.js).
import * as entry from './fields-node.js';
import { fields } from './availability.js';
import { checkTable } from './fields.js';
import { createAttach } from './attach.js';

export * from './fields-node.js';

const checks = checkTable(entry, entry.checkUscc);

let rest = null;
let checkSupplier;

function loadSupplier() {
  rest ??= import('./node.js').then((m) => { checkSupplier = m.checkSupplier; return checkSupplier; });
  return rest;
}

export const attach = createAttach({ checks, state: fields, supplier: () => checkSupplier, loadSupplier });
