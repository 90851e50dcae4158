/** Roundup's version, recorded in provenance. Keep in step with package.json. */
export const VERSION = '0.1.0';
