// The example form: renders a De Jong Gierveld scale from the library's own definitions (items,
// answer labels, instruction, categories, citation), validates with the respondent's messages of
// loneliness-scales/zod, and on submit builds the FHIR QuestionnaireResponse (shown as JSON and
// downloadable; POSTed when a submit URL is set) and scores it. Bundled with the built package by
// build.mjs.
import { djg11, djg6 } from 'loneliness-scales';
import { fhirUrls, scoreQuestionnaireResponse, toQuestionnaire } from 'loneliness-scales/fhir';
import { answerMessages } from 'loneliness-scales/zod';

const scales = { djg6, djg11 };

/**
 * Choices of whoever deploys the form, read from the page's address:
 * - `?categories`: also show the category label ("matig eenzaam") with the scores. Off by default:
 *   the scale was built to measure loneliness in groups, and an individual label is no diagnosis.
 * - `?submit=URL`: POST the QuestionnaireResponse (JSON) to this same-origin URL on submit.
 */
const query = new URLSearchParams(location.search);
/** Only a URL of the page's own origin: a link must not be able to send answers elsewhere. */
function sameOrigin(url) {
  if (url === null) return null;
  try {
    const target = new URL(url, location.href);
    return target.origin === location.origin ? target.href : null;
  } catch {
    return null;
  }
}
const options = {
  showCategories: query.has('categories'),
  submitUrl: sameOrigin(query.get('submit')),
  // Your own instruction per language, where the scale definition ships none (it ships RIVM's
  // Dutch wording; no English wording of the authors was retrieved, so none is invented here).
  instruction: { en: undefined },
};

/** The page's own words; item texts, answer labels, category labels and citations come from the scales. */
const texts = {
  nl: {
    scale: 'Vragenlijst',
    scales: { djg6: '6 vragen', djg11: '11 vragen' },
    language: 'Taal',
    submit: 'Verstuur de antwoorden',
    invalid: 'Nog niet alles is goed ingevuld',
    result: 'Uitslag',
    scores: { total: 'Totaalscore', emotional: 'Emotionele eenzaamheid', social: 'Sociale eenzaamheid' },
    of: 'van',
    caution: 'Een onderzoeksinstrument, geen diagnose. De schaal is gemaakt voor onderzoek naar groepen; gebruik een score niet om een persoon te labelen of te diagnosticeren.',
    cite: 'Bron',
    sent: 'Uw antwoorden zijn ontvangen. Dank u wel.',
    notSent: 'Versturen is niet gelukt',
    response: 'Uw antwoorden als FHIR QuestionnaireResponse',
    download: 'Download (JSON)',
  },
  en: {
    scale: 'Questionnaire',
    scales: { djg6: '6 questions', djg11: '11 questions' },
    language: 'Language',
    submit: 'Send the answers',
    invalid: 'Some questions still need an answer',
    result: 'Result',
    scores: { total: 'Total score', emotional: 'Emotional loneliness', social: 'Social loneliness' },
    of: 'of',
    caution: 'A research instrument, not a diagnosis. The scale was built for survey research on groups; do not use a score to label or diagnose an individual.',
    cite: 'Source',
    sent: 'Your answers have been received. Thank you.',
    notSent: 'Sending failed',
    response: 'Your answers as a FHIR QuestionnaireResponse',
    download: 'Download (JSON)',
  },
};

const state = { scale: 'djg6', language: 'nl', answers: {} };
const app = document.getElementById('app');

/** Creates an element with attributes and children (strings become text, never HTML). */
function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, value);
  }
  element.append(...children.flat());
  return element;
}

/** A fieldset of labelled radio buttons: one per choice, with a legend. */
function radioGroup({ name, legend, choices, checked, id, describedBy }) {
  return h(
    'fieldset',
    { id, class: id ? 'question' : null, tabindex: id ? '-1' : null, 'aria-describedby': describedBy },
    h('legend', {}, legend),
    h(
      'div',
      { class: 'options' },
      choices.map(([value, label], index) => {
        const inputId = `${name}-${index}`;
        return h('label', { for: inputId }, h('input', { type: 'radio', id: inputId, name, value, checked: value === checked }), label);
      }),
    ),
  );
}

function render() {
  const scale = scales[state.scale];
  const text = texts[state.language];
  const { language } = state;
  document.documentElement.lang = language;
  document.title = scale.name[language];
  const format = scale.answerFormats.find((candidate) => candidate.name === '3-point');

  const settings = h(
    'form',
    { class: 'settings', id: 'settings' },
    radioGroup({ name: 'scale', legend: text.scale, checked: state.scale, choices: Object.entries(text.scales) }),
    radioGroup({ name: 'language', legend: text.language, checked: language, choices: [['nl', 'Nederlands'], ['en', 'English']] }),
  );
  settings.addEventListener('change', (event) => {
    state[event.target.name] = event.target.value;
    render();
    // Re-rendering replaces the controls: keep keyboard focus on the one just changed.
    document.getElementById(event.target.id)?.focus();
  });

  const questions = scale.items.map((item, index) => {
    const question = radioGroup({
      id: `q-${item.key}`,
      describedBy: `q-${item.key}-error`,
      name: item.key,
      legend: `${index + 1}. ${item.text[language]}`,
      checked: state.answers[item.key],
      choices: format.options.map((option) => [option.answer, option.label[language]]),
    });
    question.append(h('p', { class: 'error', id: `q-${item.key}-error` }));
    return question;
  });
  const form = h(
    'form',
    { id: 'questionnaire', novalidate: true },
    h('div', { id: 'summary' }),
    questions,
    h('button', { type: 'submit' }, text.submit),
  );
  form.addEventListener('change', (event) => (state.answers[event.target.name] = event.target.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, scale);
  });

  const instruction = instructionText(scale, language, format);
  app.replaceChildren(
    h('h1', {}, scale.name[language]),
    settings,
    instruction === undefined ? [] : h('p', { id: 'instruction' }, instruction),
    form,
    h('section', { id: 'result', 'aria-live': 'polite' }),
    h('p', { class: 'caution', id: 'caution' }, text.caution),
    h('p', { class: 'citation' }, `${text.cite}: ${scale.citation}`),
  );
}

/** The instruction before the items: the deployer's own, or the scale's (RIVM's, in Dutch), or none. */
function instructionText(scale, language, format) {
  const own = options.instruction[language];
  if (own !== undefined) return own;
  const text = scale.instruction?.text[language];
  if (text === undefined) return undefined;
  const answers = format.name === '3-point' ? scale.instruction?.threePointAnswers?.[language] : undefined;
  return answers === undefined ? text : `${text} ${answers}`;
}

/** The QuestionnaireResponse of the answers, coded as the Questionnaire of toQuestionnaire codes them. */
function questionnaireResponse(scale, answers) {
  const questionnaire = toQuestionnaire(scale, { language: state.language, scoreItems: 'hidden' });
  const options = new Map(
    questionnaire.item.filter((item) => item.type === 'choice').map((item) => [item.linkId, item.answerOption.map((option) => option.valueCoding)]),
  );
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: questionnaire.url,
    status: 'completed',
    authored: new Date().toISOString(),
    language: state.language,
    item: scale.items.map((item) => {
      const coding = options.get(item.key).find((candidate) => candidate.code === answers[item.key]);
      return {
        linkId: item.key,
        text: item.text[state.language],
        answer: [{ valueCoding: { system: fhirUrls.answers, code: coding.code, display: coding.display } }],
      };
    }),
  };
}

/** Sends the response where the deployer asked for it; resolves to whether it was accepted. */
async function send(json) {
  if (!options.submitUrl) return true;
  try {
    const reply = await fetch(options.submitUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: json });
    return reply.ok;
  } catch {
    return false;
  }
}

async function submit(form, scale) {
  const text = texts[state.language];
  const answers = Object.fromEntries(scale.items.map((item) => [item.key, state.answers[item.key] ?? null]));
  const messages = answerMessages(scale, answers, { language: state.language });
  const summary = form.querySelector('#summary');
  const result = document.getElementById('result');
  for (const item of scale.items) {
    const message = messages[item.key] ?? '';
    form.querySelector(`#q-${item.key}-error`).textContent = message;
    form.querySelector(`#q-${item.key}`).toggleAttribute('data-invalid', message !== '');
  }
  const problems = Object.entries(messages);
  if (problems.length > 0) {
    result.replaceChildren();
    summary.replaceChildren(
      h(
        'div',
        { class: 'summary', role: 'alert', tabindex: '-1', id: 'errors' },
        h('h2', {}, text.invalid),
        h('ul', {}, problems.map(([key, message]) => h('li', {}, h('a', { href: `#q-${key}` }, message)))),
      ),
    );
    summary.firstChild.focus();
    return;
  }
  summary.replaceChildren();
  // The submitted data is the QuestionnaireResponse; the scores are read back from it.
  const response = questionnaireResponse(scale, answers);
  const json = JSON.stringify(response, null, 2);
  const scores = scoreQuestionnaireResponse(scale, response);
  const accepted = await send(json);
  const label = (category) => (options.showCategories && category ? ` — ${category.label[state.language]}` : '');
  const line = (name, value, maximum, category) =>
    [h('dt', {}, text.scores[name]), h('dd', { id: name }, `${value} ${text.of} ${maximum}`, label(category))];
  const download = URL.createObjectURL(new Blob([json], { type: 'application/fhir+json' }));
  result.replaceChildren(
    h(
      'div',
      { class: 'result', tabindex: '-1', id: 'scores' },
      h('p', { id: 'status', role: accepted ? null : 'alert' }, accepted ? text.sent : text.notSent),
      h('h2', {}, text.result),
      h(
        'dl',
        {},
        line('total', scores.total, scale.range.total, scores.category),
        line('emotional', scores.emotional, scale.range.emotional, scores.emotionalCategory),
        line('social', scores.social, scale.range.social, scores.socialCategory),
      ),
      h(
        'details',
        {},
        h('summary', {}, text.response),
        h('pre', { id: 'response-json', tabindex: '0' }, json),
        h('a', { id: 'download', href: download, download: 'questionnaire-response.json' }, text.download),
      ),
    ),
  );
  result.firstChild.focus();
}

render();
