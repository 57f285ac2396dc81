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

// ---- catalogue commands ----

use procurement_precheck::api;
use procurement_precheck::catalogue::builtin;
use procurement_precheck::value::Value;

fn manifest(path: &str) -> String {
    format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))
}

/// A file under the test's temporary directory.
fn temp_file(name: &str, content: &[u8]) -> String {
    let path = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, content).expect("write temp file");
    path
}

fn opts(pairs: &[(&str, &str)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect(),
    )
}

#[test]
fn catalogue_search_prints_the_hits() {
    let county = ["--builtin", "county-example-2023"];
    let (code, out) = run(&[&["catalogue", "search", "ljqy"], &county[..]].concat());
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "01060101\t镇、村垃圾清运\tpinyin:initials\t公共服务 › 生态保护和环境治理服务 › 城乡环境综合整治 › 镇、村垃圾清运\n"
    );
    // JSON: byte for byte what the package's search returns.
    let cat = builtin::get("county-example-2023").expect("county");
    for (query, limit) in [("垃圾清運", "20"), ("01", "3"), ("ｌａｊｉ", "200")] {
        let args = [
            &[
                "catalogue",
                "search",
                query,
                "--limit",
                limit,
                "--format",
                "json",
            ],
            &county[..],
        ]
        .concat();
        let (code, out) = run(&args);
        assert_eq!(code, 0, "{query}");
        let mut o = opts(&[]);
        if let Value::Object(fields) = &mut o {
            fields.push(("limit".into(), Value::Number(limit.into())));
        }
        let hits =
            api::catalogue_search(&cat, &Value::String(query.into()), Some(&o)).expect("search");
        assert_eq!(
            out.trim_end(),
            serde_json::to_string(&hits).expect("json"),
            "{query}"
        );
    }
    // The default catalogue is central-2020: no county items.
    let (code, out) = run(&["catalogue", "search", "ljqy"]);
    assert_eq!((code, out.as_str()), (1, ""), "no hits");
    let (code, out) = run(&["catalogue", "search", "zzzz", "--format", "json"]);
    assert_eq!((code, out.trim()), (1, "[]"));
    // Bad limits are bad options.
    assert_eq!(run(&["catalogue", "search", "01", "--limit", "0"]).0, 2);
    assert_eq!(run(&["catalogue", "search", "01", "--limit", "x"]).0, 2);
    assert_eq!(run(&["catalogue", "search"]).0, 2, "missing QUERY");
}

#[test]
fn catalogue_show_prints_item_path_children_requirements_origin() {
    let overlay = manifest("data/catalogues/county_example_2023.json");
    let (code, out) = run(&["catalogue", "show", "011101", "--overlay", &overlay]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "011101\t城市园林绿化养护
层级\t3
路径\t01 公共服务 › 0111 城乡维护服务 › 011101 城市园林绿化养护
别名\t公园(广场)养护管理
品目\tC13030000
资质要求\t城市园林绿化企业资质>=三级
来源\t示例县财政局（示例数据） 2023-example 新增
来源\t示例县财政局（示例数据） 2023-example 增加资质要求
下级\t无
"
    );
    let (code, out) = run(&[
        "catalogue",
        "show",
        "0118",
        "--builtin",
        "county-example-2023",
        "--locale",
        "en",
    ]);
    assert_eq!(code, 0);
    assert!(
        out.contains("origin\t示例县财政局（示例数据） 2023-example renamed ← 其他公共服务"),
        "{out}"
    );
    let (_, out) = run(&[
        "catalogue",
        "show",
        "010601",
        "--builtin",
        "county-example-2023",
        "--locale",
        "zh-TW",
    ]);
    assert!(
        out.contains("下級\t01060101 镇、村垃圾清运\n下級\t01060102 街道清扫"),
        "{out}"
    );
    // JSON: the item, path and children as the package's get, path and children give them.
    let cat = builtin::get("county-example-2023").expect("county");
    let (code, out) = run(&[
        "catalogue",
        "show",
        "0106",
        "--builtin",
        "county-example-2023",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let expected = format!(
        r#"{{"item":{},"path":{},"children":{}}}"#,
        serde_json::to_string(&cat.get("0106")).expect("json"),
        serde_json::to_string(&cat.path("0106")).expect("json"),
        serde_json::to_string(&cat.children(Some("0106"))).expect("json"),
    );
    assert_eq!(out.trim_end(), expected);
    // Withdrawn and unknown codes fail.
    let (code, out) = run(&[
        "catalogue",
        "show",
        "0209",
        "--builtin",
        "county-example-2023",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(
            "已撤销\t0209 机关工作人员培训服务\t示例县财政局（示例数据） 2023-example\t示例："
        ),
        "{out}"
    );
    let (code, out) = run(&[
        "catalogue",
        "show",
        "0209",
        "--builtin",
        "county-example-2023",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.starts_with(r#"{"item":null,"path":[],"children":[],"withdrawn":{"code":"0209""#),
        "{out}"
    );
    let (code, out) = run(&["catalogue", "show", "9999"]);
    assert_eq!((code, out.as_str()), (1, "9999\t目录中没有此代码\n"));
}

#[test]
fn catalogue_validate_checks_a_catalogue_and_an_overlay() {
    let overlay = manifest("data/catalogues/county_example_2023.json");
    // The example overlay on the default base: the embedded county catalogue.
    let (code, out) = run(&["catalogue", "validate", "--overlay", &overlay]);
    assert_eq!(
        (code, out.as_str()),
        (
            0,
            "ok\t2020+2023-example\t示例县财政局（示例数据）\t51 项\t1 已撤销\n"
        )
    );
    let (code, out) = run(&[
        "catalogue",
        "validate",
        "--overlay",
        &overlay,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    let county = builtin::get("county-example-2023").expect("county");
    assert_eq!(out.trim_end(), county.to_json());
    // A catalogue file, with the overlay on top.
    let file = temp_file(
        "central.json",
        builtin::get("central-2020")
            .expect("central")
            .to_json()
            .as_bytes(),
    );
    let (code, out) = run(&[
        "catalogue",
        "validate",
        &file,
        "--overlay",
        &overlay,
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out.trim_end(), county.to_json());
    // Problems: exit 1, every finding with its path; JSON is the error the package throws.
    let bad = br#"{"version":"1","issuer":"x","items":[{"code":"01","name":""},{"code":"0101","name":"b","parent":"09"}]}"#;
    let file = temp_file("bad.json", bad);
    let (code, out) = run(&["catalogue", "validate", &file]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "error\tcatalogue\tcatalogue.invalid\t目录有2处错误，未加载。
error\titems[0].name\tcatalogue.empty_name\t名称不能为空。
error\titems[1].parent\tcatalogue.unknown_parent\t第1项（0101）的上级代码“09”在目录中不存在。
"
    );
    let (code, out) = run(&[
        "catalogue",
        "validate",
        &file,
        "--format",
        "json",
        "--locale",
        "en",
    ]);
    assert_eq!(code, 1);
    let v: Value = serde_json::from_slice(bad).expect("json");
    let e = api::catalogue_from_value(&v, Some(&opts(&[("locale", "en")]))).expect_err("error");
    assert_eq!(out.trim_end(), serde_json::to_string(&e).expect("json"));
    // An overlay with problems.
    let file = temp_file(
        "bad_overlay.json",
        br#"{"version":"1","issuer":"x","withdraw":[{"code":"0999"}]}"#,
    );
    let (code, out) = run(&["catalogue", "validate", "--overlay", &file]);
    assert_eq!(code, 1);
    assert!(
        out.contains("withdraw[0].code\toverlay.unknown_code"),
        "{out}"
    );
    // Not JSON: a catalogue problem too.
    let file = temp_file("not.json", b"{\"version\":");
    let (code, out) = run(&["catalogue", "validate", &file]);
    assert_eq!(code, 1);
    assert!(out.contains("catalogue.bad_json"), "{out}");
    // Unreadable files and bad usage.
    assert_eq!(run(&["catalogue", "validate", "/nonexistent/x.json"]).0, 2);
    let utf16 = temp_file("utf16.json", &[0xff, 0xfe, b'{', 0, b'}', 0]);
    assert_eq!(run(&["catalogue", "validate", &utf16]).0, 2);
    assert_eq!(
        run(&["catalogue", "validate", &file, "--builtin", "central-2020"]).0,
        2
    );
    assert_eq!(
        run(&["catalogue", "validate", "--builtin", "province-2099"]).0,
        2
    );
    assert_eq!(
        run(&[
            "catalogue",
            "validate",
            "--catalogue",
            "a",
            "--builtin",
            "b"
        ])
        .0,
        2
    );
    assert_eq!(run(&["catalogue", "validate", "--locale", "fr"]).0, 2);
    assert_eq!(run(&["catalogue", "frobnicate"]).0, 2);
    assert_eq!(run(&["catalogue"]).0, 2);
    assert_eq!(
        run(&["catalogue", "show", "01", "--limit", "3"]).0,
        2,
        "--limit is for search"
    );
    assert_eq!(run(&["catalogue", "show", "01", "02"]).0, 2);
}

#[test]
fn catalogue_import_turns_a_csv_export_into_catalogue_json() {
    let csv = manifest("tests/fixtures/catalogue/county.csv");
    let args = [
        "catalogue",
        "import",
        &csv,
        "--version",
        "2024",
        "--issuer",
        "某县财政局",
    ];
    let (code, out) = run(&[&args[..], &["--format", "json"]].concat());
    assert_eq!(code, 0);
    let text = std::fs::read_to_string(&csv).expect("fixture");
    let o = opts(&[("version", "2024"), ("issuer", "某县财政局")]);
    let cat = api::catalogue_from_csv(&text, Some(&o)).expect("loads");
    assert_eq!(out.trim_end(), cat.to_json());
    // The printed JSON is a catalogue that loads, and can be searched.
    let file = temp_file("imported.json", out.as_bytes());
    let (code, out) = run(&["catalogue", "search", "垃圾", "--catalogue", &file]);
    assert_eq!(code, 0);
    assert!(
        out.starts_with("01060101\t镇、村垃圾清运\talias:prefix"),
        "{out}"
    );
    let (code, out) = run(&args);
    assert_eq!(
        (code, out.as_str()),
        (0, "ok\t2024\t某县财政局\t9 项\t0 已撤销\n")
    );
    // Problems by spreadsheet row.
    let errors = manifest("tests/fixtures/catalogue/county_errors.csv");
    let (code, out) = run(&[
        "catalogue",
        "import",
        &errors,
        "--version",
        "1",
        "--issuer",
        "x",
    ]);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "error\tcatalogue\tcatalogue.invalid\t目录有3处错误，未加载。
error\trows[7].name\tcatalogue.empty_name\t名称不能为空。
error\trows[8].requirements[0].minGrade\tcatalogue.bad_grade\t资质等级“优秀”无法识别（应为特级、一级至四级或甲级至丁级）。
error\trows[8].validFrom\tcatalogue.bad_date\tvalidFrom“2024-02-30”不是有效日期。
"
    );
    // Without --issuer the catalogue lacks its issuer.
    let (code, out) = run(&[
        "catalogue",
        "import",
        &csv,
        "--version",
        "1",
        "--locale",
        "en",
    ]);
    assert_eq!(code, 1);
    assert!(
        out.contains(
            "error\tissuer\tcatalogue.missing_field\tThe required field issuer is missing."
        ),
        "{out}"
    );
    // A CSV saved in GBK (not UTF-8) cannot be read.
    let gbk = temp_file(
        "gbk.csv",
        b"code,name,parent\r\n01,\xb9\xab\xb9\xb2\xb7\xfe\xce\xf1,\r\n",
    );
    assert_eq!(
        run(&[
            "catalogue",
            "import",
            &gbk,
            "--version",
            "1",
            "--issuer",
            "x"
        ])
        .0,
        2
    );
    assert_eq!(run(&["catalogue", "import"]).0, 2, "missing FILE");
    assert_eq!(
        run(&["catalogue", "import", &csv, "--builtin", "central-2020"]).0,
        2
    );
    assert_eq!(
        run(&["catalogue", "search", "x", "--issuer", "y"]).0,
        2,
        "--issuer is for import"
    );
}

#[test]
fn check_reads_json_lines_and_exits_by_verdict() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/qualification/cli_two.jsonl"
    );
    // The first passes, the second has a 250万元 fine inside the window: exit 1.
    let (code, out) = run(&["check", file, "--as-of", "2026-03-15", "--format", "text"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.starts_with("#1\tpass\t2026-03-15"), "{out}");
    assert!(out.contains("#2\tfail"), "{out}");
    assert!(
        out.contains("no_major_violation\t参加政府采购活动前三年内无重大违法记录"),
        "{out}"
    );
    assert!(
        out.contains("penalties[0].fineAmount") && out.contains("2027年3月15日"),
        "{out}"
    );
    // JSON lines in, JSON lines out, one report each.
    let (_, out) = run(&["check", file, "--as-of", "2026-03-15", "--format", "json"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(r#"{"verdict":"pass","groups":[{"id":"entity_eligibility""#));
    // On the day the fine leaves the window, it no longer counts.
    let (_, out) = run(&["check", file, "--as-of", "2027-03-15", "--format", "json"]);
    let second: serde_json::Value = serde_json::from_str(out.lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["groups"][5]["id"], "no_major_violation");
    assert_eq!(second["groups"][5]["status"], "pass", "{second}");
    // Bad input and bad options: exit 2.
    assert_eq!(run(&["check", "/nonexistent.json"]).0, 2);
    assert_eq!(run(&["check", file, "--as-of", "2026-02-30"]).0, 2);
    assert_eq!(run(&["check"]).0, 2);
}

/// `… | head`: the reader goes away; the CLI stops quietly (exit 141, as a tool killed by
/// SIGPIPE), no panic message. Plain `println!` panics on EPIPE. The pipe's reading end is
/// closed before the CLI starts, so its first write meets it, whatever the output's size.
#[test]
fn closed_stdout_stops_quietly() {
    let app = r#"{"entityType":"enterprise","name":"某某公司","uscc":"91110000600037341L"}"#;
    let file = temp_file("closed-stdout.jsonl", format!("{app}\n{app}\n").as_bytes());
    let commands: [&[&str]; 4] = [
        &["check", &file, "--as-of", "2026-03-15", "--format", "json"],
        &["check", &file, "--as-of", "2026-03-15"],
        &[
            "catalogue",
            "search",
            "ljqy",
            "--builtin",
            "county-example-2023",
        ],
        &["field", "uscc", "91110000600037341L"],
    ];
    for args in commands {
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_procurement-precheck"))
            .args(args)
            .stdout(writer)
            .output()
            .expect("run the CLI");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(out.status.code(), Some(141), "{args:?}: {err}");
    }
}

/// `check --package`: the bids of one package checked together (GPL-IR Art. 18); the JSON is
/// what `checkPackage` returns for the same input and options.
#[test]
fn check_package_finds_the_same_person_in_charge_in_two_bids() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/qualification/package_three.json"
    );
    let (code, out) = run(&["check", "--package", file, "--as-of", "2026-03-15"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("conflict\t#1\t#2\tother_conditions.same_legal_representative"),
        "{out}"
    );
    assert!(out.contains("#3\tpass"), "{out}");
    assert!(
        out.contains("从业人员45人、营业收入800万元属于小型企业"),
        "{out}"
    );
    let (_, out) = run(&[
        "check",
        file,
        "--package",
        "--as-of",
        "2026-03-15",
        "--format",
        "json",
    ]);
    let got: serde_json::Value = serde_json::from_str(&out).unwrap();
    let apps: Value = serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let opts = opts(&[("asOf", "2026-03-15")]);
    let want = api::check_package(
        &apps,
        Some(&opts),
        None,
        procurement_precheck::fields::date::Date::today(),
    )
    .unwrap();
    assert_eq!(got, serde_json::to_value(&want).unwrap());
    assert_eq!(got["conflicts"].as_array().unwrap().len(), 1);
    assert_eq!(got["reports"][0]["groups"][6]["status"], "fail");
    assert_eq!(
        got["reports"][2]["groups"][7]["params"]["computedSize"],
        "small"
    );
    // One application is not a package (bad usage); without --package the same file is three
    // reports, each passing: a conflict is seen only across the bids.
    let single = temp_file("one_application.json", br#"{ "entityType": "enterprise" }"#);
    assert_eq!(run(&["check", "--package", &single]).0, 2);
    let (code, out) = run(&["check", file, "--as-of", "2026-03-15", "--format", "json"]);
    assert_eq!(code, 0, "no conflict is seen one by one: {out}");
}
