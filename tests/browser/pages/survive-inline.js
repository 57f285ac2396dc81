import * as pkg from '/node_modules/procurement-precheck/procurement-precheck.inline.js';
import { run } from './survive-host.js';

run(pkg);
