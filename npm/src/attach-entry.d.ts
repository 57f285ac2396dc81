// procurement-precheck/attach — types: the field checks of procurement-precheck/fields, and
// attach() with `ready` / `isAvailable()` of the fields module (see the default entry's
// declarations for attach's options, report and events).
export * from './fields-entry.js';
export { attach } from './index.js';
export type {
  AttachFieldSpec, AttachMapping, AttachFieldState, AttachFieldEventDetail, AttachReport,
  AttachOptions, AttachHandle, UnavailableEventDetail, PrecheckUnavailableError,
} from './index.js';
