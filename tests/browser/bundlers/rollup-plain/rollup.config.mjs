// Rollup 4 with the resolver every Rollup app has; procurement-precheck/inline needs nothing
// more. The default entry builds with it too, but no .wasm is emitted beside the bundle (the
// control): rollup-assets adds the one plugin that copies the .wasm its `new URL(…)` names.
import { nodeResolve } from '@rollup/plugin-node-resolve';

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true })],
};
