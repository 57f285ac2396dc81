// Per-call time in microseconds of fn(i): `once`, of the very first call (the functions it
// touches compiled on the way); `first`, over the first round after it (the
// engine still compiling and tiering up the module — V8 runs wasm in its baseline
// tier first and moves hot functions to the optimising one in the background, which took
// headless Chromium four or five rounds of 250 ms for checkSupplier here: 221, 113, 113, 106,
// 100, then 95–97 µs); `median`, the median of `rounds` rounds of at least `minMs` each after
// `warmupMs` of calls in all (the first round included): the steady state.
export function perCall(fn, { rounds = 7, minMs = 250, warmupMs = 2000 } = {}) {
  const c0 = performance.now();
  fn(0);
  const once = (performance.now() - c0) * 1e3;
  let i = 1;
  const round = () => {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) { fn(i++); calls++; t = performance.now(); }
    return { ms: t - t0, us: ((t - t0) * 1e3) / calls };
  };
  const start = round();
  for (let warm = start.ms; warm < warmupMs;) warm += round().ms;
  const perRound = [];
  for (let r = 0; r < rounds; r++) perRound.push(round().us);
  perRound.sort((a, b) => a - b);
  return { once, first: start.us, median: perRound[Math.floor(perRound.length / 2)] };
}
