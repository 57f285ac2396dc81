// A Vite app as a portal developer writes it: import and call, no init.
import { checkUscc, parseAmount } from 'procurement-precheck';

const r = checkUscc(document.querySelector('#uscc').value);
document.querySelector('#out').textContent = `${r.info.summary} | ${parseAmount('1.5', { unit: 'wan' }).value}`;
document.body.dataset.ready = '1';
