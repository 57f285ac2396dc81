// node --single-threaded bench/phases/node.mjs: the phases of checkSupplier in Node (CPU time of
// the process; --single-threaded keeps V8's background threads out of it). See run.mjs.
import { readFileSync } from 'node:fs';
import { phases } from './run.mjs';
const base = new URL('../../target/bench/phases/', import.meta.url);
const glue = await import(new URL('procurement_precheck.js', base));
glue.initSync({ module: readFileSync(new URL('procurement_precheck_bg.wasm', base)) });
const snippet = readFileSync(new URL('snippet.txt', base), 'utf8').trim();
const { plainJson } = await import(new URL(`snippets/${snippet}/js/plain.js`, base));
const clock = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const { raw, breakdown } = phases(glue, plainJson, { clock });
console.log(`checkSupplier in Node ${process.version}, µs per call (report: ${raw.reportBytes} bytes of JSON)`);
for (const [k, v] of Object.entries(breakdown)) console.log(`${k.padEnd(48)} ${v.toFixed(1)}`);
