//! The floor the CLI's `check` throughput is compared with (bench/bench.mjs): each line of JSON
//! lines parsed into a `serde_json::Value` and written back, one thread, the same buffered
//! line-by-line I/O as the CLI (a reused line buffer, a reused output buffer). No checking:
//! what any JSON-lines tool on serde_json costs at least.
//!
//! ```text
//! cargo build --release -p procurement-precheck-cli --example json_floor
//! target/release/examples/json_floor FILE.jsonl > /dev/null   # or - for standard input
//! ```
//! Exit code 0, or 2 when the input cannot be read or a line is not JSON.
//!
//! With `--features floor-mimalloc`, the same on the CLI's allocator (mimalloc): the bench prints
//! both floors, the one the issue names (the system allocator) and the one of the same allocator.
#[cfg(feature = "floor-mimalloc")]
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::{BufRead, BufReader, Read, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::env::args().nth(1).unwrap_or_else(|| "-".into());
    let input: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        match std::fs::File::open(&path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("json_floor: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        }
    };
    let mut input = BufReader::with_capacity(1 << 16, input);
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut line = String::new();
    let mut n = 0usize;
    loop {
        line.clear();
        match input.read_line(&mut line) {
            Ok(0) => break,
            Ok(_) => n += 1,
            Err(e) => {
                eprintln!("json_floor: line {}: {e}", n + 1);
                return ExitCode::from(2);
            }
        }
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("json_floor: line {n}: not JSON: {e}");
                return ExitCode::from(2);
            }
        };
        if serde_json::to_writer(&mut out, &v).is_err() || out.write_all(b"\n").is_err() {
            return ExitCode::from(141);
        }
    }
    if out.flush().is_err() {
        return ExitCode::from(141);
    }
    ExitCode::SUCCESS
}
