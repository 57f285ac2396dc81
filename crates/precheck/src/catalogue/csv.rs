//! Catalogues kept in a spreadsheet: a CSV export (UTF-8, comma-separated, as Excel's
//! "CSV UTF-8" writes it: a byte-order mark, CRLF line ends, `"quoted, cells"` with `""` for a
//! quote and line breaks inside quotes) turned into the catalogue JSON format and loaded with
//! the same validating loader.
//!
//! The first row names the columns, in any order: `code`, `name`, `parent` (required) and
//! `level`, `aliases`, `keywords`, `pinmu`, `requirements`, `validFrom`, `validTo` (optional);
//! case, spaces, `_` and `-` do not matter (`valid_from`), and the Chinese headings 代码, 名称,
//! 上级代码, 层级, 别名, 关键词, 品目, 资质要求, 生效日期, 失效日期 are accepted too. Columns
//! with an empty heading are ignored. Rows whose cells are all empty are skipped.
//!
//! Lists (aliases, keywords, pinmu, requirements) are separated by `;` or `；`. A requirement is
//! `kind`, `kind>=grade`, `kind@issuer` or `kind>=grade@issuer` (`≥`, `＞＝` and `＠` also do):
//! `城市园林绿化企业资质>=三级@住房城乡建设部门`. An empty `parent` (or `-`) makes a top-level
//! class.
//!
//! Problems are reported with `rows[N]` paths, N the spreadsheet row (the header is row 1), so
//! `rows[7].parent` is the parent cell of row 7.

use super::load::Problems;
use super::Catalogue;
use crate::report::{codes, Context, Locale, PrecheckError, Raw};
use crate::value::Value;

/// The columns, as the JSON names them, with the Chinese headings accepted for each.
pub const COLUMNS: &[(&str, &[&str])] = &[
    ("code", &["代码", "编码", "目录代码"]),
    ("name", &["名称", "事项名称"]),
    ("parent", &["上级代码", "上级", "父级代码"]),
    ("level", &["层级", "级次"]),
    ("aliases", &["别名"]),
    ("keywords", &["关键词", "关键字"]),
    ("pinmu", &["品目", "品目代码"]),
    ("requirements", &["资质要求", "资质"]),
    ("validFrom", &["生效日期"]),
    ("validTo", &["失效日期"]),
];

/// The required columns.
const REQUIRED: &[&str] = &["code", "name", "parent"];

/// What a CSV export lacks: the catalogue's `version`, `issuer` and `note`.
#[derive(Debug, Clone, Default)]
pub struct CsvMeta {
    pub version: Option<String>,
    pub issuer: Option<String>,
    pub note: Option<String>,
}

impl Catalogue {
    /// Load and validate a catalogue from a CSV export; problems of the CSV itself and of the
    /// catalogue are reported with `rows[N]` paths.
    pub fn from_csv(
        text: &str,
        meta: &CsvMeta,
        locale: Locale,
    ) -> Result<Catalogue, PrecheckError> {
        let (doc, rows) = document(text, meta).map_err(|p| p.into_error(locale, "csv"))?;
        Catalogue::from_value(&doc, locale).map_err(|e| to_rows(e, &rows, locale))
    }
}

/// The records of a CSV text, each with its spreadsheet row number (1-based).
fn records(text: &str, p: &mut Problems) -> Vec<(usize, Vec<String>)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut out = Vec::new();
    let (mut cells, mut cell) = (Vec::new(), String::new());
    let (mut quoted, mut closed, mut bad) = (false, false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let row = out.len() + 1;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    cell.push('"');
                }
                '"' => (quoted, closed) = (false, true),
                '\r' => {
                    chars.next_if_eq(&'\n');
                    cell.push('\n');
                }
                c => cell.push(c),
            }
            continue;
        }
        match c {
            ',' => {
                cells.push(std::mem::take(&mut cell));
                closed = false;
            }
            '\r' | '\n' => {
                if c == '\r' {
                    chars.next_if_eq(&'\n');
                }
                cells.push(std::mem::take(&mut cell));
                out.push((row, std::mem::take(&mut cells)));
                (closed, bad) = (false, false);
            }
            '"' if !closed && cell.chars().all(|c| c == ' ' || c == '\t') => {
                cell.clear();
                quoted = true;
            }
            ' ' | '\t' if closed => {}
            c if closed => {
                if !bad {
                    p.push(
                        format!("rows[{row}]"),
                        Raw::error(codes::CATALOGUE_CSV_QUOTE).with("row", row),
                    );
                }
                bad = true;
                cell.push(c);
            }
            c => cell.push(c),
        }
    }
    if quoted {
        let row = out.len() + 1;
        p.push(
            format!("rows[{row}]"),
            Raw::error(codes::CATALOGUE_CSV_QUOTE).with("row", row),
        );
    }
    if !cells.is_empty() || !cell.is_empty() || closed {
        cells.push(cell);
        out.push((out.len() + 1, cells));
    }
    out
}

/// The column a heading names.
fn column(heading: &str) -> Option<&'static str> {
    let kept: String = heading
        .trim()
        .chars()
        .filter(|c| !matches!(c, ' ' | '_' | '-'))
        .collect();
    // Character by character, as `char::to_lowercase` (without core's table).
    let h = super::text::lowercase(&kept);
    COLUMNS
        .iter()
        .find(|(name, zh)| name.to_ascii_lowercase() == h || zh.contains(&h.as_str()))
        .map(|(name, _)| *name)
}

/// A `;`/`；`-separated list.
fn list(cell: &str) -> Vec<&str> {
    cell.split([';', '；'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

fn string(s: &str) -> Value<'static> {
    Value::String(s.to_string().into())
}

/// `kind>=grade@issuer` as a requirement object.
fn requirement(spec: &str) -> Value<'static> {
    let spec = spec
        .replace('＠', "@")
        .replace(['≥'], ">=")
        .replace("＞＝", ">=");
    let (rest, issuer) = match spec.split_once('@') {
        Some((a, b)) => (a, Some(b.trim())),
        None => (spec.as_str(), None),
    };
    let (kind, grade) = match rest.split_once(">=") {
        Some((k, g)) => (k, Some(g.trim())),
        None => (rest, None),
    };
    let mut fields = vec![("kind".into(), string(kind.trim()))];
    if let Some(g) = grade {
        fields.push(("minGrade".into(), string(g)));
    }
    if let Some(i) = issuer {
        fields.push(("issuer".into(), string(i)));
    }
    Value::Object(fields)
}

/// One data row as a catalogue item.
fn item(columns: &[Option<&'static str>], cells: &[String]) -> Value<'static> {
    let mut fields = Vec::new();
    for (col, cell) in columns.iter().zip(cells) {
        let (Some(col), cell) = (col, cell.trim()) else {
            continue;
        };
        let value = match *col {
            "code" | "name" => string(cell),
            _ if cell.is_empty() => continue,
            "level" if cell.len() < 10 && cell.bytes().all(|b| b.is_ascii_digit()) => {
                Value::Number(cell.to_string().into())
            }
            "aliases" | "keywords" | "pinmu" => {
                Value::Array(list(cell).into_iter().map(string).collect())
            }
            "requirements" => Value::Array(list(cell).into_iter().map(requirement).collect()),
            _ => string(cell),
        };
        fields.push((col.to_string().into(), value));
    }
    Value::Object(fields)
}

/// The catalogue document of a CSV text and the spreadsheet row of each item.
fn document(text: &str, meta: &CsvMeta) -> Result<(Value<'static>, Vec<usize>), Problems> {
    let mut p = Problems::default();
    let recs = records(text, &mut p);
    let mut recs = recs.into_iter();
    let header = recs.next().map(|(_, cells)| cells).unwrap_or_default();
    let mut columns: Vec<Option<&'static str>> = Vec::new();
    let known: Vec<&str> = COLUMNS.iter().map(|(n, _)| *n).collect();
    for heading in &header {
        let col = column(heading);
        if !heading.trim().is_empty() && (col.is_none() || columns.contains(&col)) {
            p.push(
                "rows[1]",
                Raw::error(codes::CATALOGUE_CSV_UNKNOWN_COLUMN)
                    .with("column", heading.trim())
                    .with("columns", known.join(", ")),
            );
        }
        columns.push(col);
    }
    for name in REQUIRED {
        if !columns.contains(&Some(name)) {
            p.push(
                "rows[1]",
                Raw::error(codes::CATALOGUE_CSV_MISSING_COLUMN).with("column", name),
            );
        }
    }
    let mut items = Vec::new();
    let mut rows = Vec::new();
    for (row, cells) in recs {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if cells
            .iter()
            .skip(columns.len())
            .any(|c| !c.trim().is_empty())
        {
            p.push(
                format!("rows[{row}]"),
                Raw::error(codes::CATALOGUE_CSV_ROW_LENGTH)
                    .with("row", row)
                    .with("cells", cells.len())
                    .with("columns", columns.len()),
            );
            continue;
        }
        items.push(item(&columns, &cells));
        rows.push(row);
    }
    if !p.is_empty() {
        return Err(p);
    }
    let mut doc = Vec::new();
    for (key, value) in [
        ("version", &meta.version),
        ("issuer", &meta.issuer),
        ("note", &meta.note),
    ] {
        if let Some(v) = value {
            doc.push((key.to_string().into(), string(v)));
        }
    }
    doc.push(("items".into(), Value::Array(items)));
    Ok((Value::Object(doc), rows))
}

/// Loader errors with `items[i]` paths and item indexes turned into spreadsheet rows.
fn to_rows(mut e: PrecheckError, rows: &[usize], locale: Locale) -> PrecheckError {
    let row_of = |i: &str| i.parse::<usize>().ok().and_then(|i| rows.get(i)).copied();
    for f in &mut e.findings {
        let Some((index, tail)) = f
            .path
            .strip_prefix("items[")
            .and_then(|rest| rest.split_once(']'))
        else {
            continue;
        };
        let Some(row) = row_of(index) else { continue };
        let Some(code) = codes::ALL.iter().find(|c| **c == f.code).copied() else {
            continue;
        };
        let mut raw = Raw::new(code, f.severity);
        raw.params = std::mem::take(&mut f.params);
        for key in ["index", "firstIndex"] {
            if let Some(v) = raw.params.get_mut(key) {
                if let Some(r) = row_of(v) {
                    *v = r.to_string();
                }
            }
        }
        let path = format!("rows[{row}]{tail}");
        *f = Context {
            locale,
            path: &path,
            label: "",
            group: None,
        }
        .render(raw);
    }
    e
}
