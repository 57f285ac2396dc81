// ?entry=index.js (the default) | procurement-precheck.inline.js | fields-entry.js |
// fields.min.js | attach-entry.js | attach.min.js: the host page on one of the package's entries
// (survival.test.mjs). A failing import stops this script as a static one would.
import { run } from './survive-host.js';

const entry = new URLSearchParams(location.search).get('entry') ?? 'index.js';
run(await import(`/node_modules/procurement-precheck/${entry}`));
