// The field checks by name of the fields entry's own module (the attach entry's first checks).
import * as glue from './procurement_precheck_fields.js';
import { checkUscc } from './uscc-fields.js';
import { checkTable } from './fields.js';

export const checks = checkTable(glue, checkUscc);
