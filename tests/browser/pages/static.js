// ?entry=index.min.js | fields.min.js: the same page on the package's minified single files.
const entry = new URLSearchParams(location.search).get('entry') ?? 'index.js';
const { checkUscc, Catalogue } = await import(`/node_modules/procurement-precheck/${entry}`);

const r = checkUscc(document.querySelector('#uscc').value);
document.querySelector('#out').textContent =
  `${r.findings[0]?.code} | ${Catalogue ? Catalogue.builtin('county-example-2023').search('ljqy')[0]?.item.code : '-'}`;
document.body.dataset.ready = '1';
