//! The TypeScript unions generated from the core's lists: the text of
//! `crates/precheck-wasm/generated.d.ts`, which the wasm crate embeds next to the hand-kept
//! shapes of `types.d.ts`. `crates/precheck/tests/typescript.rs` fails when the committed file
//! differs from [`generated_d_ts`]; `UPDATE_TYPES=1 cargo test -p procurement-precheck --test
//! typescript` rewrites it.

use procurement_precheck::catalogue::builtin;
use procurement_precheck::qualification::{
    policy, sme, Evidence, GroupStatus, Verdict, ENTITY_TYPES, GROUP_IDS, INSTITUTION_CLASSES,
    ISSUER_LEVELS, PENALTY_KINDS,
};
use procurement_precheck::report::{codes, Severity};
use procurement_precheck::{api, tables};

/// Where the generated file lives, from the repository root.
pub const PATH: &str = "crates/precheck-wasm/generated.d.ts";

/// The command that rewrites the generated file.
pub const REFRESH: &str = "UPDATE_TYPES=1 cargo test -p procurement-precheck --test typescript";

/// One generated union: its TS name, doc comment, the Rust list it comes from, and the words.
pub struct Union {
    pub name: &'static str,
    pub doc: &'static str,
    pub source: &'static str,
    pub words: Vec<String>,
}

fn words(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The wire names of a serialised enum's variants (as serde writes them).
macro_rules! wire {
    ($all:expr) => {
        $all.iter()
            .map(|v| {
                serde_json::to_value(v)
                    .ok()
                    .and_then(|j| j.as_str().map(str::to_string))
                    .expect("a unit variant serialises as a string")
            })
            .collect::<Vec<String>>()
    };
}

// Every variant, in declaration order. The matches are exhaustive: a new variant does not
// compile here until it is listed (and then it is in the generated union).
fn severities() -> Vec<Severity> {
    let all = vec![Severity::Error, Severity::Warning, Severity::Info];
    for s in &all {
        match s {
            Severity::Error | Severity::Warning | Severity::Info => {}
        }
    }
    all
}

fn group_statuses() -> Vec<GroupStatus> {
    let all = vec![
        GroupStatus::Pass,
        GroupStatus::Fail,
        GroupStatus::Incomplete,
        GroupStatus::NotApplicable,
    ];
    for s in &all {
        match s {
            GroupStatus::Pass
            | GroupStatus::Fail
            | GroupStatus::Incomplete
            | GroupStatus::NotApplicable => {}
        }
    }
    all
}

fn verdicts() -> Vec<Verdict> {
    let all = vec![Verdict::Pass, Verdict::Fail, Verdict::Incomplete];
    for v in &all {
        match v {
            Verdict::Pass | Verdict::Fail | Verdict::Incomplete => {}
        }
    }
    all
}

fn evidences() -> Vec<Evidence> {
    let all = vec![Evidence::Documents, Evidence::Commitment];
    for e in &all {
        match e {
            Evidence::Documents | Evidence::Commitment => {}
        }
    }
    all
}

/// The entity kinds a USCC's positions 1–2 can show (`data/uscc_types.tsv`), in
/// [`ENTITY_TYPES`] order; a kind that is not an entity type is kept (a test rejects it).
pub fn uscc_entity_kinds() -> Vec<String> {
    let table = tables::uscc_types();
    let mut kinds: Vec<&str> = table
        .keys()
        .iter()
        .filter_map(|k| table.get(k).and_then(|cols| cols.first().copied()))
        .filter(|k| *k != "-")
        .collect();
    kinds.sort_by_key(|k| {
        ENTITY_TYPES
            .iter()
            .position(|t| t == k)
            .unwrap_or(usize::MAX)
    });
    kinds.dedup();
    words(&kinds)
}

/// Every generated union, in file order.
pub fn unions() -> Vec<Union> {
    vec![
        Union {
            name: "Severity",
            doc: "How serious a finding is.",
            source: "report::Severity",
            words: wire!(severities()),
        },
        Union {
            name: "FindingCode",
            doc: "Every finding code (stable: codes are added, never renamed; see data/messages.tsv).",
            source: "report::codes::ALL",
            words: words(codes::ALL),
        },
        Union {
            name: "ArgumentType",
            doc: "What an argument should be, in an argumentError (a type word of the message table).",
            source: "api::ARGUMENT_TYPES",
            words: words(api::ARGUMENT_TYPES),
        },
        Union {
            name: "EntityKind",
            doc: "The entity type a USCC's positions 1–2 show (data/uscc_types.tsv; never natural_person).",
            source: "data/uscc_types.tsv",
            words: uscc_entity_kinds(),
        },
        Union {
            name: "BuiltinCatalogueName",
            doc: "The embedded catalogues; the first is the default.",
            source: "catalogue::builtin::NAMES",
            words: words(builtin::NAMES),
        },
        Union {
            name: "EntityType",
            doc: "Who applies (RULES.md §3).",
            source: "qualification::ENTITY_TYPES",
            words: words(ENTITY_TYPES),
        },
        Union {
            name: "InstitutionClass",
            doc: "事业单位 classes: 公益一类, 公益二类, 生产经营类, 行政类 (承担行政职能; may not be an undertaker, rev. 2).",
            source: "qualification::INSTITUTION_CLASSES",
            words: words(INSTITUTION_CLASSES),
        },
        Union {
            name: "PenaltyKind",
            doc: "Major: criminal, suspension (责令停产停业), closure (责令关闭), revocation, a fine at the threshold.\n * For the purchaser's review (行政处罚法 Art. 9): qualification_downgrade (降低资质等级),\n * business_restriction (限制开展生产经营活动), practice_restriction (限制从业), licence_suspension\n * (暂扣许可证件), other. Not among GPL-IR Art. 19's kinds: warning, public_criticism (通报批评),\n * confiscation (没收违法所得/非法财物).",
            source: "qualification::PENALTY_KINDS",
            words: words(PENALTY_KINDS),
        },
        Union {
            name: "IssuerLevel",
            doc: "The level of the penalising body.",
            source: "qualification::ISSUER_LEVELS",
            words: words(ISSUER_LEVELS),
        },
        Union {
            name: "SmeIndustry",
            doc: "The industries of 工信部联企业〔2011〕300号 Art. 4, as ids (the standard's Chinese names,\n *  e.g. \"软件和信息技术服务业\", are accepted too).",
            source: "qualification::sme::INDUSTRIES",
            words: words(sme::INDUSTRIES),
        },
        Union {
            name: "PolicyKey",
            doc: "The keys of `opts.policy` (any other is an error); the fields of `Policy`.",
            source: "qualification::policy::KEYS",
            words: words(policy::KEYS),
        },
        Union {
            name: "GroupId",
            doc: "The check groups, in report order: the seven of GPL Art. 22 / MOF-102, then sme_declaration.",
            source: "qualification::GROUP_IDS",
            words: words(&GROUP_IDS),
        },
        Union {
            name: "GroupStatus",
            doc: "A check group's status.",
            source: "qualification::GroupStatus",
            words: wire!(group_statuses()),
        },
        Union {
            name: "Verdict",
            doc: "The overall verdict of a supplier report.",
            source: "qualification::Verdict",
            words: wire!(verdicts()),
        },
        Union {
            name: "Evidence",
            doc: "What decided a group: documents given, or the applicant's commitment (承诺).",
            source: "qualification::Evidence",
            words: wire!(evidences()),
        },
    ]
}

/// The text of `crates/precheck-wasm/generated.d.ts`.
pub fn generated_d_ts() -> String {
    let mut out = format!(
        "// GENERATED from the Rust lists of crates/precheck by crates/precheck-testkit/src/typescript.rs;\n\
         // do not edit. Refresh: {REFRESH}\n"
    );
    for u in unions() {
        out.push_str(&format!(
            "\n/** {} (`{}`) */\nexport type {} =\n",
            u.doc, u.source, u.name
        ));
        let n = u.words.len();
        for (i, w) in u.words.iter().enumerate() {
            let end = if i + 1 == n { ";" } else { "" };
            out.push_str(&format!("  | {}{end}\n", serde_json::to_string(w).unwrap()));
        }
    }
    out
}
