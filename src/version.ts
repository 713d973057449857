import pkg from '../package.json' with { type: 'json' };

/** The package version (package.json, embedded in the bundle). */
export const VERSION: string = pkg.version;
