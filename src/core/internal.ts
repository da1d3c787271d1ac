/**
 * What the library's own adapters (zod, FHIR, syntax, batch) read of the core beyond its public
 * API. Not a package entry point: nothing here is a semver promise to users.
 */
export { MISSING_LEVEL, readAnswer } from './answers/read-answer.js';
export { isPlainObject } from './scoring/options.js';
export { aggregate, bandOf, itemPoints } from './scoring/rules.js';
export { engineFor } from './scoring/score.js';
