//! Generates the TypeScript declarations the wasm boundary embeds: the hand-kept shapes in
//! src/wasm_types.d.ts plus the `FindingCode` union read from data/messages.tsv, so the list
//! of codes is written once.
use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=src/wasm_types.d.ts");
    println!("cargo:rerun-if-changed=data/messages.tsv");
    let types = fs::read_to_string("src/wasm_types.d.ts").expect("src/wasm_types.d.ts");
    let table = fs::read_to_string("data/messages.tsv").expect("data/messages.tsv");
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
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("types.d.ts");
    fs::write(dest, out).expect("write types.d.ts");
}
