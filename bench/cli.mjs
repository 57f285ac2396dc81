// The native CLI's throughput beside its floor, in one run: `check` over 10 000 realistic
// applications (application.mjs) as JSON lines, with --jobs 1 and --jobs 2, and
// crates/precheck-cli/examples/json_floor.rs, which parses each line into a serde_json::Value and writes it back
// (the same buffered line I/O, no checking). Rounds interleave the three so that they share
// the machine's noise; output goes to /dev/null (the binaries are measured, not a pipe).
// With target/release/examples/json_floor_mimalloc (the floor on the CLI's allocator, which
// scripts/bench.sh builds), that floor too. Part of bench.mjs; alone (after `cargo build --release
// --bin procurement-precheck --example json_floor --example core_time`): node bench/cli.mjs
import { writeFileSync, statSync, mkdirSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadavg, availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { application, OPTIONS } from './application.mjs';

export async function benchCli({ lines = 10_000, rounds = 9 } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const cli = join(root, 'target/release/procurement-precheck');
  const floor = join(root, 'target/release/examples/json_floor');
  // The same floor on the CLI's allocator (mimalloc; scripts/bench.sh builds it), when built.
  const floorMi = join(root, 'target/release/examples/json_floor_mimalloc');
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  const file = join(root, 'target/bench/applications.jsonl');
  writeFileSync(file, Array.from({ length: lines }, (_, i) => JSON.stringify(application(i))).join('\n'));
  const timed = (bin, args) => {
    const t0 = performance.now();
    const out = spawnSync(bin, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = performance.now() - t0;
    if (out.status === 2 || out.error || out.signal) throw new Error(`${bin} failed: ${out.error ?? out.stderr}`);
    return ms;
  };
  const check = ['check', file, '--as-of', OPTIONS.asOf, '--item', OPTIONS.itemCode,
    '--builtin', 'county-example-2023', '--format', 'json'];
  // The machine's own scaling on two cores, the floor --jobs 2 can be compared with: two floor
  // processes at once, started by a shell that waits for both and fails (exit 2, as the
  // binaries do) when either fails; it handles the lines of both.
  const both = '"$0" "$1" >/dev/null & p=$!; "$0" "$1" >/dev/null || exit 2; wait "$p" || exit 2';
  // Each run: the command and the lines it handles.
  const runs = {
    floor: [floor, [file], lines], floor2: ['sh', ['-c', both, floor, file], 2 * lines],
    jobs1: [cli, [...check, '--jobs', '1'], lines], jobs2: [cli, [...check, '--jobs', '2'], lines],
  };
  if (existsSync(floorMi)) runs.floorMi = [floorMi, [file], lines];
  const times = Object.fromEntries(Object.keys(runs).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) for (const [k, [bin, args]] of Object.entries(runs)) times[k].push(timed(bin, args));
  const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const rate = Object.fromEntries(Object.entries(times).map(([k, xs]) => [k, runs[k][2] / (med(xs) / 1000)]));
  console.log(`\n## Native CLI: ${lines} applications as JSON lines (${(statSync(file).size / 1e6).toFixed(1)} MB), JSON reports out; median of ${rounds} interleaved runs, ${availableParallelism()} cores, load average ${loadavg()[0].toFixed(1)}\n`);
  console.log('| what | lines/s | ratio | goal |');
  console.log('|---|---|---|---|');
  console.log(`| floor: each line parsed into a serde_json::Value and written back (crates/precheck-cli/examples/json_floor.rs, 1 thread) | ${Math.round(rate.floor)} | 1.00× floor | |`);
  if (rate.floorMi) console.log(`| the same floor on the CLI's allocator (mimalloc) | ${Math.round(rate.floorMi)} | ${(rate.floorMi / rate.floor).toFixed(2)}× floor | |`);
  const onMi = rate.floorMi ? `; ${(rate.jobs1 / rate.floorMi).toFixed(2)}× the mimalloc floor` : '';
  console.log(`| procurement-precheck check --jobs 1 | ${Math.round(rate.jobs1)} | ${(rate.jobs1 / rate.floor).toFixed(2)}× floor${onMi} | ≥ 0.50× floor |`);
  console.log(`| procurement-precheck check --jobs 2 | ${Math.round(rate.jobs2)} | ${(rate.jobs2 / rate.jobs1).toFixed(2)}× --jobs 1 | ≥ 1.80× --jobs 1 |`);
  console.log(`| floor for --jobs 2: two floor processes at once (this machine's own scaling over ${availableParallelism()} cores) | ${Math.round(rate.floor2)} | ${(rate.floor2 / rate.floor).toFixed(2)}× floor | |`);
  console.log('\nratio: lines/s over the floor\'s (for --jobs 2: over --jobs 1\'s; for two floors at once: over one\'s), measured in the same run.');
  return rate;
}

// The native core's time per check_supplier call on the bench applications, the options of the
// wasm figures (asOf, itemCode, the county-example-2023 catalogue): crates/precheck-cli/examples/
// core_time.rs, measured as measure.mjs measures the steady state in JS (rounds of 250 ms, the median
// round), after 50 calls of warm-up: native code has no tier to warm up to (no 2 s of calls). For
// the "wasm within 2× of native"; withJsonUs adds writing the report with the core's report::json (serde_json before issue 13).
export function benchCore({ lines = 1_000 } = {}) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const bin = join(root, 'target/release/examples/core_time');
  mkdirSync(join(root, 'target/bench'), { recursive: true });
  const file = join(root, 'target/bench/core-applications.jsonl');
  writeFileSync(file, Array.from({ length: lines }, (_, i) => JSON.stringify(application(i))).join('\n'));
  const out = spawnSync(bin, [file, OPTIONS.asOf, OPTIONS.itemCode], { encoding: 'utf8' });
  if (out.status !== 0 || out.error) throw new Error(`${bin} failed: ${out.error ?? out.stderr}`);
  return JSON.parse(out.stdout); // { checkSupplierUs, withJsonUs, reportBytes }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('native core, µs per check_supplier call:', benchCore());
  await benchCli();
}
