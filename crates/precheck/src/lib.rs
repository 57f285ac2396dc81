//! # procurement-precheck
//!
//! Pre-checks for supplier forms of Chinese government purchase of services (政府购买服务):
//! identifiers (统一社会信用代码, 身份证, 组织机构代码, 注册号), money and 大写金额, dates and
//! phone numbers — with findings that name the field, the rule and its basis, in zh-CN, zh-TW
//! and en. The same core runs natively (CLI) and as WebAssembly (the npm package).
//!
//! ```
//! use procurement_precheck::fields::{uscc, Input};
//! let r = uscc::check(&Input::from("91110000600037341N"), &Default::default());
//! assert!(!r.ok);
//! assert_eq!(r.findings[0].code, "uscc.check_char");
//! assert_eq!(r.findings[0].params["expected"], "L");
//! ```
// The no-trap lints (no unwrap, indexing, slicing, panics on data) are the workspace's:
// see [workspace.lints] in the top-level Cargo.toml. Unit tests are exempt (clippy.toml).

pub mod api;
#[cfg(feature = "catalogue")]
pub mod catalogue;
pub mod fields;
pub mod number;
pub mod options;
#[cfg(feature = "qualification")]
pub mod qualification;
pub mod read;
pub mod report;
pub mod sorted;
pub mod tables;
pub mod value;
