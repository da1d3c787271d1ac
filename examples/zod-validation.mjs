// Validating a form submission with the zod adapter before scoring it.
import assert from 'node:assert/strict';
import { djg6, score } from 'loneliness-scales';
import { answersSchema, toJSONSchema } from 'loneliness-scales/zod';

const schema = answersSchema(djg6);
const submission = { emptiness: 'ja', leanOn: 'ja', trust: 'ja', closeTo: 'min of meer', missPeople: 'ja', rejected: 'ja' };
const parsed = schema.parse(submission);
console.log('score:', score(djg6, parsed).total);

const bad = schema.safeParse({ emptiness: 'misschien', leanOn: 'ja' });
assert.equal(bad.success, false);
for (const issue of bad.error.issues) console.log(issue.path.join('.') || '(form)', '-', issue.message);

const jsonSchema = toJSONSchema(djg6, { language: 'nl' });
console.log(JSON.stringify(jsonSchema.properties.emptiness));
assert.deepEqual(jsonSchema.properties.emptiness.enum, ['ja', 'min of meer', 'nee']);
