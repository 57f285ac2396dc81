//! `procurement-precheck` — the native command line for back offices. Same core, same verdicts
//! and the same JSON as the npm package.
//!
//! ```text
//! procurement-precheck field uscc 91110000600037341L [--locale en] [--format json|text]
//! procurement-precheck field uppercase 壹仟肆佰零玖元伍角 --amount 1409.50
//! procurement-precheck catalogue search ljqy --builtin county-example-2023 [--limit 5]
//! procurement-precheck catalogue show 01060101 --overlay county.json
//! procurement-precheck catalogue validate my-catalogue.json [--overlay county.json]
//! procurement-precheck catalogue import items.csv --version 2024 --issuer 某县财政局
//! ```
//! The catalogue commands work on one catalogue: `--catalogue FILE` (JSON), `--builtin NAME`
//! or by default the embedded `central-2020`; `validate FILE` and `import FILE.csv` load FILE
//! instead. `--overlay FILE` applies an overlay to it first. `validate` and `import` print the
//! loaded catalogue's JSON (`toJson()`) with `--format json`, and a summary otherwise; `show`
//! prints the item, its path from the top-level class, its children, requirements and origin.
//! JSON output is what the package's functions return for the same input. The CSV format is
//! described in `procurement_precheck::catalogue::csv`.
//!
//! Exit code: 0 ok; 1 the value fails, the catalogue or overlay has problems, a search finds
//! nothing or a code is not in the catalogue; 2 bad usage or options, or a file that cannot be
//! read (or is not UTF-8).

use procurement_precheck::api;
use procurement_precheck::catalogue::{Catalogue, Requirement};
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{field_label, Finding, Locale, PrecheckError, Severity};
use procurement_precheck::value::Value;
use serde::Serialize;
use std::process::ExitCode;
use std::sync::Arc;

const USAGE: &str =
    "usage: procurement-precheck field KIND VALUE [--locale zh-CN|zh-TW|en] [--label L] \
[--unit yuan|wan] [--amount FIGURES] [--allow-landline] [--today YYYY-MM-DD] [--format json|text]
  KIND: uscc | id | org-code | regno15 | amount | uppercase | to-uppercase | date | mobile
  procurement-precheck catalogue search QUERY [--limit N]
  procurement-precheck catalogue show CODE
  procurement-precheck catalogue validate [FILE.json]
  procurement-precheck catalogue import FILE.csv --version V --issuer I [--note N]
    each with [--catalogue FILE.json | --builtin central-2020|county-example-2023|pinmu-2022-services]
    [--overlay FILE.json] [--locale zh-CN|zh-TW|en] [--format json|text]
  procurement-precheck version";

struct Args {
    kind: String,
    value: String,
    opts: Vec<(String, Value)>,
    amount: Option<String>,
    json: bool,
}

fn is_json(format: &str) -> Result<bool, String> {
    match format {
        "json" => Ok(true),
        "text" => Ok(false),
        other => Err(format!("unknown format {other}")),
    }
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
            "--format" => out.json = is_json(&next("--format")?)?,
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
        Some("catalogue") => return catalogue(argv),
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

// ---- catalogue commands ----

/// Arguments of `catalogue COMMAND [OPERAND] [options]`.
#[derive(Default)]
struct CatArgs {
    command: String,
    operand: Option<String>,
    catalogue: Option<String>,
    builtin: Option<String>,
    overlay: Option<String>,
    locale: Locale,
    /// `locale`, and for import `version`, `issuer`, `note`: the options the api reads.
    opts: Vec<(String, Value)>,
    limit: Option<String>,
    json: bool,
}

fn flag_value(args: &mut impl Iterator<Item = String>, flag: &str) -> Result<String, String> {
    args.next().ok_or(format!("{flag} needs a value"))
}

fn parse_catalogue_args(mut args: impl Iterator<Item = String>) -> Result<CatArgs, String> {
    let command = args.next().ok_or("missing catalogue command")?;
    if !matches!(command.as_str(), "search" | "show" | "validate" | "import") {
        return Err(format!("unknown catalogue command {command}"));
    }
    let mut a = CatArgs {
        command,
        ..CatArgs::default()
    };
    while let Some(arg) = args.next() {
        let import = a.command == "import";
        match arg.as_str() {
            "--catalogue" => a.catalogue = Some(flag_value(&mut args, &arg)?),
            "--builtin" => a.builtin = Some(flag_value(&mut args, &arg)?),
            "--overlay" => a.overlay = Some(flag_value(&mut args, &arg)?),
            "--format" => a.json = is_json(&flag_value(&mut args, &arg)?)?,
            "--limit" if a.command == "search" => a.limit = Some(flag_value(&mut args, &arg)?),
            "--locale" => {
                let tag = flag_value(&mut args, &arg)?;
                a.locale = Locale::parse(&tag).ok_or(format!("unknown locale {tag}"))?;
            }
            "--version" | "--issuer" | "--note" if import => {
                let v = flag_value(&mut args, &arg)?;
                a.opts.push((arg[2..].to_string(), Value::String(v)));
            }
            flag if flag.starts_with("--") => {
                return Err(format!("unknown option {flag} for catalogue {}", a.command))
            }
            _ if a.operand.is_none() => a.operand = Some(arg),
            _ => return Err(format!("unexpected argument {arg}")),
        }
    }
    let needs = match a.command.as_str() {
        "search" => Some("QUERY"),
        "show" => Some("CODE"),
        "import" => Some("FILE.csv"),
        _ => None,
    };
    if let (Some(what), None) = (needs, &a.operand) {
        return Err(format!("missing {what}"));
    }
    let file = matches!(a.command.as_str(), "validate" | "import") && a.operand.is_some();
    if [file, a.catalogue.is_some(), a.builtin.is_some()]
        .iter()
        .filter(|x| **x)
        .count()
        > 1
    {
        return Err("give one catalogue: FILE, --catalogue or --builtin".into());
    }
    a.opts
        .push(("locale".into(), Value::String(a.locale.tag().into())));
    Ok(a)
}

/// Why a catalogue could not be had: bad usage or an unreadable file (exit 2), or a catalogue
/// or overlay with problems (exit 1).
enum Fail {
    Usage(String),
    Invalid(PrecheckError),
}

fn read_file(path: &str) -> Result<String, Fail> {
    let bytes = std::fs::read(path).map_err(|e| Fail::Usage(format!("cannot read {path}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        Fail::Usage(format!(
            "{path} is not UTF-8 text (save a spreadsheet as \"CSV UTF-8\")"
        ))
    })
}

fn read_json(path: &str, opts: &Value) -> Result<Value, Fail> {
    serde_json::from_str(&read_file(path)?)
        .map_err(|e| Fail::Invalid(api::catalogue_bad_json(&e.to_string(), Some(opts))))
}

/// The catalogue a command works on, with the overlay applied.
fn load(a: &CatArgs, opts: &Value) -> Result<Arc<Catalogue>, Fail> {
    let o = Some(opts);
    let file = match a.command.as_str() {
        "validate" | "import" => a.operand.as_deref(),
        _ => None,
    };
    let base = match (a.command.as_str(), file.or(a.catalogue.as_deref())) {
        ("import", Some(path)) => {
            Arc::new(api::catalogue_from_csv(&read_file(path)?, o).map_err(Fail::Invalid)?)
        }
        (_, Some(path)) => {
            Arc::new(api::catalogue_from_value(&read_json(path, opts)?, o).map_err(Fail::Invalid)?)
        }
        (_, None) => {
            let name = a.builtin.clone().map(Value::String);
            api::catalogue_builtin(name.as_ref()).map_err(|e| Fail::Usage(e.to_string()))?
        }
    };
    match &a.overlay {
        None => Ok(base),
        Some(path) => {
            let v = read_json(path, opts)?;
            Ok(Arc::new(
                api::catalogue_overlay(&base, &v, o).map_err(Fail::Invalid)?,
            ))
        }
    }
}

fn catalogue(argv: impl Iterator<Item = String>) -> ExitCode {
    let a = match parse_catalogue_args(argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let opts = Value::Object(a.opts.clone());
    let cat = match load(&a, &opts) {
        Ok(c) => c,
        Err(Fail::Usage(e)) => return usage_error(&e),
        Err(Fail::Invalid(e)) => {
            if a.json {
                println!("{}", serde_json::to_string(&e).unwrap_or_default());
            } else {
                println!("error\t{}\t{}\t{}", e.path, e.code, e.message);
                e.findings.iter().for_each(print_finding);
            }
            return ExitCode::from(1);
        }
    };
    let label = |key: &str| field_label(key, a.locale).to_string();
    let operand = a.operand.clone().unwrap_or_default();
    match a.command.as_str() {
        "search" => search(&cat, &operand, &a),
        "show" => show(&cat, &operand, &a),
        _ if a.json => {
            println!("{}", cat.to_json());
            ExitCode::SUCCESS
        }
        _ => {
            println!(
                "ok\t{}\t{}\t{} {}\t{} {}",
                cat.version,
                cat.issuer,
                cat.items().len(),
                label("cli.items"),
                cat.withdrawn().len(),
                label("cli.withdrawn")
            );
            ExitCode::SUCCESS
        }
    }
}

fn search(cat: &Catalogue, query: &str, a: &CatArgs) -> ExitCode {
    let mut o = a.opts.clone();
    if let Some(n) = &a.limit {
        o.push(("limit".into(), Value::Number(n.clone())));
    }
    let hits =
        match api::catalogue_search(cat, &Value::String(query.into()), Some(&Value::Object(o))) {
            Ok(h) => h,
            Err(e) => return usage_error(&e.to_string()),
        };
    if a.json {
        println!("{}", serde_json::to_string(&hits).unwrap_or_default());
    } else {
        for h in &hits {
            let path: Vec<&str> = h.path.iter().map(|p| p.name.as_str()).collect();
            println!(
                "{}\t{}\t{}:{}\t{}",
                h.item.code,
                h.item.name,
                h.matched,
                h.how,
                path.join(" › ")
            );
        }
        if hits.is_empty() {
            eprintln!("{}", field_label("cli.no_hits", a.locale));
        }
    }
    if hits.is_empty() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// A requirement written as `catalogue import` reads it: `kind>=grade@issuer`.
fn requirement_text(r: &Requirement) -> String {
    let grade = r.min_grade.as_deref().map(|g| format!(">={g}"));
    let issuer = r.issuer.as_deref().map(|i| format!("@{i}"));
    format!(
        "{}{}{}",
        r.kind,
        grade.unwrap_or_default(),
        issuer.unwrap_or_default()
    )
}

fn show(cat: &Catalogue, code: &str, a: &CatArgs) -> ExitCode {
    let d = api::catalogue_item(cat, code);
    let verdict = if d.item.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    };
    if a.json {
        println!("{}", serde_json::to_string(&d).unwrap_or_default());
        return verdict;
    }
    let label = |key: &str| field_label(key, a.locale).to_string();
    let Some(item) = d.item else {
        match d.withdrawn {
            Some(w) => println!(
                "{}\t{} {}\t{} {}\t{}",
                label("cli.withdrawn"),
                w.code,
                w.name,
                w.issuer,
                w.version,
                w.reason.as_deref().unwrap_or("-")
            ),
            None => println!("{code}\t{}", label("cli.not_found")),
        }
        return verdict;
    };
    let line = |key: &str, text: &str| println!("{}\t{text}", label(key));
    let join = |v: &[String]| v.join("; ");
    println!("{}\t{}", item.code, item.name);
    line("cli.level", &item.level.to_string());
    let path: Vec<String> = d
        .path
        .iter()
        .map(|p| format!("{} {}", p.code, p.name))
        .collect();
    line("cli.path", &path.join(" › "));
    for (key, list) in [
        ("cli.aliases", &item.aliases),
        ("cli.keywords", &item.keywords),
        ("cli.pinmu", &item.pinmu),
    ] {
        if !list.is_empty() {
            line(key, &join(list));
        }
    }
    for r in &item.requirements {
        line("cli.requirements", &requirement_text(r));
    }
    if item.valid_from.is_some() || item.valid_to.is_some() {
        let date = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
        line(
            "cli.valid",
            &format!("{} – {}", date(item.valid_from), date(item.valid_to)),
        );
    }
    for o in &item.origin {
        let from = o.from.as_deref().map(|f| format!(" ← {f}"));
        let key = format!("cli.change.{}", o.change);
        let change = match label(&key) {
            l if l == key => o.change.clone(),
            l => l,
        };
        line(
            "cli.origin",
            &format!(
                "{} {} {change}{}",
                o.issuer,
                o.version,
                from.unwrap_or_default()
            ),
        );
    }
    if d.children.is_empty() {
        line("cli.children", &label("cli.none"));
    }
    for c in &d.children {
        line("cli.children", &format!("{} {}", c.code, c.name));
    }
    ExitCode::SUCCESS
}
