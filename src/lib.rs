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
#![forbid(unsafe_code)]
// No trap (issue 6): in the wasm build a panic aborts the instance, so the library's own code
// may not contain anything that panics on data — no unwrap/expect, no unchecked indexing or
// slicing (of slices, arrays or strings), no panic!/unreachable!/todo!/unimplemented!. Input is
// read with `get`, patterns and `?`; what cannot happen is written so that it cannot happen.
// Unit tests (cfg(test)), tests/, build.rs and the CLI binary are separate and not bound by it.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::indexing_slicing,
        clippy::string_slice,
        clippy::panic,
        clippy::unreachable,
        clippy::todo,
        clippy::unimplemented,
        clippy::get_unwrap,
        clippy::unwrap_in_result,
        clippy::panic_in_result_fn,
        clippy::exit
    )
)]

pub mod api;
pub mod catalogue;
pub mod fields;
pub mod options;
pub mod qualification;
pub mod report;
pub mod tables;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod wasm;
