//! The native core's time per call of what the wasm's `checkSupplier` runs, printed by the bench
//! (bench/bench.mjs) beside the wasm figures (issue 13: "wasm within 2× of native"):
//! `api::check_supplier_grouped`, each finding once (the package rebuilds the flat list in JS),
//! and its report written as the wasm writes it. The applications are the
//! bench's (bench/application.mjs, one per line of FILE.jsonl, written by bench/cli.mjs), read
//! into `Value`s first; the options are the bench's (`asOf`, `itemCode`, the
//! `county-example-2023` catalogue). Measured as bench/measure.mjs measures the steady state in
//! JS: calls on application i, i+1, … in rounds of at least 250 ms, the median round's time per
//! call, after 50 calls of warm-up (native code has no tier to warm up to: no 2 s of calls first).
//!
//! ```text
//! cargo build --release -p procurement-precheck-cli --example core_time
//! target/release/examples/core_time FILE.jsonl [ASOF] [ITEM]
//! ```
//! Prints one JSON line: `{"checkSupplierUs":…,"withJsonUs":…,"reportBytes":…}` — the call
//! alone (Value in, report out), and the call plus writing the report as JSON with the core's
//! writer, `report::json` (the text the wasm hands to JS; serde_json before issue 13). Exit
//! code 2 on bad input.
use procurement_precheck::api;
use procurement_precheck::catalogue::builtin;
use procurement_precheck::fields::date::Date;
use procurement_precheck::value::Value;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn median_per_call(mut f: impl FnMut(usize), rounds: usize, min: Duration) -> f64 {
    for i in 0..50 {
        f(i);
    }
    let mut per_call = vec![];
    let mut i = 0usize;
    for _ in 0..rounds {
        let t0 = Instant::now();
        let mut calls = 0u32;
        while t0.elapsed() < min {
            f(i);
            i += 1;
            calls += 1;
        }
        per_call.push(t0.elapsed().as_secs_f64() * 1e6 / f64::from(calls.max(1)));
    }
    per_call.sort_by(f64::total_cmp);
    per_call
        .get(per_call.len() / 2)
        .copied()
        .unwrap_or(f64::NAN)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: core_time FILE.jsonl [ASOF] [ITEM]");
        return ExitCode::from(2);
    };
    let as_of = args.next().unwrap_or_else(|| "2026-03-15".into());
    let item = args.next().unwrap_or_else(|| "011101".into());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("core_time: cannot read {path}: {e}");
            return ExitCode::from(2);
        }
    };
    let apps: Vec<Value> = match text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
    {
        Ok(a) => a,
        Err(e) => {
            eprintln!("core_time: {path}: not JSON lines: {e}");
            return ExitCode::from(2);
        }
    };
    if apps.is_empty() {
        eprintln!("core_time: {path}: no applications");
        return ExitCode::from(2);
    }
    let Some(cat) = builtin::get("county-example-2023") else {
        eprintln!("core_time: no embedded county-example-2023");
        return ExitCode::from(2);
    };
    let opts = Value::Object(vec![
        ("asOf".into(), Value::String(as_of.into())),
        ("itemCode".into(), Value::String(item.into())),
    ]);
    let today = Date::today();
    let app = |i: usize| apps.get(i % apps.len()).unwrap_or(&Value::Null);
    if let Err(e) = api::check_supplier_grouped(app(0), Some(&opts), Some(&*cat), today) {
        eprintln!("core_time: {e}");
        return ExitCode::from(2);
    }
    let rounds = 7;
    let min = Duration::from_millis(250);
    // Every finding of each report (the grouped ones are in its groups), kept from the optimiser.
    let mut findings = 0usize;
    let alone = median_per_call(
        |i| {
            if let Ok(r) = api::check_supplier_grouped(app(i), Some(&opts), Some(&*cat), today) {
                findings +=
                    r.findings.len() + r.groups.iter().map(|g| g.findings.len()).sum::<usize>();
            }
        },
        rounds,
        min,
    );
    let mut out = String::with_capacity(1 << 16);
    let mut bytes = 0usize;
    let with_json = median_per_call(
        |i| {
            if let Ok(r) = api::check_supplier_grouped(app(i), Some(&opts), Some(&*cat), today) {
                out.clear();
                procurement_precheck::report::json::push_supplier_report(&mut out, &r);
                bytes = out.len();
            }
        },
        rounds,
        min,
    );
    std::hint::black_box(findings);
    println!(
        "{{\"checkSupplierUs\":{alone:.2},\"withJsonUs\":{with_json:.2},\"reportBytes\":{bytes}}}"
    );
    ExitCode::SUCCESS
}
