import { checkUscc } from '/node_modules/procurement-precheck/procurement-precheck.inline.js';

document.querySelector('#out').textContent = checkUscc('91110000600037341L').info.summary;
document.body.dataset.ready = '1';
