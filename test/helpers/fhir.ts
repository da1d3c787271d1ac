import type { QuestionnaireResponse } from 'fhir/r4.js';
import { Fhir } from 'lantana-fhir';
import { fhirUrls } from '../../src/fhir/index.js';

const validator = new Fhir();

/**
 * Validates a resource against the FHIR R4 StructureDefinitions bundled with FHIR.js (the npm
 * package `fhir`, installed as `lantana-fhir`): cardinalities, data types, required bindings and
 * unexpected properties. Returns the error messages; an empty list means valid.
 */
export function fhirErrors(resource: object): string[] {
  const { messages } = validator.validate(structuredClone(resource), { errorOnUnexpected: true });
  return (messages ?? []).filter((message) => message.severity === 'error').map((message) => `${message.location}: ${message.message}`);
}

/** A QuestionnaireResponse answering each item with a coding of the project's answer code system. */
export function codedResponse(answers: Record<string, string | null>): QuestionnaireResponse {
  return {
    resourceType: 'QuestionnaireResponse',
    id: 'example',
    status: 'completed',
    item: Object.entries(answers).map(([linkId, code]) =>
      code === null ? { linkId } : { linkId, answer: [{ valueCoding: { system: fhirUrls.answers, code } }] },
    ),
  };
}
