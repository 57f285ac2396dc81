//! `procurement-precheck catalogue search|show|validate|import` — for catalogue maintainers.

use super::{is_json, print_finding, usage_error};
use procurement_precheck::api;
use procurement_precheck::catalogue::{Catalogue, Requirement};
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::{field_label, Locale, PrecheckError};
use procurement_precheck::value::Value;
use std::process::ExitCode;
use std::sync::Arc;

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
    opts: Vec<(std::borrow::Cow<'static, str>, Value<'static>)>,
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
                a.opts.push((
                    arg.trim_start_matches('-').to_string().into(),
                    Value::String(v.into()),
                ));
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
pub(crate) enum Fail {
    Usage(String),
    Invalid(PrecheckError),
}

pub(crate) fn read_file(path: &str) -> Result<String, Fail> {
    let bytes = std::fs::read(path).map_err(|e| Fail::Usage(format!("cannot read {path}: {e}")))?;
    String::from_utf8(bytes).map_err(|_| {
        Fail::Usage(format!(
            "{path} is not UTF-8 text (save a spreadsheet as \"CSV UTF-8\")"
        ))
    })
}

fn read_json(path: &str, opts: &Value) -> Result<Value<'static>, Fail> {
    serde_json::from_str::<Value>(&read_file(path)?)
        .map(Value::into_owned)
        .map_err(|e| Fail::Invalid(api::catalogue_bad_json(&e.to_string(), Some(opts))))
}

/// The catalogue a command works on, with the overlay applied.
fn load(a: &CatArgs, opts: &Value) -> Result<Arc<Catalogue>, Fail> {
    let file = match a.command.as_str() {
        "validate" | "import" => a.operand.as_deref(),
        _ => None,
    };
    let source = match (a.command.as_str(), file.or(a.catalogue.as_deref())) {
        ("import", Some(path)) => Source::Csv(path),
        (_, Some(path)) => Source::Json(path),
        (_, None) => Source::Builtin(a.builtin.as_deref()),
    };
    load_catalogue(source, a.overlay.as_deref(), opts)
}

/// Where a catalogue comes from.
pub(crate) enum Source<'a> {
    Json(&'a str),
    Csv(&'a str),
    /// An embedded catalogue (default `central-2020`).
    Builtin(Option<&'a str>),
}

/// Load a catalogue and apply an overlay file to it.
pub(crate) fn load_catalogue(
    source: Source,
    overlay: Option<&str>,
    opts: &Value,
) -> Result<Arc<Catalogue>, Fail> {
    let o = Some(opts);
    let base = match source {
        Source::Csv(path) => {
            Arc::new(api::catalogue_from_csv(&read_file(path)?, o).map_err(Fail::Invalid)?)
        }
        Source::Json(path) => {
            Arc::new(api::catalogue_from_value(&read_json(path, opts)?, o).map_err(Fail::Invalid)?)
        }
        Source::Builtin(name) => {
            let name = name.map(|n| Value::String(n.into()));
            api::catalogue_builtin(name.as_ref()).map_err(|e| Fail::Usage(e.to_string()))?
        }
    };
    match overlay {
        None => Ok(base),
        Some(path) => {
            let v = read_json(path, opts)?;
            Ok(Arc::new(
                api::catalogue_overlay(&base, &v, o).map_err(Fail::Invalid)?,
            ))
        }
    }
}

/// Print a catalogue's or overlay's problems (exit code 1).
pub(crate) fn report_invalid(e: &PrecheckError, json: bool) -> ExitCode {
    if json {
        println!("{}", serde_json::to_string(e).unwrap_or_default());
    } else {
        println!("error\t{}\t{}\t{}", e.path, e.code, e.message);
        e.findings.iter().for_each(print_finding);
    }
    ExitCode::from(1)
}

pub(crate) fn catalogue(argv: impl Iterator<Item = String>) -> ExitCode {
    let a = match parse_catalogue_args(argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let opts = Value::Object(a.opts.clone());
    let cat = match load(&a, &opts) {
        Ok(c) => c,
        Err(Fail::Usage(e)) => return usage_error(&e),
        Err(Fail::Invalid(e)) => return report_invalid(&e, a.json),
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
        o.push(("limit".into(), Value::Number(n.clone().into())));
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
