//! `procurement-precheck check FILE.json` — supplier qualification for back offices: one
//! application (a JSON object), many (a JSON array, or JSON lines), or `-` for standard input.
//! The JSON report of each is the one the package's `checkSupplier` returns for the same input
//! and options; an array gives an array, JSON lines give JSON lines.
//!
//! `check --package FILE.json`: the applications of one package (a JSON array or JSON lines)
//! checked together, as the package's `checkPackage` does: `{ reports, conflicts }` with
//! `--format json`, each report and then the GPL-IR Art. 18 conflicts otherwise. Exit 1 when a
//! report does not pass or there is a conflict.

use super::catalogue::{load_catalogue, read_file, report_invalid, Fail, Source};
use super::{finding_line, is_json, usage_error};
use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::{SupplierReport, Verdict};
use procurement_precheck::report::{field_label, Locale};
use procurement_precheck::value::Value;
use std::io::{Read, Write};
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
    /// `--package`: the applications are the bids of one package.
    package: bool,
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
            "--package" => a.package = true,
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
    if a.package {
        return package(&input, &opts, &cat, today, &a);
    }
    let many = !matches!(input, Input::One(_));
    let lines = matches!(input, Input::Lines(_));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut all_pass = true;
    // Each report is written as soon as it is made (10 000 applications need not be held).
    for (i, app) in apps.into_iter().enumerate() {
        let r = match api::check_supplier(app, Some(&opts), Some(&cat), today) {
            Ok(r) => r,
            // Bad options are the same for every application, so this is the first one:
            // nothing has been written yet.
            Err(e) => {
                eprintln!("procurement-precheck: {}: {}", e.path, e.message);
                if a.json {
                    println!("{}", serde_json::to_string(&e).unwrap_or_default());
                }
                return ExitCode::from(2);
            }
        };
        all_pass &= r.verdict == Verdict::Pass;
        let written = if a.json {
            let sep = match (many, lines, i) {
                (true, false, 0) => "[",
                (true, false, _) => ",",
                _ => "",
            };
            let json = serde_json::to_string(&r).unwrap_or_default();
            if lines || !many {
                writeln!(out, "{json}")
            } else {
                write!(out, "{sep}{json}")
            }
        } else {
            print_text(&mut out, i, &r, a.locale)
        };
        if written.is_err() {
            return ExitCode::from(141); // stdout closed (`| head`), as println! does (main.rs)
        }
    }
    let end = match (a.json && many && !lines, apps_empty(&input)) {
        (false, _) => "",
        (true, true) => "[]\n",
        (true, false) => "]\n",
    };
    if write!(out, "{end}").and_then(|()| out.flush()).is_err() {
        return ExitCode::from(141);
    }
    if all_pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `check --package`: every application of the input as one package.
fn package(
    input: &Input,
    opts: &Value,
    cat: &procurement_precheck::catalogue::Catalogue,
    today: Date,
    a: &CheckArgs,
) -> ExitCode {
    let apps = match input {
        Input::Array(vs) | Input::Lines(vs) => Value::Array(vs.clone()),
        Input::One(_) => {
            return usage_error("--package needs a JSON array or JSON lines of applications")
        }
    };
    let p = match api::check_package(&apps, Some(opts), Some(cat), today) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("procurement-precheck: {}: {}", e.path, e.message);
            if a.json {
                println!("{}", serde_json::to_string(&e).unwrap_or_default());
            }
            return ExitCode::from(2);
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let written = if a.json {
        writeln!(out, "{}", serde_json::to_string(&p).unwrap_or_default())
    } else {
        let mut w = Ok(());
        for (i, r) in p.reports.iter().enumerate() {
            w = w.and_then(|()| print_text(&mut out, i, r, a.locale));
        }
        for c in &p.conflicts {
            let [x, y] = c.applications;
            w = w.and_then(|()| {
                writeln!(
                    out,
                    "conflict\t#{}\t#{}\t{}",
                    x.saturating_add(1),
                    y.saturating_add(1),
                    c.code
                )
            });
        }
        w
    };
    if written.and_then(|()| out.flush()).is_err() {
        return ExitCode::from(141);
    }
    let pass = p.conflicts.is_empty() && p.reports.iter().all(|r| r.verdict == Verdict::Pass);
    if pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn apps_empty(input: &Input) -> bool {
    matches!(input, Input::Array(v) | Input::Lines(v) if v.is_empty())
}

fn print_text(
    out: &mut impl Write,
    index: usize,
    r: &SupplierReport,
    locale: Locale,
) -> std::io::Result<()> {
    let verdict = serde_json::to_value(r.verdict)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    writeln!(out, "#{}\t{verdict}\t{}", index + 1, r.as_of)?;
    for g in &r.groups {
        let status = serde_json::to_value(g.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        let key = format!("group.{}", g.id);
        writeln!(out, "  {status}\t{}\t{}", g.id, field_label(&key, locale))?;
    }
    for f in &r.findings {
        writeln!(out, "{}", finding_line(f))?;
    }
    Ok(())
}
