// The 6-item scale as a FHIR R4 Questionnaire, a response scored with the core, and an Observation.
import assert from 'node:assert/strict';
import { djg6 } from 'loneliness-scales';
import { fhirUrls, scoreQuestionnaireResponse, toObservation, toQuestionnaire } from 'loneliness-scales/fhir';

const questionnaire = toQuestionnaire(djg6, { language: 'nl' });
console.log(questionnaire.url, '-', questionnaire.item.length, 'items');

// The SEED's worked example, answered in a form that stored codings of the project's code system.
const seed = { emptiness: 'yes', leanOn: 'yes', trust: 'yes', closeTo: 'more or less', missPeople: 'yes', rejected: 'yes' };
const response = {
  resourceType: 'QuestionnaireResponse',
  id: 'r1',
  questionnaire: questionnaire.url,
  status: 'completed',
  item: Object.entries(seed).map(([linkId, code]) => ({ linkId, answer: [{ valueCoding: { system: fhirUrls.answers, code } }] })),
};
const result = scoreQuestionnaireResponse(djg6, response);
console.log('total', result.total, result.category?.label.nl, '- emotional', result.emotional, '- social', result.social);
assert.deepEqual([result.total, result.emotional, result.social], [4, 3, 1]);

const observation = toObservation(result, { derivedFrom: response, language: 'nl' });
assert.deepEqual(observation.derivedFrom, [{ reference: 'QuestionnaireResponse/r1' }]);
console.log(observation.code.text, observation.valueInteger, observation.interpretation?.[0]?.text);
