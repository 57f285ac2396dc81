//! A fixed number of `check_supplier` calls, for instruction counts (issue 13): one call on
//! each line of FILE.jsonl (the bench applications, bench/cli.mjs), with the bench's options.
//! The calls run ROUNDS times over the lines read: under `valgrind --tool=callgrind`, two
//! runs with different ROUNDS give the instructions of the calls alone (their difference over
//! the difference of calls; reading the lines cancels out).
//!
//! ```text
//! cargo build --release -p procurement-precheck-cli --example core_calls
//! valgrind --tool=callgrind target/release/examples/core_calls FILE.jsonl [LINES] [ROUNDS]
//! ```
use procurement_precheck::api;
use procurement_precheck::catalogue::builtin;
use procurement_precheck::fields::date::Date;
use procurement_precheck::value::Value;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: core_calls FILE.jsonl [LINES] [ROUNDS]");
        return ExitCode::from(2);
    };
    let lines: usize = args
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or(usize::MAX);
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("core_calls: cannot read {path}");
        return ExitCode::from(2);
    };
    let Ok(apps) = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(lines)
        .map(serde_json::from_str)
        .collect::<Result<Vec<Value>, _>>()
    else {
        eprintln!("core_calls: {path}: not JSON lines");
        return ExitCode::from(2);
    };
    let Some(cat) = builtin::get("county-example-2023") else {
        return ExitCode::from(2);
    };
    let opts = Value::Object(vec![
        ("asOf".into(), Value::String("2026-03-15".into())),
        ("itemCode".into(), Value::String("011101".into())),
    ]);
    let today = Date::new(2026, 12, 2).unwrap_or_else(Date::today);
    let mut findings = 0usize;
    for app in std::iter::repeat_n(&apps, rounds).flatten() {
        match api::check_supplier(app, Some(&opts), Some(&*cat), today) {
            Ok(r) => findings += r.findings.len(),
            Err(e) => {
                eprintln!("core_calls: {e}");
                return ExitCode::from(2);
            }
        }
    }
    println!("{} calls, {findings} findings", apps.len() * rounds);
    ExitCode::SUCCESS
}
