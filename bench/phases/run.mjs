// The phases of one checkSupplier call on the bench's application (application.mjs), each timed
// alone through the `phases` exports of the module built by bench/phases/build.sh; shared by
// node.mjs (Node) and page.mjs (headless Chromium, driven by browser.mjs). Each phase is timed in
// rounds of 30 ms interleaved with the others; the least disturbed round counts (the machine is
// shared). The breakdown subtracts figures measured apart: read it as an estimate (± noise).
import { applications, OPTIONS } from '../application.mjs';

export function phases(glue, plainJson, { clock }) {
  const cat = glue.Catalogue.builtin('county-example-2023');
  const apps = applications();
  const texts = apps.map((a) => JSON.stringify(a));
  const A = (i) => apps[i & 255];
  const o = () => ({ ...OPTIONS });
  const reportTexts = apps.map((a) => cat.phaseText(a, o()));
  const fns = {
    full: (i) => cat.checkSupplier(A(i), o()),
    plainJson: (i) => plainJson(A(i), 64, 200_000),
    stringify: (i) => JSON.stringify(A(i)),
    read: (i) => cat.phaseRead(A(i)),
    readText: (i) => cat.phaseReadText(texts[i & 255]),
    readCore: (i) => cat.phaseCore(A(i), o()),
    coreOnly: (i) => cat.phaseCoreOnly(A(i), o(), 20),
    coreJson: (i) => cat.phaseCoreJson(A(i), o(), 20),
    json: (i) => cat.phaseJson(A(i), o()),
    text: (i) => cat.phaseText(A(i), o()),
    parsed: (i) => cat.phaseParsed(A(i), o()),
    jsParse: (i) => JSON.parse(reportTexts[i & 255]),
  };
  const per = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  for (const f of Object.values(fns)) for (let i = 0; i < 100; i++) f(i);
  for (let round = 0; round < 25; round++) {
    for (const [k, f] of Object.entries(fns)) {
      let i = 0; const c0 = clock(); const t0 = performance.now();
      while (performance.now() - t0 < 30) { f(i++); f(i++); }
      per[k].push(((clock() - c0) * 1e3) / i);
    }
  }
  const r = Object.fromEntries(Object.entries(per).map(([k, xs]) => [k, Math.min(...xs)]));
  r.coreOnly /= 20; r.coreJson /= 20;
  r.reportBytes = reportTexts[0].length;
  const d = {
    'full (cat.checkSupplier)': r.full,
    'plainJson (checks + JSON.stringify)': r.plainJson,
    '  of which JSON.stringify': r.stringify,
    'string into wasm + from_json_text': r.read - r.plainJson,
    '  (from_json_text incl. transfer, alone)': r.readText,
    'opts read, core check, values dropped (in the call)': r.readCore - r.read,
    '  core alone (loop inside wasm)': r.coreOnly,
    'the report\'s JSON text, report::json (serde_json before issue 13; loop inside wasm)': r.coreJson - r.coreOnly,
    'string out (UTF-8 → JS string)': r.text - r.json,
    'JSON.parse + string out': r.parsed - r.json,
    '  JSON.parse alone from JS': r.jsParse,
    'regroup in JS (reportFromJson) and the rest': r.full - r.parsed,
  };
  return { raw: r, breakdown: d };
}
