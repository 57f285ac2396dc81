// Rollup 4 with the resolver every Rollup app has; procurement-precheck/inline needs nothing
// more (the default entry would need a plugin copying the .wasm its `new URL(…)` names).
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
