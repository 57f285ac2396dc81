// Median per-call time in microseconds of fn(i) over rounds of at least minMs each.
export function medianPerCall(fn, { rounds = 7, minMs = 250, warmup = 50 } = {}) {
  for (let i = 0; i < warmup; i++) fn(i);
  const perCall = [];
  let i = 0;
  for (let r = 0; r < rounds; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (t - t0 < minMs) { fn(i++); calls++; t = performance.now(); }
    perCall.push(((t - t0) * 1e3) / calls);
  }
  perCall.sort((a, b) => a - b);
  return perCall[Math.floor(perCall.length / 2)];
}
