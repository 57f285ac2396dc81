// The public face of availability.js for the whole API's module: `ready` (a promise of true once
// the WebAssembly module is loaded, false when it could not be) and isAvailable().
import { main, statusOf } from './availability.js';

export const { ready, isAvailable } = statusOf(main);
