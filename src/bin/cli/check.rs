//! `procurement-precheck check FILE.json` — supplier qualification for back offices: one
//! application (a JSON object), many (a JSON array, or JSON lines), or `-` for standard input.
//! The JSON report of each is the one the package's `checkSupplier` returns for the same input
//! and options; an array gives an array, JSON lines give JSON lines.

use super::catalogue::{load_catalogue, read_file, report_invalid, Fail, Source};
use super::{is_json, print_finding, usage_error};
use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::{SupplierReport, Verdict};
use procurement_precheck::report::{field_label, Locale};
use procurement_precheck::value::Value;
use std::io::Read;
use std::process::ExitCode;

#[derive(Default)]
struct CheckArgs {
    file: Option<String>,
    catalogue: Option<String>,
    builtin: Option<String>,
    overlay: Option<String>,
    policy: Option<String>,
    /// asOf, itemCode, locale: the options the api reads.
    opts: Vec<(String, Value)>,
    locale: Locale,
    json: bool,
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<CheckArgs, String> {
    let mut a = CheckArgs::default();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--as-of" => a.opts.push(("asOf".into(), Value::String(value()?))),
            "--item" => a.opts.push(("itemCode".into(), Value::String(value()?))),
            "--catalogue" => a.catalogue = Some(value()?),
            "--builtin" => a.builtin = Some(value()?),
            "--overlay" => a.overlay = Some(value()?),
            "--policy" => a.policy = Some(value()?),
            "--format" => a.json = is_json(&value()?)?,
            "--locale" => {
                let tag = value()?;
                a.locale = Locale::parse(&tag).ok_or(format!("unknown locale {tag}"))?;
                a.opts.push(("locale".into(), Value::String(tag)));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag} for check"))
            }
            _ if a.file.is_none() => a.file = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    if a.file.is_none() {
        return Err("missing FILE.json (or - for standard input)".into());
    }
    if a.catalogue.is_some() && a.builtin.is_some() {
        return Err("give one catalogue: --catalogue or --builtin".into());
    }
    Ok(a)
}

/// The applications of the input, and whether they were JSON lines.
enum Input {
    One(Value),
    Array(Vec<Value>),
    Lines(Vec<Value>),
}

fn read_input(text: &str) -> Result<Input, String> {
    match serde_json::from_str::<Value>(text) {
        Ok(Value::Array(items)) => return Ok(Input::Array(items)),
        Ok(v) => return Ok(Input::One(v)),
        Err(_) if text.lines().filter(|l| !l.trim().is_empty()).count() > 1 => {}
        Err(e) => return Err(format!("not JSON: {e}")),
    }
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).map_err(|e| format!("line {}: not JSON: {e}", n + 1)))
        .collect::<Result<_, _>>()
        .map(Input::Lines)
}

pub(crate) fn check(argv: impl Iterator<Item = String>) -> ExitCode {
    let a = match parse(argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let mut opts = a.opts.clone();
    let base_opts = Value::Object(opts.clone());
    if let Some(path) = &a.policy {
        match read_file(path).map(|t| serde_json::from_str::<Value>(&t)) {
            Ok(Ok(p)) => opts.push(("policy".into(), p)),
            Ok(Err(e)) => return usage_error(&format!("{path}: not JSON: {e}")),
            Err(Fail::Usage(e)) => return usage_error(&e),
            Err(Fail::Invalid(e)) => return report_invalid(&e, a.json),
        }
    }
    let opts = Value::Object(opts);
    // The same default as the package: the embedded central-2020 catalogue.
    let source = match (&a.catalogue, &a.builtin) {
        (Some(path), _) => Source::Json(path),
        (None, name) => Source::Builtin(name.as_deref()),
    };
    let cat = match load_catalogue(source, a.overlay.as_deref(), &base_opts) {
        Ok(c) => c,
        Err(Fail::Usage(e)) => return usage_error(&e),
        Err(Fail::Invalid(e)) => return report_invalid(&e, a.json),
    };
    let file = a.file.as_deref().unwrap_or("-");
    let text = if file == "-" {
        let mut s = String::new();
        match std::io::stdin().read_to_string(&mut s) {
            Ok(_) => s,
            Err(e) => return usage_error(&format!("cannot read standard input: {e}")),
        }
    } else {
        match read_file(file) {
            Ok(t) => t,
            Err(Fail::Usage(e)) => return usage_error(&e),
            Err(Fail::Invalid(e)) => return report_invalid(&e, a.json),
        }
    };
    let input = match read_input(&text) {
        Ok(i) => i,
        Err(e) => return usage_error(&format!("{file}: {e}")),
    };
    let apps: Vec<&Value> = match &input {
        Input::One(v) => vec![v],
        Input::Array(vs) | Input::Lines(vs) => vs.iter().collect(),
    };
    let today = Date::today();
    let mut reports = Vec::with_capacity(apps.len());
    for app in apps {
        match api::check_supplier(app, Some(&opts), Some(&cat), today) {
            Ok(r) => reports.push(r),
            // Bad options are the same for every application: report once.
            Err(e) => {
                eprintln!("procurement-precheck: {}: {}", e.path, e.message);
                if a.json {
                    println!("{}", serde_json::to_string(&e).unwrap_or_default());
                }
                return ExitCode::from(2);
            }
        }
    }
    if a.json {
        let json: Vec<String> = reports
            .iter()
            .map(|r| serde_json::to_string(r).unwrap_or_default())
            .collect();
        match input {
            Input::One(_) => println!("{}", json.concat()),
            Input::Array(_) => println!("[{}]", json.join(",")),
            Input::Lines(_) => json.iter().for_each(|j| println!("{j}")),
        }
    } else {
        for (i, r) in reports.iter().enumerate() {
            print_text(i, r, a.locale);
        }
    }
    if reports.iter().all(|r| r.verdict == Verdict::Pass) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn print_text(index: usize, r: &SupplierReport, locale: Locale) {
    let verdict = serde_json::to_value(r.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    println!("#{}\t{verdict}\t{}", index + 1, r.as_of);
    for g in &r.groups {
        let status = serde_json::to_value(g.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let key = format!("group.{}", g.id);
        println!("  {status}\t{}\t{}", g.id, field_label(&key, locale));
    }
    r.findings.iter().for_each(print_finding);
}
