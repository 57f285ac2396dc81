// Rollup 4 and the default entry: the resolver every Rollup app has, plus one plugin that emits
// the .wasm the package names with `new URL('./procurement_precheck_bg.wasm', import.meta.url)`
// (Rollup leaves that expression alone and copies no file). Top-level await needs nothing:
// format 'es' keeps it.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { importMetaAssets } from '@web/rollup-plugin-import-meta-assets';

export default {
  input: 'src/main.js',
  output: { dir: 'dist', format: 'es' },
  plugins: [nodeResolve({ browser: true }), importMetaAssets()],
};
