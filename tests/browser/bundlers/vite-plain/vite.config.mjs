// No config: what Vite 5, 6 and 7 build procurement-precheck/inline with and Vite 7 and 8 the
// default entry (their default target, 'baseline-widely-available', has top-level await); as a
// control, Vite 5 and 6 fail to build the default entry with it (their default build.target
// predates top-level await).
export default {};
