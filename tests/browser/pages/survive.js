import * as pkg from '/node_modules/procurement-precheck/index.js';
import { run } from './survive-host.js';

run(pkg);
