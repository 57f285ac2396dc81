// checkUscc of the fields entry's own module, through the fast path of fast.js.
import * as glue from './procurement_precheck_fields.js';
import { fields } from './availability.js';
import { fastUscc } from './fast.js';

export const checkUscc = fastUscc(glue, fields);
