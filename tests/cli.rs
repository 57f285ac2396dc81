//! The native CLI: exit codes and output.
use std::process::Command;

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_procurement-precheck"))
        .args(args)
        .output()
        .expect("run the CLI");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

#[test]
fn exit_codes_follow_the_verdict() {
    let (code, out) = run(&["field", "uscc", "91110000600037341L"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("ok\t91110000600037341L"), "{out}");
    let (code, out) = run(&["field", "uscc", "91110000600037341N", "--locale", "en"]);
    assert_eq!(code, 1);
    assert!(
        out.contains("uscc.check_char") && out.contains("should be \"L\""),
        "{out}"
    );
    let (code, _) = run(&["field", "uscc", "x", "--locale", "fr"]);
    assert_eq!(code, 2, "bad options");
    let (code, _) = run(&["field", "nonsense", "x"]);
    assert_eq!(code, 2);
    let (code, _) = run(&["frobnicate"]);
    assert_eq!(code, 2);
}

#[test]
fn json_output_is_the_report() {
    let (code, out) = run(&["field", "amount", "200万", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(out.contains(r#""value":"2000000.00""#), "{out}");
    let (_, out) = run(&["field", "to-uppercase", "16409.02"]);
    assert_eq!(out.trim(), "壹万陆仟肆佰零玖元零贰分");
    let (code, out) = run(&["version"]);
    assert_eq!((code, out.trim()), (0, env!("CARGO_PKG_VERSION")));
}
