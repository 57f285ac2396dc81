// procurement-precheck/fields — types of the CommonJS field checks entry.
export * from './fields-entry.js';
