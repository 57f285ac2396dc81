// The field checks by name of the whole API's module (attach and the adapters of the default entry;
// the attach entry takes those of the fields entry, attach-entry.js).
import * as glue from './procurement_precheck.js';
import { checkUscc } from './uscc-main.js';
import { checkTable } from './fields.js';

export const checks = checkTable(glue, checkUscc);
