import { checkUscc, Catalogue } from '/node_modules/procurement-precheck/index.js';

const r = checkUscc(document.querySelector('#uscc').value);
document.querySelector('#out').textContent =
  `${r.findings[0]?.code} | ${Catalogue.builtin('county-example-2023').search('ljqy')[0]?.item.code}`;
document.body.dataset.ready = '1';
