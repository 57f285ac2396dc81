// checkUscc of the fields entry's own module, through the fast path of fast.js.
import { checkUscc as full, usccPassesAsIs } from './procurement_precheck_fields.js';
import { fields } from './availability.js';
import { fastUscc } from './fast.js';

// The two functions fast.js calls, by name (not the module's namespace: less in fields-entry.js).
export const checkUscc = fastUscc({ checkUscc: full, usccPassesAsIs }, fields);
