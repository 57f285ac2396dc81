// Vite 5 and 6 default to build.target ['es2020', 'chrome87', …], which predates top-level
// await; the package's default entry needs this one line (every browser with WebAssembly
// reference types has top-level await anyway).
export default { build: { target: 'es2022' } };
