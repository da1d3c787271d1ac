// The README's example, checked.
import assert from 'node:assert/strict';
import { djg6, score } from 'loneliness-scales';

const result = score(djg6, {
  emptiness: 'yes',
  leanOn: 'yes',
  trust: 'yes',
  closeTo: 'more or less',
  missPeople: 'yes',
  rejected: 'yes',
});
console.log(result.total, result.emotional, result.social, result.category?.label.en);
assert.equal(result.total, 4);
assert.equal(result.emotional, 3);
assert.equal(result.social, 1);
assert.equal(result.category?.label.en, 'moderately lonely');
