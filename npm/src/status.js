// The public face of availability.js: `ready` (a promise of true once the WebAssembly module is
// loaded, false when it could not be) and isAvailable().
import { main } from './availability.js';

export const ready = main.ready;

export function isAvailable() {
  return main.status === 'ready';
}
