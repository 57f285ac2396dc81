//! Build-time generation for the wasm boundary: the TypeScript declarations it embeds — the
//! hand-kept shapes in types.d.ts plus the `FindingCode` union read from data/messages.tsv, so
//! the list of codes is written once (`OUT_DIR/types.d.ts`).
// A build script may stop loudly: its failures are the developer's, never a user's.
#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]
use std::{
    env, fs,
    path::{Path, PathBuf},
};

fn main() {
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    typescript_types(&out_dir);
}

// ---------------------------------------------------------------------------------------------
// 1. TypeScript declarations

fn typescript_types(out_dir: &Path) {
    println!("cargo:rerun-if-changed=types.d.ts");
    println!("cargo:rerun-if-changed=../../data/messages.tsv");
    let types = fs::read_to_string("types.d.ts").expect("types.d.ts");
    let table = fs::read_to_string("../../data/messages.tsv").expect("../../data/messages.tsv");
    let codes: Vec<String> = table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(|c| format!("  | \"{c}\""))
        .collect();
    let out = format!(
        "{types}\n/** Every finding code (stable; see data/messages.tsv). */\nexport type FindingCode =\n{};\n",
        codes.join("\n")
    );
    fs::write(out_dir.join("types.d.ts"), out).expect("write types.d.ts");
}
