// No config: what Vite 5 builds procurement-precheck/inline with (and, as a control, fails to
// build the default entry with: its default build.target predates top-level await).
export default {};
