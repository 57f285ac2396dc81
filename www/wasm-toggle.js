// The demo's failure path on request: index.html?wasm=blocked loads the page as a portal whose
// server sends a Content-Security-Policy without 'wasm-unsafe-eval' — the browser refuses to
// compile the package's .wasm, the import still resolves with `ready` false, and the page shows
// what a portal shows when the pre-checks are unavailable (demo.js). A classic script, run
// before the page's module, so the policy is in place before the package loads.
if (new URLSearchParams(location.search).get('wasm') === 'blocked') {
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "script-src 'self'";
  document.head.append(meta);
}
