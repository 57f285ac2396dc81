//! `procurement-precheck check FILE.json` — supplier qualification for back offices: one
//! application (a JSON object), many (a JSON array, or JSON lines), or `-` for standard input.
//! The JSON report of each is the one the package's `checkSupplier` returns for the same input
//! and options; an array gives an array, JSON lines give JSON lines.
//!
//! `check --package FILE.json`: the applications of one package (a JSON array or JSON lines)
//! checked together, as the package's `checkPackage` does: `{ reports, conflicts }` with
//! `--format json`, each report and then the GPL-IR Art. 18 conflicts otherwise. Exit 1 when a
//! report does not pass or there is a conflict.
//!
//! JSON lines stream: they are read in batches of lines into reused buffers, checked by
//! `--jobs N` threads (default: every core) and written in input order, so a register of
//! millions of lines runs in the memory of a few batches. A line that is not JSON (or not
//! UTF-8) stops the run there: the reports of the lines before it are written, then the
//! message (`FILE: line N: not JSON: …`) and exit 2. A single document (an object or an
//! array, also pretty-printed over many lines) is read whole, as before; an array's
//! applications are checked by the same number of threads, in pieces, and written in order.
//!
//! `--format summary` writes one tab-separated line per application, for register-wide runs:
//! `N  verdict  error codes  warning codes` — N counts applications from 1 (as `#N` in the
//! text format; blank lines are not applications), the codes are those of the report's
//! findings in report order, joined by `,`, or `-` when there are none.
// The streaming check ends the process at once when standard output closes (141) or a bad line
// stops it while a reader thread may be blocked on standard input: `process::exit` is the point.
#![allow(clippy::exit)]

use super::catalogue::{load_catalogue, read_file, report_invalid, Fail, Source};
use super::{finding_line, usage_error};
use procurement_precheck::api;
use procurement_precheck::catalogue::Catalogue;
use procurement_precheck::fields::date::Date;
use procurement_precheck::qualification::{self, SupplierReport, Verdict};
use procurement_precheck::report::{field_label, json, Locale, PrecheckError, Severity};
use procurement_precheck::value::Value;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;
use std::sync::{mpsc, Mutex};

/// What `check` writes for each application.
#[derive(Default, Clone, Copy, PartialEq, Eq)]
enum Format {
    #[default]
    Text,
    Json,
    Summary,
}

#[derive(Default)]
struct CheckArgs {
    file: Option<String>,
    catalogue: Option<String>,
    builtin: Option<String>,
    overlay: Option<String>,
    policy: Option<String>,
    /// asOf, itemCode, locale: the options the api reads.
    opts: Vec<(std::borrow::Cow<'static, str>, Value<'static>)>,
    locale: Locale,
    format: Format,
    /// Checking threads for JSON lines (default: every core).
    jobs: Option<usize>,
    /// `--package`: the applications are the bids of one package.
    package: bool,
}

/// More threads than this is a typo, not a machine.
const MAX_JOBS: usize = 256;

fn parse(mut args: impl Iterator<Item = String>) -> Result<CheckArgs, String> {
    let mut a = CheckArgs::default();
    while let Some(arg) = args.next() {
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        match arg.as_str() {
            "--as-of" => a.opts.push(("asOf".into(), Value::String(value()?.into()))),
            "--item" => a
                .opts
                .push(("itemCode".into(), Value::String(value()?.into()))),
            "--catalogue" => a.catalogue = Some(value()?),
            "--builtin" => a.builtin = Some(value()?),
            "--overlay" => a.overlay = Some(value()?),
            "--policy" => a.policy = Some(value()?),
            "--format" => {
                a.format = match value()?.as_str() {
                    "json" => Format::Json,
                    "text" => Format::Text,
                    "summary" => Format::Summary,
                    other => return Err(format!("unknown format {other}")),
                }
            }
            "--jobs" => {
                let n = value()?;
                match n.parse::<usize>() {
                    Ok(j) if (1..=MAX_JOBS).contains(&j) => a.jobs = Some(j),
                    _ => {
                        return Err(format!(
                            "--jobs needs a number from 1 to {MAX_JOBS}, not {n}"
                        ))
                    }
                }
            }
            "--package" => a.package = true,
            "--locale" => {
                let tag = value()?;
                a.locale = Locale::parse(&tag).ok_or(format!("unknown locale {tag}"))?;
                a.opts.push(("locale".into(), Value::String(tag.into())));
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

/// The applications of a whole document, and whether they were JSON lines.
enum Input<'a> {
    One(Value<'a>),
    Array(Vec<Value<'a>>),
    Lines(Vec<Value<'a>>),
}

fn read_input(text: &str) -> Result<Input<'_>, String> {
    // An array's applications are read each as its own input, as the package's checkSupplier
    // reads one: value.rs's node budget and depth limit count per application (read as one
    // value, a large array ran out of budget and its later applications read as unsupported).
    let whole = if text
        .trim_start_matches([' ', '\t', '\n', '\r'])
        .starts_with('[')
    {
        serde_json::from_str::<Vec<Value>>(text).map(Value::Array)
    } else {
        serde_json::from_str::<Value>(text)
    };
    match whole {
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

/// The buffers a report's JSON text is written through (reused from one report to the next).
#[derive(Default)]
struct Texts {
    /// The report.
    text: String,
    /// Its grouped findings, written once for both lists (see [`json::push_whole_report`]).
    scratch: String,
}

struct Run<'a> {
    /// The input's name in messages (`-` for standard input).
    file: &'a str,
    opts: &'a Value<'a>,
    cat: &'a Catalogue,
    today: Date,
    /// `opts` read with `cat` and `today`: what `api::check_supplier` reads for every call.
    options: Result<qualification::Options, PrecheckError>,
    format: Format,
    locale: Locale,
}

impl Run<'_> {
    /// `checkSupplier(app, opts)` as the package's: the options were read once (the same for
    /// every application; bad options are the error of each check, as they would be).
    ///
    /// For JSON output the report is [`qualification::check_grouped`]'s (no copy of the grouped
    /// findings, no copy of the item and policy): [`Run::write_checked`] writes it as the
    /// whole report.
    fn check(&self, app: &Value) -> Result<SupplierReport, PrecheckError> {
        match &self.options {
            Ok(o) if self.format == Format::Json => Ok(qualification::check_grouped(app, o)),
            Ok(o) => Ok(qualification::check(app, o)),
            Err(e) => Err(e.clone()),
        }
    }

    /// A report of [`Run::check`] as [`Run::write`] writes the whole report: for JSON, the
    /// grouped report written whole ([`json::push_whole_report`]: every group's findings, then
    /// those of no group; the options' item and policy), through `text`, a reused buffer.
    fn write_checked(&self, out: &mut Vec<u8>, text: &mut Texts, index: u64, r: &SupplierReport) {
        match (&self.options, self.format) {
            (Ok(o), Format::Json) => {
                let Texts { text, scratch } = text;
                text.clear();
                json::push_whole_report(text, scratch, r, o.item.as_ref(), &o.policy);
                text.push('\n');
                out.extend_from_slice(text.as_bytes());
            }
            _ => self.write(out, index, r),
        }
    }

    fn read_error(&self, e: &std::io::Error) -> String {
        if self.file == "-" {
            format!("cannot read standard input: {e}")
        } else {
            format!("cannot read {}: {e}", self.file)
        }
    }

    /// A report as a line (JSON, summary) or lines (text) of `out`. `index` counts from 0.
    fn write(&self, out: &mut Vec<u8>, index: u64, r: &SupplierReport) {
        match self.format {
            Format::Json => {
                out.extend_from_slice(json::supplier_report_text(r).as_bytes());
                out.push(b'\n');
            }
            Format::Text => {
                // Writing into a Vec cannot fail.
                let _ = print_text(out, index, r, self.locale);
            }
            Format::Summary => summary_row(out, index, r),
        }
    }

    /// A bad-options error: exit 2 (the options are the same for every application, so this
    /// is the first one and nothing has been written yet).
    fn options_error(&self, out: &mut impl Write, e: &PrecheckError) -> ExitCode {
        eprintln!("procurement-precheck: {}: {}", e.path, e.message);
        if self.format == Format::Json {
            let _ = writeln!(out, "{}", serde_json::to_string(e).unwrap_or_default());
        }
        if out.flush().is_err() {
            return ExitCode::from(141);
        }
        ExitCode::from(2)
    }
}

pub(crate) fn check(argv: impl Iterator<Item = String>) -> ExitCode {
    let a = match parse(argv) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let json = a.format == Format::Json;
    let mut opts = a.opts.clone();
    let base_opts = Value::Object(opts.clone());
    if let Some(path) = &a.policy {
        match read_file(path).map(|t| serde_json::from_str::<Value>(&t).map(Value::into_owned)) {
            Ok(Ok(p)) => opts.push(("policy".into(), p)),
            Ok(Err(e)) => return usage_error(&format!("{path}: not JSON: {e}")),
            Err(Fail::Usage(e)) => return usage_error(&e),
            Err(Fail::Invalid(e)) => return report_invalid(&e, json),
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
        Err(Fail::Invalid(e)) => return report_invalid(&e, json),
    };
    let file = a.file.as_deref().unwrap_or("-");
    let today = Date::today();
    let run = Run {
        file,
        opts: &opts,
        cat: &cat,
        today,
        options: qualification::read_options(Some(&opts), Some(&cat), today),
        format: a.format,
        locale: a.locale,
    };
    let source: Box<dyn Read + Send> = if file == "-" {
        Box::new(std::io::stdin())
    } else {
        match std::fs::File::open(file) {
            Ok(f) => Box::new(f),
            Err(e) => return usage_error(&run.read_error(&e)),
        }
    };
    if a.package {
        let mut text = String::new();
        let mut source = source;
        if let Err(e) = source.read_to_string(&mut text) {
            return usage_error(&run.read_error(&e));
        }
        return match read_input(&text) {
            Ok(input) => package(&input, &run),
            Err(e) => usage_error(&format!("{file}: {e}")),
        };
    }
    let reader = BufReader::with_capacity(READ_BUFFER, source);
    let jobs = a.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(MAX_JOBS)
    });
    match sniff(reader, &run) {
        Sniffed::Lines(first, line_no, reader) => stream(reader, *first, line_no, jobs, &run),
        Sniffed::Document(bytes) => document(bytes, jobs, &run),
        Sniffed::Failed(e) => usage_error(&e),
    }
}

const READ_BUFFER: usize = 1 << 20;

/// `check --package`: every application of the input as the bids of one package (GPL-IR
/// Art. 18 across them), as the package's `checkPackage` does.
fn package(input: &Input, run: &Run) -> ExitCode {
    let apps = match input {
        Input::Array(vs) | Input::Lines(vs) => Value::Array(vs.clone()),
        Input::One(_) => {
            return usage_error("--package needs a JSON array or JSON lines of applications")
        }
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let p = match api::check_package(&apps, Some(run.opts), Some(run.cat), run.today) {
        Ok(p) => p,
        Err(e) => return run.options_error(&mut out, &e),
    };
    let written = if run.format == Format::Json {
        writeln!(out, "{}", json::package_report_text(&p))
    } else {
        let mut w = Ok(());
        for (i, r) in p.reports.iter().enumerate() {
            let mut buf = Vec::new();
            run.write(&mut buf, i as u64, r);
            w = w.and_then(|()| out.write_all(&buf));
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
/// A batch holds at most this many lines, or about this many bytes (a longer line makes a
/// batch of its own). Bounded memory: at most `2 × jobs + 2` batches exist at a time. Small
/// batches keep every thread busy to the end of the input (with 256, the last batch of 10 000
/// lines was a few per cent of the run on one thread while the others waited).
const BATCH_LINES: usize = 64;
const BATCH_BYTES: usize = 1 << 20;

/// The input, buffered.
type Reader = BufReader<Box<dyn Read + Send>>;

/// What the first lines of the input show it is.
enum Sniffed {
    /// JSON lines: the first batch (the first two applications read so far), the number of
    /// lines read, and the rest of the input.
    Lines(Box<Batch>, u64, Reader),
    /// Anything else, read whole: one JSON document, or input that fails (read as before,
    /// with the same messages).
    Document(Vec<u8>),
    Failed(String),
}

/// The input is JSON lines exactly when the text as a whole is not one JSON value and it has
/// more than one non-blank line (what `read_input` decides on the whole text). The first
/// non-blank line being a complete JSON value followed by another non-blank line decides it
/// without reading further: the whole text cannot be one value then. In every other case
/// (a pretty-printed object or array, a single line, bad input) the input is read whole.
fn sniff(mut reader: Reader, run: &Run) -> Sniffed {
    let mut first = Batch::default();
    let mut line_no = 0u64;
    let whole = |mut buf: Vec<u8>, mut reader: Reader| match reader.read_to_end(&mut buf) {
        Ok(_) => Sniffed::Document(buf),
        Err(e) => Sniffed::Failed(run.read_error(&e)),
    };
    loop {
        let start = first.buf.len();
        match reader.read_until(b'\n', &mut first.buf) {
            Ok(0) => return Sniffed::Document(first.buf),
            Ok(_) => line_no += 1,
            Err(e) => return Sniffed::Failed(run.read_error(&e)),
        }
        let end = line_end(&first.buf, start);
        let line = first.buf.get(start..end).unwrap_or_default();
        if is_blank(line) {
            continue;
        }
        let parses = std::str::from_utf8(line).ok().is_some_and(|t| {
            Value::from_json_serde(t).is_some() || serde_json::from_str::<Value>(t).is_ok()
        });
        if first.lines.is_empty() && !parses {
            return whole(first.buf, reader);
        }
        // Invalid UTF-8 in the second line: read whole, for the message of a whole file.
        if !first.lines.is_empty() && std::str::from_utf8(line).is_err() {
            return whole(first.buf, reader);
        }
        first.lines.push((start, end, line_no));
        if first.lines.len() == 2 {
            return Sniffed::Lines(Box::new(first), line_no, reader);
        }
    }
}

/// Where a line read by `read_until` ends without its terminator: `\n`, or `\r\n` (as
/// `str::lines` splits).
fn line_end(buf: &[u8], start: usize) -> usize {
    let mut end = buf.len();
    if end > start && buf.get(end - 1) == Some(&b'\n') {
        end -= 1;
        if end > start && buf.get(end - 1) == Some(&b'\r') {
            end -= 1;
        }
    }
    end
}

/// Blank as `str::trim` sees it (Unicode white space); bytes that are not UTF-8 are not blank.
fn is_blank(line: &[u8]) -> bool {
    match line
        .iter()
        .position(|b| !b.is_ascii_whitespace() && *b != 0x0b)
    {
        None => true,
        Some(i) if line.get(i).is_some_and(|b| b.is_ascii()) => false,
        Some(_) => std::str::from_utf8(line).is_ok_and(|t| t.trim().is_empty()),
    }
}

/// One document (or input that is not JSON), read whole and checked on this thread.
fn document(bytes: Vec<u8>, jobs: usize, run: &Run) -> ExitCode {
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(_) if run.file == "-" => {
            return usage_error("cannot read standard input: stream did not contain valid UTF-8")
        }
        Err(_) => {
            return usage_error(&format!(
                "{} is not UTF-8 text (save a spreadsheet as \"CSV UTF-8\")",
                run.file
            ))
        }
    };
    let input = match read_input(&text) {
        Ok(i) => i,
        Err(e) => return usage_error(&format!("{}: {e}", run.file)),
    };
    let (apps, many, lines) = match &input {
        Input::One(v) => (std::slice::from_ref(v), false, false),
        Input::Array(vs) => (vs.as_slice(), true, false),
        Input::Lines(vs) => (vs.as_slice(), true, true),
    };
    let array = run.format == Format::Json && many && !lines;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut all_pass = true;
    // `jobs` pieces of BATCH_LINES applications at a time, checked by as many threads and
    // written in order (the reports of a large array need not be held).
    let piece = BATCH_LINES;
    for (c, group) in apps.chunks(piece * jobs).enumerate() {
        let base = c * piece * jobs;
        let parts: Vec<Part> = if group.len() <= piece {
            vec![check_slice(run, group, base, array)]
        } else {
            std::thread::scope(|s| {
                let handles: Vec<_> = group
                    .chunks(piece)
                    .enumerate()
                    .map(|(k, apps)| {
                        s.spawn(move || check_slice(run, apps, base + k * piece, array))
                    })
                    .collect();
                handles
                    .into_iter()
                    .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
                    .collect()
            })
        };
        for p in parts {
            if out.write_all(&p.out).is_err() {
                return ExitCode::from(141); // stdout closed (`| head`), as println! does (main.rs)
            }
            all_pass &= p.all_pass;
            if let Some(e) = p.error {
                return run.options_error(&mut out, &e);
            }
        }
    }
    let end = match (array, apps.is_empty()) {
        (false, _) => "",
        (true, true) => "[]\n",
        (true, false) => "]\n",
    };
    if write!(out, "{end}").and_then(|()| out.flush()).is_err() {
        return ExitCode::from(141);
    }
    exit_by(all_pass)
}

/// The reports of some applications of a document: written, whether all pass, and the
/// bad-options error that stopped them.
struct Part {
    out: Vec<u8>,
    all_pass: bool,
    error: Option<PrecheckError>,
}

/// Check `apps` (from application `first` on, counted from 0), as elements of a JSON array
/// (`array`: `[` before the first, `,` between) or as lines.
fn check_slice(run: &Run, apps: &[Value], first: usize, array: bool) -> Part {
    let mut p = Part {
        out: Vec::new(),
        all_pass: true,
        error: None,
    };
    let mut text = Texts::default();
    for (k, app) in apps.iter().enumerate() {
        let i = first + k;
        let r = match run.check(app) {
            Ok(r) => r,
            Err(e) => {
                p.error = Some(e);
                break;
            }
        };
        p.all_pass &= r.verdict == Verdict::Pass;
        if array {
            p.out.push(if i == 0 { b'[' } else { b',' });
        }
        run.write_checked(&mut p.out, &mut text, i as u64, &r);
        if array {
            p.out.pop(); // the array's elements are not lines
        }
    }
    p
}

fn exit_by(all_pass: bool) -> ExitCode {
    if all_pass {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Lines of the input on their way through the threads, and then their reports.
#[derive(Default)]
struct Batch {
    /// Order of the batch in the input, from 0.
    seq: u64,
    /// The raw bytes of the lines (blank lines are dropped as they are read).
    buf: Vec<u8>,
    /// Each application's line: start and end in `buf`, line number from 1.
    lines: Vec<(usize, usize, u64)>,
    /// The index of the batch's first application, from 0.
    first_index: u64,
    /// The input could not be read after this batch's lines (the message).
    read_error: Option<String>,
    /// The reports, as they are written.
    out: Vec<u8>,
    /// One report's JSON text on its way into `out` (reused).
    text: Texts,
    all_pass: bool,
    /// A line that stops the run, after the reports of the lines before it.
    stop: Option<Stop>,
}

enum Stop {
    /// Not UTF-8, not JSON: the message.
    Line(String),
    Options(PrecheckError),
}

impl Batch {
    /// Empty again for reuse, its buffers kept (unless one grew for a huge line).
    fn recycle(&mut self) {
        for v in [&mut self.buf, &mut self.out] {
            v.clear();
            if v.capacity() > 8 * BATCH_BYTES {
                v.shrink_to(BATCH_BYTES);
            }
        }
        self.lines.clear();
        self.read_error = None;
        self.stop = None;
    }

    /// Check every line and write its report into `out`.
    fn check(&mut self, run: &Run) {
        self.out.clear();
        self.all_pass = true;
        for (k, &(start, end, line_no)) in self.lines.iter().enumerate() {
            let line = self.buf.get(start..end).unwrap_or_default();
            // Read by the core's reader, which reads exactly what serde_json reads, as it
            // does (tests/json_read.rs, fuzz/fuzz_targets/value_json_serde.rs); what it refuses
            // goes to serde_json (a line that is not UTF-8 text may still be JSON to it, with
            // the bad bytes in a part past the depth limit), and a line that does not parse
            // gets the message it had, from the text.
            let fast = std::str::from_utf8(line)
                .ok()
                .and_then(Value::from_json_serde);
            let app: Value = match fast.map_or_else(|| serde_json::from_slice(line), Ok) {
                Ok(v) => v,
                Err(_) => {
                    self.stop = Some(Stop::Line(match std::str::from_utf8(line) {
                        Err(_) => format!(
                            "{}: line {line_no}: not UTF-8 text (save a spreadsheet as \"CSV UTF-8\")",
                            run.file
                        ),
                        Ok(text) => match serde_json::from_str::<Value>(text) {
                            Err(e) => format!("{}: line {line_no}: not JSON: {e}", run.file),
                            // Cannot happen (the bytes did not parse): as not JSON.
                            Ok(_) => format!("{}: line {line_no}: not JSON", run.file),
                        },
                    }));
                    return;
                }
            };
            let r = match run.check(&app) {
                Ok(r) => r,
                Err(e) => {
                    self.stop = Some(Stop::Options(e));
                    return;
                }
            };
            self.all_pass &= r.verdict == Verdict::Pass;
            run.write_checked(
                &mut self.out,
                &mut self.text,
                self.first_index + k as u64,
                &r,
            );
        }
    }
}

/// JSON lines: a reader thread fills batches, `jobs` threads check them, this thread writes
/// their reports in input order. Exits as the sequential loop did: at a bad line after the
/// reports before it, with 141 when standard output is closed.
fn stream(reader: Reader, first: Batch, line_no: u64, jobs: usize, run: &Run) -> ExitCode {
    let slots = 2 * jobs + 2;
    let (free_tx, free_rx) = mpsc::channel::<Batch>();
    for _ in 1..slots {
        let _ = free_tx.send(Batch::default());
    }
    let (work_tx, work_rx) = mpsc::sync_channel::<Batch>(slots);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<Batch>();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    std::thread::scope(|s| {
        s.spawn(move || read_batches(reader, first, line_no, &free_rx, &work_tx, run));
        for _ in 0..jobs {
            let done_tx = done_tx.clone();
            let work_rx = &work_rx;
            s.spawn(move || loop {
                let next = match work_rx.lock() {
                    Ok(rx) => rx.recv(),
                    Err(_) => return,
                };
                let Ok(mut batch) = next else { return };
                batch.check(run);
                if done_tx.send(batch).is_err() {
                    return;
                }
            });
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0u64;
        let mut all_pass = true;
        for batch in done_rx {
            pending.insert(batch.seq, batch);
            while let Some(mut b) = pending.remove(&next) {
                // Each batch's reports are out when the batch is (a trickling pipe's too).
                if out.write_all(&b.out).and_then(|()| out.flush()).is_err() {
                    std::process::exit(141); // stdout closed (`| head`), as println! does
                }
                all_pass &= b.all_pass;
                let code = match (b.stop.take(), b.read_error.take()) {
                    (Some(Stop::Options(e)), _) => Some(run.options_error(&mut out, &e)),
                    (Some(Stop::Line(msg)), _) | (None, Some(msg)) => {
                        if out.flush().is_err() {
                            std::process::exit(141);
                        }
                        Some(usage_error(&msg))
                    }
                    (None, None) => None,
                };
                if let Some(code) = code {
                    // The reader may wait on standard input: end here, the output flushed.
                    std::process::exit(if code == ExitCode::from(141) { 141 } else { 2 });
                }
                next += 1;
                b.recycle();
                let _ = free_tx.send(b);
            }
        }
        if out.flush().is_err() {
            return ExitCode::from(141);
        }
        exit_by(all_pass)
    })
}

/// The reader thread: fills batches from the pool with lines until the input ends.
fn read_batches(
    mut reader: Reader,
    mut batch: Batch,
    mut line_no: u64,
    free: &mpsc::Receiver<Batch>,
    work: &mpsc::SyncSender<Batch>,
    run: &Run,
) {
    let mut seq = 0u64;
    loop {
        let mut ended = false;
        // A batch is also complete when the next line would have to wait for the input (a
        // pipe that trickles gets its reports as they are made, not at the end).
        while batch.lines.len() < BATCH_LINES
            && batch.buf.len() < BATCH_BYTES
            && (batch.lines.is_empty() || !reader.buffer().is_empty())
        {
            let start = batch.buf.len();
            match reader.read_until(b'\n', &mut batch.buf) {
                Ok(0) => {
                    ended = true;
                    break;
                }
                Ok(_) => line_no += 1,
                Err(e) => {
                    batch.buf.truncate(start);
                    batch.read_error = Some(run.read_error(&e));
                    ended = true;
                    break;
                }
            }
            let end = line_end(&batch.buf, start);
            if is_blank(batch.buf.get(start..end).unwrap_or_default()) {
                batch.buf.truncate(start);
            } else {
                batch.lines.push((start, end, line_no));
            }
        }
        let index = batch.first_index + batch.lines.len() as u64;
        batch.seq = seq;
        if work.send(batch).is_err() || ended {
            return;
        }
        seq += 1;
        let Ok(mut b) = free.recv() else { return };
        b.first_index = index;
        batch = b;
    }
}

/// `N  verdict  error codes  warning codes`, tab-separated (see the module documentation).
fn summary_row(out: &mut Vec<u8>, index: u64, r: &SupplierReport) {
    let verdict = match r.verdict {
        Verdict::Pass => "pass",
        Verdict::Fail => "fail",
        Verdict::Incomplete => "incomplete",
    };
    let _ = write!(out, "{}\t{verdict}", index + 1);
    for severity in [Severity::Error, Severity::Warning] {
        out.push(b'\t');
        let start = out.len();
        for f in r.findings.iter().filter(|f| f.severity == severity) {
            if out.len() > start {
                out.push(b',');
            }
            out.extend_from_slice(f.code.as_bytes());
        }
        if out.len() == start {
            out.push(b'-');
        }
    }
    out.push(b'\n');
}

fn print_text(
    out: &mut impl Write,
    index: u64,
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
