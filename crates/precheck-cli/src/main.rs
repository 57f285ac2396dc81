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
//! procurement-precheck check register.jsonl --as-of 2026-03-15 [--jobs N] [--format summary]
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
//! read (or is not UTF-8); 141 standard output was closed before everything was written.

// The workspace's no-trap lints hold here too: bad arguments and bad files are a message and
// an exit code, never a panic.

/// `println!` that does not panic when standard output is closed early (`… | head`): the
/// standard macro panics on EPIPE. The command stops quietly instead, with exit status 141, as
/// a Unix tool killed by SIGPIPE would. Defined before the modules so that they use it too.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        if writeln!(std::io::stdout().lock(), $($arg)*).is_err() {
            #[allow(clippy::exit)] // the SIGPIPE convention: nothing is left to write to
            std::process::exit(141);
        }
    }};
}

mod catalogue;
mod check;

/// mimalloc (v2, transparent huge pages off for the process): a check allocates a few hundred
/// small strings and frees them at once; with glibc's malloc that was about 30 % of a
/// `check --jobs 1` profile (`_int_malloc`, `_int_free`, `malloc`). With huge pages on, the kernel
/// zeroed the 2 MB pages mimalloc had given back and took them again (`clear_page_erms`, 17 % of a
/// `--jobs 2` profile). CPU per `--jobs 1` run of the bench's 10 000 applications: glibc 0.70 s,
/// mimalloc 0.51 s, without huge pages 0.47 s.
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
  procurement-precheck catalogue search QUERY [--limit N]
  procurement-precheck catalogue show CODE
  procurement-precheck catalogue validate [FILE.json]
  procurement-precheck catalogue import FILE.csv --version V --issuer I [--note N]
    each with [--catalogue FILE.json | --builtin central-2020|county-example-2023|pinmu-2022-services]
    [--overlay FILE.json] [--locale zh-CN|zh-TW|en] [--format json|text]
  procurement-precheck check FILE.json|FILE.jsonl|- [--package] [--as-of YYYY-MM-DD] [--item CODE] \
[--policy FILE.json] [--jobs N] [--format json|text|summary]
    with [--catalogue FILE.json | --builtin NAME] [--overlay FILE.json] [--locale zh-CN|zh-TW|en]
  procurement-precheck version";

struct Args {
    kind: String,
    value: String,
    opts: Vec<(std::borrow::Cow<'static, str>, Value<'static>)>,
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
                let name = flag.trim_start_matches('-').to_string();
                out.opts.push((name.into(), Value::String(v.into())));
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
    println!("{}", finding_line(f));
}

/// A finding as one line of text: severity, path, code, message [basis].
fn finding_line(f: &Finding) -> String {
    let sev = match f.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "info",
    };
    let basis = f.basis.map(|b| format!(" [{b}]")).unwrap_or_default();
    format!("{sev}\t{}\t{}\t{}{basis}", f.path, f.code, f.message)
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
        Some("catalogue") => return catalogue::catalogue(argv),
        Some("check") => return check::check(argv),
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
    let v = Value::String(args.value.clone().into());
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
            let amount = Value::String(args.amount.clone().unwrap_or_default().into());
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
