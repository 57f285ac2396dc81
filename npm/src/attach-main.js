// attach() of the default entry: the whole API's module is loaded with the entry, so
// checkSupplier is always at hand.
import { createAttach } from './attach.js';
import { checks } from './checks-main.js';
import { main } from './availability.js';
import { checkSupplier } from './screen.js';

export const attach = createAttach({ checks, state: main, supplier: () => checkSupplier });
