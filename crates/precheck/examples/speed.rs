#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use procurement_precheck::api;
use procurement_precheck::fields::{normalize, uscc, Input};
use procurement_precheck::value::Value;
fn time(name: &str, f: impl Fn() -> usize) {
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..20000 {
        n += f();
    }
    println!("{name}: {} ns/call ({n})", t.elapsed().as_nanos() / 20000);
}
fn main() {
    let v = Value::String("91110000600037341L".into());
    let i = Input::from("91110000600037341L");
    time("api", || api::check_uscc(&v, None).unwrap().ok as usize);
    time("core", || uscc::check(&i, &Default::default()).ok as usize);
    time("checkchar", || {
        uscc::check_char("91110000600037341").is_some() as usize
    });
    time("norm", || {
        normalize::normalize(
            "91110000600037341L",
            normalize::Rules {
                drop_spaces: true,
                drop_hyphens: true,
                upper_case: true,
            },
        )
        .0
        .len()
    });
    time("looks", || {
        procurement_precheck::fields::resident_id::looks_valid("91110000600037341L") as usize
    });
    time("org", || {
        procurement_precheck::fields::org_code::is_valid("600037341") as usize
    });
    let short = Value::String("123".into());
    time("short", || {
        api::check_uscc(&short, None).unwrap().ok as usize
    });
    let d = Value::String("2024-01-01".into());
    time("date", || api::parse_date(&d, None).unwrap().ok as usize);
    time("json", || {
        serde_json::to_string(&api::check_uscc(&v, None).unwrap())
            .unwrap()
            .len()
    });
    time("label", || {
        procurement_precheck::report::field_label("uscc", Default::default()).len()
    });
}
#[allow(dead_code)]
fn extra() {}
