// The app of the procurement-precheck/fields bundler tests (copied in as src/main.js): a portal's
// module imports the small fields entry and checks at once, no init.
import { checkUscc, parseAmount } from 'procurement-precheck/fields';

const r = checkUscc(document.querySelector('#uscc').value);
document.querySelector('#out').textContent = `${r.info.summary} | ${parseAmount('1.5', { unit: 'wan' }).value}`;
document.body.dataset.ready = '1';
