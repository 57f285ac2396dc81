//! checkSupplier's `opts.labels`: the form's own labels in the messages (issue 15), by path,
//! by key with `[]`, by dotted key; inside "consortium member n" for a member's field given
//! without `members[]`; bad shapes are structured errors naming `opts.labels…`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
use procurement_precheck::api;
use procurement_precheck::fields::date::Date;
use procurement_precheck::report::Finding;
use procurement_precheck::value::Value;

fn today() -> Date {
    Date::new(2026, 1, 1).unwrap()
}

fn json(text: &str) -> Value<'static> {
    serde_json::from_str::<Value>(text).unwrap().into_owned()
}

const SUPPLIER: &str = r#"{
  "entityType": "enterprise", "uscc": "91110000600037341N",
  "registration": { "status": "存续", "establishedOn": "2010-05-01" },
  "penalties": [{ "kind": "warning", "decidedOn": "2024-03-15" },
                { "kind": "warning", "decidedOn": "2026-03-16" }]
}"#;

fn finding(app: &str, opts: &str, code: &str) -> Finding {
    let r = api::check_supplier(&json(app), Some(&json(opts)), None, today()).unwrap();
    r.findings
        .into_iter()
        .find(|f| f.code == code)
        .unwrap_or_else(|| panic!("no {code}"))
}

fn message(labels: &str, code: &str) -> String {
    let opts = format!(r#"{{ "asOf": "2026-03-15", "labels": {labels} }}"#);
    finding(SUPPLIER, &opts, code).message
}

#[test]
fn the_forms_labels_name_the_fields() {
    // Without labels: the package's own.
    assert!(message("{}", "uscc.check_char").starts_with("统一社会信用代码校验码错误"));
    assert!(message("null", "field.required").starts_with("请填写名称"));
    // A key.
    let m = message(
        r#"{ "uscc": "信用代码", "name": "供应商名称" }"#,
        "uscc.check_char",
    );
    assert!(m.starts_with("信用代码校验码错误"), "{m}");
    assert_eq!(
        message(r#"{ "name": "供应商名称" }"#, "field.required"),
        "请填写供应商名称。"
    );
    // A key with [] for the row, a dotted key, a path: the path wins, then [], then dotted.
    let late = "no_major_violation.decided_after_deadline";
    let m = message(r#"{ "penalties[].decidedOn": "处罚日期" }"#, late);
    assert!(m.starts_with("处罚日期2026年3月16日晚于截止日期"), "{m}");
    let m = message(r#"{ "penalties.decidedOn": "决定日期" }"#, late);
    assert!(m.starts_with("决定日期2026年3月16日"), "{m}");
    let m = message(
        r#"{ "penalties.decidedOn": "决定日期", "penalties[].decidedOn": "处罚日期",
             "penalties[1].decidedOn": "第二条处罚的日期", "penalties[0].decidedOn": "第一条" }"#,
        late,
    );
    assert!(m.starts_with("第二条处罚的日期2026年3月16日"), "{m}");
    let m = message(
        r#"{ "penalties.decidedOn": "决定日期", "penalties[].decidedOn": "处罚日期" }"#,
        late,
    );
    assert!(m.starts_with("处罚日期"), "{m}");
    // Another row's label, or a label of another field, does not apply.
    let m = message(
        r#"{ "penalties[0].decidedOn": "第一条", "decidedOn": "日期" }"#,
        late,
    );
    assert!(m.starts_with("处罚决定日期2026年3月16日"), "{m}");
    // Blank and null labels are left out; long ones are cut to 100 characters.
    let m = message(r#"{ "uscc": "  ", "name": null }"#, "uscc.check_char");
    assert!(m.starts_with("统一社会信用代码"), "{m}");
    let long = "码".repeat(150);
    let m = message(&format!(r#"{{ "uscc": "{long}" }}"#), "uscc.check_char");
    assert!(
        m.starts_with(&format!("{}校验码错误", "码".repeat(100))),
        "{m}"
    );
    // English: the label as given, capitalised where a sentence starts with it.
    let opts = r#"{ "asOf": "2026-03-15", "locale": "en", "labels": { "penalties[].decidedOn": "date of the decision" } }"#;
    let m = finding(SUPPLIER, opts, late).message;
    assert!(
        m.starts_with("The date of the decision, 16 March 2026, is after"),
        "{m}"
    );
}

#[test]
fn a_members_field_is_named_inside_its_member_unless_the_label_names_the_member() {
    let app = format!(
        r#"{{ "members": [ {{ "entityType": "enterprise", "name": "甲", "uscc": "91110000600037341L",
              "registration": {{ "status": "存续", "establishedOn": "2010-05-01" }} }}, {} ] }}"#,
        SUPPLIER
    );
    let late = "no_major_violation.decided_after_deadline";
    let with = |labels: &str| {
        let opts = format!(r#"{{ "asOf": "2026-03-15", "labels": {labels} }}"#);
        finding(&app, &opts, late)
    };
    let f = with(r#"{ "penalties[].decidedOn": "处罚日期" }"#);
    assert_eq!(f.path, "members[1].penalties[1].decidedOn");
    assert!(
        f.message.starts_with("联合体成员2的处罚日期2026年3月16日"),
        "{}",
        f.message
    );
    let f = with(r#"{ "members[].penalties[].decidedOn": "乙方处罚日期" }"#);
    assert!(
        f.message.starts_with("乙方处罚日期2026年3月16日"),
        "{}",
        f.message
    );
    let f = with(
        r#"{ "members[1].penalties[1].decidedOn": "成员乙第二条处罚的日期", "members[].penalties[].decidedOn": "x" }"#,
    );
    assert!(
        f.message.starts_with("成员乙第二条处罚的日期"),
        "{}",
        f.message
    );
    let f = with(r#"{ "members[0].penalties[].decidedOn": "甲方处罚日期" }"#);
    assert!(
        f.message.starts_with("联合体成员2的处罚决定日期"),
        "{}",
        f.message
    );
    let f = finding(
        &app,
        r#"{ "asOf": "2026-03-15", "labels": { "uscc": "信用代码" } }"#,
        "uscc.check_char",
    );
    assert!(
        f.message.starts_with("联合体成员2的信用代码校验码错误"),
        "{}",
        f.message
    );
}

#[test]
fn labels_of_the_wrong_shape_are_errors_naming_them() {
    let err = |labels: &str, locale: &str| {
        let opts = format!(r#"{{ "locale": "{locale}", "labels": {labels} }}"#);
        api::check_supplier(&json(SUPPLIER), Some(&json(&opts)), None, today()).unwrap_err()
    };
    for (labels, path) in [
        ("5", "opts.labels"),
        (r#""信用代码""#, "opts.labels"),
        (r#"["uscc"]"#, "opts.labels"),
        ("true", "opts.labels"),
        (r#"{ "uscc": 5 }"#, "opts.labels.uscc"),
        (
            r#"{ "name": "名称", "uscc": { "zh": "信用代码" } }"#,
            "opts.labels.uscc",
        ),
        (r#"{ "uscc": ["信用代码"] }"#, "opts.labels.uscc"),
    ] {
        let e = err(labels, "zh-CN");
        assert_eq!(
            (e.code.as_str(), e.path.as_str()),
            ("options.wrong_type", path),
            "{labels}"
        );
        assert!(
            e.message.starts_with(&format!("参数{path}应为")),
            "{}",
            e.message
        );
    }
    let e = err("5", "en");
    assert_eq!(
        e.message,
        "Option opts.labels must be an object; got a number."
    );
    let e = err(r#"{ "uscc": false }"#, "zh-TW");
    assert_eq!(e.message, "參數opts.labels.uscc應為文字，收到的是布林值。");
    // A key of any length is named, cut to 60 characters.
    let key = "k".repeat(100);
    let e = err(&format!(r#"{{ "{key}": 1 }}"#), "en");
    assert_eq!(e.path, format!("opts.labels.{}", "k".repeat(60)));
}
