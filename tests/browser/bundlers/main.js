// Every bundler app's code (copied into each as src/main.js, the import rewritten for the
// single-file apps): a portal's module imports the package and calls a check, no init.
import { checkUscc, parseAmount, isAvailable } from 'procurement-precheck';

const r = checkUscc(document.querySelector('#uscc').value);
document.querySelector('#out').textContent =
  `${isAvailable()} | ${r.info.summary} | ${parseAmount('1.5', { unit: 'wan' }).value}`;
document.body.dataset.ready = '1';
