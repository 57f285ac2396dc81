//! The native CLI: exit codes and output.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::unreachable,
    clippy::indexing_slicing,
    clippy::string_slice
)] // a test fails loudly
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
    precheck_testkit::repo(path)
}

/// A file under the test's temporary directory.
fn temp_file(name: &str, content: &[u8]) -> String {
    let path = format!("{}/{name}", env!("CARGO_TARGET_TMPDIR"));
    std::fs::write(&path, content).expect("write temp file");
    path
}

fn opts(pairs: &[(&str, &str)]) -> Value<'static> {
    Value::Object(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string().into(), Value::String(v.to_string().into())))
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
    let file = &manifest("tests/fixtures/qualification/cli_two.jsonl");
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

// ---- check: streaming JSON lines, --jobs, --format summary ----

/// Run the CLI with `stdin` as standard input: exit code, stdout bytes, stderr.
fn run_with_input(args: &[&str], stdin: &[u8]) -> (i32, Vec<u8>, String) {
    use std::io::Write as _;
    let mut child = Command::new(env!("CARGO_BIN_EXE_procurement-precheck"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run the CLI");
    let mut pipe = child.stdin.take().expect("stdin");
    let input = stdin.to_vec();
    // Written from a thread: the CLI writes reports while it reads.
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(&input);
    });
    let out = child.wait_with_output().expect("wait for the CLI");
    writer.join().expect("writer");
    (
        out.status.code().unwrap_or(-1),
        out.stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The two applications of the fixture (the first passes, the second fails as of 2026-03-15).
fn fixture_apps() -> (String, String) {
    let text = std::fs::read_to_string(manifest("tests/fixtures/qualification/cli_two.jsonl"))
        .expect("fixture");
    let mut lines = text.lines().filter(|l| !l.trim().is_empty());
    let pass = lines.next().expect("first").to_string();
    let fail = lines.next().expect("second").to_string();
    (pass, fail)
}

/// 700 JSON lines over three batches of 256: passing, failing and bad-USCC applications in
/// turn, blank lines (empty, spaces, a CRLF line, an ideographic space), and a line of more
/// than 1 MiB (an application with a huge unknown key's value) — applications only, no line
/// that is not JSON. Returns the text and its applications in order.
fn register() -> (String, Vec<String>) {
    let (pass, fail) = fixture_apps();
    let bad_uscc = pass.replace("91110000600037341L", "91110000600037341N");
    let mut text = String::new();
    let mut apps = vec![];
    for k in 0..700 {
        let app = match k % 3 {
            0 => pass.clone(),
            1 => fail.clone(),
            _ => bad_uscc.clone(),
        };
        let app = if k == 130 {
            // The huge line: the same application with an unknown key of 1.2 MB.
            format!(
                r#"{{"notes":"{}",{}"#,
                "某".repeat(400_000),
                app.trim_start_matches('{')
            )
        } else {
            app
        };
        text.push_str(&app);
        text.push_str(if k == 7 { "\r\n" } else { "\n" });
        apps.push(app);
        match k {
            3 => text.push('\n'),
            50 => text.push_str("   \t\n"),
            200 => text.push_str("\u{3000}\n"),
            _ => {}
        }
    }
    (text, apps)
}

/// Each application's report as the library makes it, as JSON (the CLI's options).
fn library_reports(apps: &[String]) -> Vec<procurement_precheck::qualification::SupplierReport> {
    let cat = builtin::get("central-2020").expect("central");
    let o = opts(&[("asOf", "2026-03-15")]);
    let today = procurement_precheck::fields::date::Date::today();
    apps.iter()
        .map(|a| {
            let v: Value = serde_json::from_str(a).expect("an application");
            api::check_supplier(&v, Some(&o), Some(&cat), today).expect("a report")
        })
        .collect()
}

#[test]
fn check_streams_json_lines_in_input_order_whatever_the_jobs() {
    let (text, apps) = register();
    let file = temp_file("register.jsonl", text.as_bytes());
    let reports = library_reports(&apps);
    let expected: String = reports
        .iter()
        .map(|r| serde_json::to_string(r).expect("json") + "\n")
        .collect();
    let args = ["check", &file, "--as-of", "2026-03-15", "--format", "json"];
    let mut outputs = vec![];
    for jobs in ["1", "3"] {
        let (code, out, err) = run_with_input(&[&args[..], &["--jobs", jobs]].concat(), b"");
        assert_eq!(code, 1, "some fail: {err}");
        assert_eq!(out.len(), expected.len(), "--jobs {jobs}");
        assert!(
            out == expected.as_bytes(),
            "--jobs {jobs}: the library's reports, in order"
        );
        outputs.push(out);
    }
    // The default (every core) and standard input give the same bytes.
    let (code, out, _) = run_with_input(&args, b"");
    assert_eq!((code, out == outputs[0]), (1, true));
    let mut stdin_args = args;
    stdin_args[1] = "-";
    let (code, out, _) = run_with_input(
        &[&stdin_args[..], &["--jobs", "2"]].concat(),
        text.as_bytes(),
    );
    assert_eq!((code, out == outputs[0]), (1, true), "standard input");
    // The text format: the same for one job and three, numbered by application.
    let text_args = ["check", &file, "--as-of", "2026-03-15", "--format", "text"];
    let (c1, t1, _) = run_with_input(&[&text_args[..], &["--jobs", "1"]].concat(), b"");
    let (c3, t3, _) = run_with_input(&[&text_args[..], &["--jobs", "3"]].concat(), b"");
    assert_eq!((c1, c3), (1, 1));
    assert!(t1 == t3, "text: --jobs 1 and 3 differ");
    let t1 = String::from_utf8(t1).expect("utf-8");
    assert_eq!(t1.lines().filter(|l| l.starts_with('#')).count(), 700);
    assert!(
        t1.contains("\n#700\tpass\t2026-03-15\n"),
        "numbered to the last"
    );
    assert!(t1.starts_with("#1\tpass\t2026-03-15\n"), "{}", &t1[..40]);
}

#[test]
fn check_stops_at_a_line_that_is_not_json_after_the_reports_before_it() {
    let (text, apps) = register();
    // Line numbers count every line: find the 280th application's line, break it.
    let mut lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut seen = 0;
    let at = lines
        .iter()
        .position(|l| {
            let app = !l.trim().is_empty();
            seen += usize::from(app);
            app && seen == 280
        })
        .expect("line of the 280th application");
    lines[at] = "{\"entityType\": \"enterprise\", \"name\": \n";
    let broken: String = lines.concat();
    let file = temp_file("register-broken.jsonl", broken.as_bytes());
    let reports = library_reports(&apps[..279]);
    let expected: String = reports
        .iter()
        .map(|r| serde_json::to_string(r).expect("json") + "\n")
        .collect();
    let mut outputs = vec![];
    for jobs in ["1", "3"] {
        let args = [
            "check",
            &file,
            "--as-of",
            "2026-03-15",
            "--format",
            "json",
            "--jobs",
            jobs,
        ];
        let (code, out, err) = run_with_input(&args, b"");
        assert_eq!(code, 2, "bad input");
        assert!(
            out == expected.as_bytes(),
            "--jobs {jobs}: the 279 reports before the bad line"
        );
        assert!(
            err.contains(&format!("register-broken.jsonl: line {}: not JSON", at + 1)),
            "{err}"
        );
        outputs.push(out);
    }
    // The summary stops at the same place.
    let args = [
        "check",
        &file,
        "--as-of",
        "2026-03-15",
        "--format",
        "summary",
    ];
    let (c1, s1, _) = run_with_input(&[&args[..], &["--jobs", "1"]].concat(), b"");
    let (c3, s3, _) = run_with_input(&[&args[..], &["--jobs", "3"]].concat(), b"");
    assert_eq!((c1, c3), (2, 2));
    assert!(s1 == s3);
    assert_eq!(String::from_utf8_lossy(&s1).lines().count(), 279);
    // Not UTF-8 in the middle: the same, with its line.
    lines[at] = "{\"name\": \"\u{fffd}\"}\n";
    let mut bytes = lines.concat().into_bytes();
    let bad = bytes
        .windows(3)
        .position(|w| w == "\u{fffd}".as_bytes())
        .expect("the marker");
    bytes[bad] = 0xff;
    let file = temp_file("register-latin1.jsonl", &bytes);
    let args = [
        "check",
        &file,
        "--as-of",
        "2026-03-15",
        "--format",
        "json",
        "--jobs",
        "3",
    ];
    let (code, out, err) = run_with_input(&args, b"");
    assert_eq!(code, 2);
    assert!(out == expected.as_bytes());
    assert!(
        err.contains(&format!("line {}: not UTF-8", at + 1)),
        "{err}"
    );
    // A first line that is not JSON: nothing is written (the input is not JSON lines).
    let file = temp_file(
        "register-bad-first.jsonl",
        format!("{{\n{broken}").as_bytes(),
    );
    let (code, out, err) = run_with_input(&["check", &file, "--format", "json"], b"");
    assert_eq!((code, out.len()), (2, 0));
    assert!(err.contains("line 1: not JSON"), "{err}");
}

#[test]
fn check_summary_is_one_row_per_application() {
    let (text, apps) = register();
    let file = temp_file("register-summary.jsonl", text.as_bytes());
    let reports = library_reports(&apps);
    let codes = |r: &procurement_precheck::qualification::SupplierReport, s| {
        let c: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.severity == s)
            .map(|f| f.code)
            .collect();
        if c.is_empty() {
            "-".to_string()
        } else {
            c.join(",")
        }
    };
    use procurement_precheck::report::Severity;
    let expected: String = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let verdict = serde_json::to_value(r.verdict).expect("verdict");
            format!(
                "{}\t{}\t{}\t{}\n",
                i + 1,
                verdict.as_str().expect("a word"),
                codes(r, Severity::Error),
                codes(r, Severity::Warning)
            )
        })
        .collect();
    let args = [
        "check",
        &file,
        "--as-of",
        "2026-03-15",
        "--format",
        "summary",
    ];
    for jobs in ["1", "3"] {
        let (code, out, _) = run_with_input(&[&args[..], &["--jobs", jobs]].concat(), b"");
        assert_eq!(code, 1);
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            expected,
            "--jobs {jobs}"
        );
    }
    // The rows of the three kinds of application.
    let rows: Vec<&str> = expected.lines().take(3).collect();
    assert_eq!(rows[0], "1\tpass\t-\t-");
    assert!(rows[1].starts_with("2\tfail\t"), "{}", rows[1]);
    assert!(
        rows[1].contains("no_major_violation.large_fine"),
        "{}",
        rows[1]
    );
    assert!(
        rows[2].starts_with("3\tfail\tuscc.check_char"),
        "{}",
        rows[2]
    );
    // The huge line (its unknown key is an info finding, not in the summary) is checked as
    // the failing application it wraps.
    let huge = expected.lines().nth(130).expect("row 131");
    assert_eq!(
        huge.strip_prefix("131"),
        rows[1].strip_prefix('2'),
        "{huge}"
    );
}

#[test]
fn check_documents_and_options_keep_their_output() {
    let (pass, fail) = fixture_apps();
    let reports = library_reports(&[pass.clone(), fail.clone()]);
    let json: Vec<String> = reports
        .iter()
        .map(|r| serde_json::to_string(r).expect("json"))
        .collect();
    let as_of = ["--as-of", "2026-03-15"];
    // An array gives an array, the same for one job and three: 700 applications, the huge
    // one among them, in pieces of 256.
    let (_, many) = register();
    let many_reports = library_reports(&many);
    let expected = format!(
        "[{}]\n",
        many_reports
            .iter()
            .map(|r| serde_json::to_string(r).expect("json"))
            .collect::<Vec<_>>()
            .join(",")
    );
    let file = temp_file(
        "register.json",
        format!("[{}]", many.join(",\n")).as_bytes(),
    );
    for jobs in ["1", "3"] {
        let args = [
            &["check", &file, "--format", "json", "--jobs", jobs][..],
            &as_of,
        ]
        .concat();
        let (code, out, _) = run_with_input(&args, b"");
        assert_eq!(code, 1);
        assert!(out == expected.as_bytes(), "array, --jobs {jobs}");
        let args = [
            &["check", &file, "--format", "text", "--jobs", jobs][..],
            &as_of,
        ]
        .concat();
        let (_, out, _) = run_with_input(&args, b"");
        let out = String::from_utf8(out).expect("utf-8");
        assert!(
            out.starts_with("#1\tpass\t") && out.contains("\n#700\tpass\t"),
            "--jobs {jobs}"
        );
    }
    // Each application of an array is its own input, as for the package: an application of
    // more than value.rs's 200 000 values does not leave the next one without any.
    let wide = format!(
        r#"{},"notes":[{}]}}"#,
        pass.strip_suffix('}').expect("an object"),
        vec!["0"; 200_001].join(",")
    );
    let wide_apps = [wide, pass.clone()];
    let wide_reports = library_reports(&wide_apps);
    let file = temp_file("wide.json", format!("[{}]", wide_apps.join(",")).as_bytes());
    let args = [&["check", &file, "--format", "json"][..], &as_of].concat();
    let (code, out, _) = run_with_input(&args, b"");
    let out = String::from_utf8(out).expect("utf-8");
    assert_eq!(code, 0, "both pass");
    assert_eq!(
        out,
        format!(
            "[{},{}]\n",
            serde_json::to_string(&wide_reports[0]).expect("json"),
            json[0]
        )
    );
    let array = temp_file("two.json", format!("[\n{pass},\n{fail}\n]\n").as_bytes());
    for jobs in ["1", "3"] {
        let args = [
            &["check", &array, "--format", "json", "--jobs", jobs][..],
            &as_of,
        ]
        .concat();
        let (code, out, _) = run_with_input(&args, b"");
        assert_eq!(code, 1);
        assert_eq!(
            String::from_utf8(out).expect("utf-8"),
            format!("[{},{}]\n", json[0], json[1])
        );
    }
    // A pretty-printed object, a single line, an empty array.
    let pretty = serde_json::to_string_pretty(
        &serde_json::from_str::<serde_json::Value>(&pass).expect("json"),
    )
    .expect("pretty");
    for (name, content) in [
        ("pretty.json", pretty.as_str()),
        ("one.jsonl", pass.as_str()),
    ] {
        let file = temp_file(name, format!("\n{content}\n\n").as_bytes());
        let args = [&["check", &file, "--format", "json"][..], &as_of].concat();
        let (code, out, _) = run_with_input(&args, b"");
        assert_eq!(
            (code, String::from_utf8(out).expect("utf-8")),
            (0, format!("{}\n", json[0]))
        );
        let args = [&["check", &file, "--format", "summary"][..], &as_of].concat();
        let (_, out, _) = run_with_input(&args, b"");
        assert_eq!(out, b"1\tpass\t-\t-\n");
    }
    let (code, out, _) = run_with_input(&["check", "-", "--format", "json"], b"[]");
    assert_eq!((code, out.as_slice()), (0, &b"[]\n"[..]));
    let (code, out, _) = run_with_input(&["check", "-", "--format", "summary"], b" [ ] ");
    assert_eq!((code, out.len()), (0, 0));
    // Bad options on JSON lines: the error, nothing before it; JSON with --format json.
    let file = temp_file("two-lines.jsonl", format!("{pass}\n{fail}\n").as_bytes());
    let (code, out, err) = run_with_input(
        &[
            "check",
            &file,
            "--as-of",
            "2026-02-30",
            "--format",
            "json",
            "--jobs",
            "2",
        ],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    let e: serde_json::Value = serde_json::from_slice(&out).expect("one JSON error");
    assert_eq!(e["path"], "opts.asOf", "{e}");
    // Bad --jobs and --format values are bad usage.
    for bad in [
        ["--jobs", "0"],
        ["--jobs", "x"],
        ["--jobs", "9999"],
        ["--format", "tsv"],
    ] {
        let (code, out, _) = run_with_input(&[&["check", &file][..], &bad].concat(), b"");
        assert_eq!((code, out.len()), (2, 0), "{bad:?}");
    }
}

/// A pipe that trickles (`tail -f register.jsonl | procurement-precheck check -`): each report
/// is written once its line is checked, not when the input ends. The test fails (after a
/// generous wait, not a timing bound) if the CLI waits for the end of its input.
#[test]
fn check_answers_a_trickling_pipe_line_by_line() {
    use std::io::{BufRead as _, Write as _};
    let (pass, fail) = fixture_apps();
    let mut child = Command::new(env!("CARGO_BIN_EXE_procurement-precheck"))
        .args([
            "check",
            "-",
            "--as-of",
            "2026-03-15",
            "--format",
            "summary",
            "--jobs",
            "2",
        ])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run the CLI");
    let mut stdin = child.stdin.take().expect("stdin");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    let reader = std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    // Two lines make it JSON lines; their reports come while the input stays open.
    writeln!(stdin, "{pass}\n{fail}").expect("write");
    stdin.flush().expect("flush");
    let wait = std::time::Duration::from_secs(120);
    assert_eq!(rx.recv_timeout(wait).as_deref(), Ok("1\tpass\t-\t-"));
    assert!(rx
        .recv_timeout(wait)
        .expect("second report")
        .starts_with("2\tfail\t"));
    writeln!(stdin, "{pass}").expect("write");
    stdin.flush().expect("flush");
    assert_eq!(rx.recv_timeout(wait).as_deref(), Ok("3\tpass\t-\t-"));
    drop(stdin);
    assert_eq!(child.wait().expect("exit").code(), Some(1));
    reader.join().expect("reader");
    assert!(rx.try_recv().is_err(), "nothing more");
}

/// `check --package`: the bids of one package checked together (GPL-IR Art. 18); the JSON is
/// what `checkPackage` returns for the same input and options.
#[test]
fn check_package_finds_the_same_person_in_charge_in_two_bids() {
    let file = &manifest("tests/fixtures/qualification/package_three.json");
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
    let apps_text = std::fs::read_to_string(file).unwrap();
    let apps: Value = serde_json::from_str(&apps_text).unwrap();
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
