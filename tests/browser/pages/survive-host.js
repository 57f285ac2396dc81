// A host page's app (for survival.test.mjs): mounts, attaches the pre-check to its form and
// records what the package says — whether the .wasm loaded or not. `pkg` is the package's
// module namespace, as survive.js imports it (the default entry, the single-file variant,
// /fields or /attach — the last two have no catalogue or adapters,
// and /fields no attach: 'absent').
export async function run(pkg) {
  const form = document.querySelector('#f');
  const log = {};
  form.addEventListener('precheck:unavailable', (e) => { log.event = `${e.detail.error.name}:${e.detail.error.code}`; });
  // The portal's own submit handler: it "sends" the form.
  form.addEventListener('submit', (e) => { e.preventDefault(); document.body.dataset.submitted = '1'; });
  const handle = pkg.attach?.(form, { uscc: { selector: '[name=uscc]' } });
  log.attached = handle ? handle.attached : 'absent';
  log.ready = await pkg.ready;
  log.available = pkg.isAvailable();
  try {
    log.check = pkg.checkUscc('91110000600037341L').findings.length === 0 ? 'ok' : 'findings';
  } catch (e) {
    log.check = `${e.name}:${e.code}`;
  }
  try {
    pkg.Catalogue?.builtin();
    log.catalogue = pkg.Catalogue ? 'ok' : 'absent';
  } catch (e) {
    log.catalogue = `${e.name}:${e.code}`;
  }
  if (pkg.toAsyncValidatorRules) {
    const rules = pkg.toAsyncValidatorRules({ uscc: 'uscc' });
    log.rule = await rules.uscc[0].validator({ field: 'uscc' }, 'not a uscc', () => {}, {}).then(() => 'pass', () => 'reject');
    log.schema = 'issues' in pkg.schemas.uscc['~standard'].validate('not a uscc') ? 'issues' : 'value';
  } else {
    log.rule = log.schema = 'absent';
  }
  await new Promise((r) => setTimeout(r, 0));
  document.querySelector('#app').textContent = 'mounted';
  document.querySelector('#out').textContent = JSON.stringify(log);
  document.body.dataset.ready = '1';
}
