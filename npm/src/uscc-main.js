// checkUscc of the whole API's module, through the fast path of fast.js.
import * as glue from './procurement_precheck.js';
import { main } from './availability.js';
import { fastUscc } from './fast.js';

export const checkUscc = fastUscc(glue, main);
