// The only line a portal needs: keep the dev server from pre-bundling the package (its .wasm is
// loaded relative to the module). The CSP header is the strict one README recommends.
export default {
  optimizeDeps: { exclude: ['procurement-precheck'] },
  preview: { headers: { 'Content-Security-Policy': "default-src 'self'; img-src 'self' data:; script-src 'self' 'wasm-unsafe-eval'" } },
};
