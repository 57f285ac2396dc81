// checkSupplier in the browser (headless Chromium, driven by bench.mjs): the same application
// and loop as in Node; the median per call is left in window.__bench.
import { Catalogue, checkSupplier } from '../pkg/index.js';
import { application, OPTIONS } from './application.mjs';
import { medianPerCall } from './measure.mjs';

const county = Catalogue.builtin('county-example-2023');
window.__bench = { checkSupplierUs: medianPerCall((i) => checkSupplier(application(i), { ...OPTIONS, catalogue: county })) };
