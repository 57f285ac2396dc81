// The phases in the browser (see run.mjs); the result is left in window.__phases.
import { phases } from './run.mjs';
const base = '/target/bench/phases/';
const glue = await import(`${base}procurement_precheck.js`);
await glue.default({ module_or_path: `${base}procurement_precheck_bg.wasm` });
const snippet = (await (await fetch(`${base}snippet.txt`)).text()).trim();
const { plainJson } = await import(`${base}snippets/${snippet}/js/plain.js`);
window.__phases = phases(glue, plainJson, { clock: () => performance.now() });
