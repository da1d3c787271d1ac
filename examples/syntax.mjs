// Scoring code for SPSS, R and SQL from the scale definitions (loneliness-scales/syntax), from ESM
// and CommonJS alike.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { djg6 } from 'loneliness-scales';
import { toR, toSpss, toSql } from 'loneliness-scales/syntax';

const options = { coding: 'manual', columns: { by: 'number', pattern: 'lone{n}' } };
const spss = toSpss(djg6, options);
console.log(spss.split('\n').slice(0, 1).join('\n'));
assert.match(spss, /RECODE total \(0 THRU 1 = 0\) \(2 THRU 4 = 1\) \(5 THRU 6 = 2\)/);
assert.match(toR(djg6, options), /score_loneliness <- function\(data\)/);
assert.match(toSql(djg6, { ...options, table: 'survey' }), /FROM survey AS responses/);

const require = createRequire(import.meta.url);
const commonjs = require('loneliness-scales/syntax');
assert.equal(commonjs.toSql(require('loneliness-scales').djg6, options), toSql(djg6, options));
