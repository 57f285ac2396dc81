// checkSupplier in the browser (headless Chromium, driven by bench.mjs): the same application
// and loop as in Node; perCall's figures (the first call, the first round, the steady state) are left in window.__bench.
import { Catalogue, checkSupplier } from '../pkg/index.js';
import { applications, OPTIONS } from './application.mjs';
import { perCall } from './measure.mjs';

const county = Catalogue.builtin('county-example-2023');
// The applications are built before the clock starts, as in Node (bench.mjs).
const apps = applications();
window.__bench = { checkSupplier: perCall((i) => checkSupplier(apps[i & 255], { ...OPTIONS, catalogue: county })) };
