/**
 * What the library's own adapters (zod, FHIR, syntax, batch) read of the core beyond its public
 * API. Re-exported by the core barrel with a leading underscore (`_itemPoints`, …), so that every
 * entry point shares the one copy of the core loaded through the package's name (one
 * `ScoringError` class). Underscored exports are internal: no semver promise to users.
 * @internal
 * @module
 */
export { resolveCoding as _resolveCoding } from './answers/codings.js';
export { MISSING_LEVEL as _MISSING_LEVEL, readAnswer as _readAnswer } from './answers/read-answer.js';
export { isPlainObject as _isPlainObject } from './scoring/options.js';
export { aggregate as _aggregate, bandOf as _bandOf, itemPoints as _itemPoints, tally as _tally } from './scoring/rules.js';
export { engineFor as _engineFor } from './scoring/score.js';
export { didYouMean as _didYouMean, nearest as _nearest } from './text/nearest.js';
