// Limits that keep hostile input from exhausting memory, time or the stack.

/** Largest file accepted, in bytes (as kubectl's default request body limits are of this order). */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Deepest nesting accepted; real manifests stay under 20 levels (a CronJob's pod affinity terms). */
export const MAX_DEPTH = 100;
/** Alias expansions allowed per document before the file is treated as an alias bomb. */
export const MAX_ALIAS_COUNT = 100;
