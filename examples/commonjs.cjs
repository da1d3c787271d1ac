// The package from CommonJS: numeric codes through an explicit coding.
const assert = require('node:assert/strict');
const { createScorer, djg11, ScoringError } = require('loneliness-scales');

const scorer = createScorer(djg11, { coding: 'manual', missing: { total: 1 } });
// MANUAL coding: 1 = no, 2 = more or less, 3 = yes; -1 = no answer.
const rows = [
  { talkTo: 3, missCloseFriend: 1, emptiness: 1, leanOn: 3, missCompany: 1, circleTooSmall: 1, trust: 3, closeTo: 3, missPeople: 1, rejected: 1, callOnFriends: 3 },
  { talkTo: 1, missCloseFriend: 3, emptiness: 2, leanOn: 1, missCompany: 3, circleTooSmall: 3, trust: 2, closeTo: 1, missPeople: 3, rejected: -1, callOnFriends: 1 },
  { talkTo: 3, missCloseFriend: 7 },
];
for (const row of rows) {
  const outcome = scorer.safeScore(row);
  if (outcome.success) console.log(outcome.data.total, outcome.data.category && outcome.data.category.label.en);
  else console.log(`${outcome.error.code}: ${outcome.error.message}`);
}
assert.equal(scorer.score(rows[0]).total, 0);
assert.equal(scorer.score(rows[1]).total, 10);
assert.throws(() => scorer.score(rows[2]), ScoringError);
