import { createRequire } from 'node:module';

/** The version of Attain, from the cli package. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;
