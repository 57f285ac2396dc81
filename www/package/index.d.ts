// procurement-precheck — types of the package entry. Every function and type is generated
// from the Rust sources by wasm-bindgen (see src/wasm.rs and src/wasm_types.d.ts).
export * from './procurement_precheck.js';
