// ?entry=procurement-precheck.inline.js | fields-entry.js | fields.min.js | attach-entry.js |
// attach.min.js: the host page on an entry that holds its module inside as text
// (survival.test.mjs).
import { run } from './survive-host.js';

const entry = new URLSearchParams(location.search).get('entry');
run(await import(`/node_modules/procurement-precheck/${entry}`));
