//! `procurement-precheck` — the native command line for back offices. Same core, same verdicts
//! and the same JSON as the npm package.
//!
//! ```text
//! procurement-precheck field uscc 91110000600037341L [--locale en] [--format json|text]
//! procurement-precheck field uppercase 壹仟肆佰零玖元伍角 --amount 1409.50
//! ```
//! Exit code: 0 ok, 1 the value fails, 2 bad usage or options.

use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{Finding, PrecheckError, Severity};
use procurement_precheck::value::Value;
use serde::Serialize;
use std::process::ExitCode;

const USAGE: &str =
    "usage: procurement-precheck field KIND VALUE [--locale zh-CN|zh-TW|en] [--label L] \
[--unit yuan|wan] [--amount FIGURES] [--allow-landline] [--today YYYY-MM-DD] [--format json|text]
  KIND: uscc | id | org-code | regno15 | amount | uppercase | to-uppercase | date | mobile
  procurement-precheck version";

struct Args {
    kind: String,
    value: String,
    opts: Vec<(String, Value)>,
    amount: Option<String>,
    json: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    let kind = args.next().ok_or("missing KIND")?;
    let value = args.next().ok_or("missing VALUE")?;
    let mut out = Args {
        kind,
        value,
        opts: vec![],
        amount: None,
        json: false,
    };
    while let Some(flag) = args.next() {
        let mut next = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match flag.as_str() {
            "--locale" | "--label" | "--unit" | "--today" => {
                let v = next(&flag)?;
                out.opts.push((flag[2..].to_string(), Value::String(v)));
            }
            "--allow-landline" => out.opts.push(("allowLandline".into(), Value::Bool(true))),
            "--amount" => out.amount = Some(next("--amount")?),
            "--format" => match next("--format")?.as_str() {
                "json" => out.json = true,
                "text" => out.json = false,
                other => return Err(format!("unknown format {other}")),
            },
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(out)
}

/// What a field check prints: JSON identical to the package's, or lines of text.
fn emit<T: Serialize>(
    r: Result<procurement_precheck::fields::CheckResult<T>, PrecheckError>,
    json: bool,
) -> ExitCode {
    let r = match r {
        Ok(r) => r,
        Err(e) => return usage_error(&e.to_string()),
    };
    if json {
        println!("{}", serde_json::to_string(&r).unwrap_or_default());
    } else {
        println!(
            "{}\t{}",
            if r.ok { "ok" } else { "fail" },
            r.value.as_deref().unwrap_or("-")
        );
        for f in &r.findings {
            print_finding(f);
        }
        if let Some(info) = &r.info {
            println!("info\t{}", serde_json::to_string(info).unwrap_or_default());
        }
    }
    if r.ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_finding(f: &Finding) {
    let sev = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let basis = f
        .basis
        .as_deref()
        .map(|b| format!(" [{b}]"))
        .unwrap_or_default();
    println!("{sev}\t{}\t{}\t{}{basis}", f.path, f.code, f.message);
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("procurement-precheck: {msg}\n{USAGE}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut argv = std::env::args().skip(1);
    match argv.next().as_deref() {
        Some("version") | Some("--version") => {
            println!("{}", api::version());
            return ExitCode::SUCCESS;
        }
        Some("field") => {}
        Some("-h") | Some("--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => return usage_error(&format!("unknown command {other}")),
    }
    let args = match parse_args(argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let v = Value::String(args.value.clone());
    let opts = Value::Object(args.opts.clone());
    let o = Some(&opts);
    let json = args.json;
    match args.kind.as_str() {
        "uscc" => emit(api::check_uscc(&v, o), json),
        "id" => emit(api::check_id_number(&v, o, Date::today()), json),
        "org-code" => emit(api::check_org_code(&v, o), json),
        "regno15" => emit(api::check_regno15(&v, o), json),
        "amount" => emit(api::parse_amount(&v, o), json),
        "date" => emit(api::parse_date(&v, o), json),
        "mobile" => emit(api::check_mobile(&v, o), json),
        "uppercase" => {
            let amount = Value::String(args.amount.clone().unwrap_or_default());
            emit(api::check_uppercase_amount(&v, &amount, o), json)
        }
        "to-uppercase" => match api::amount_to_uppercase(&v, o) {
            Ok(s) if json => {
                println!("{}", serde_json::to_string(&s).unwrap_or_default());
                ExitCode::SUCCESS
            }
            Ok(s) => {
                println!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("{e}");
                ExitCode::from(1)
            }
        },
        other => usage_error(&format!("unknown KIND {other}")),
    }
}
