// The example form: renders a De Jong Gierveld scale from the library's own definitions (items,
// answer labels, categories, citation), validates with the respondent's messages of
// loneliness-scales/zod and shows the scores. Bundled with the built package by build.mjs.
import { djg11, djg6, score } from 'loneliness-scales';
import { answerMessages } from 'loneliness-scales/zod';

const scales = { djg6, djg11 };

/** The page's own words; item texts, answer labels, category labels and citations come from the scales. */
const texts = {
  nl: {
    scale: 'Vragenlijst',
    scales: { djg6: '6 vragen', djg11: '11 vragen' },
    language: 'Taal',
    intro: 'Kies bij elke uitspraak het antwoord dat het best bij u past.',
    submit: 'Bereken de score',
    invalid: 'Nog niet alles is goed ingevuld',
    result: 'Uitslag',
    scores: { total: 'Totaalscore', emotional: 'Emotionele eenzaamheid', social: 'Sociale eenzaamheid' },
    of: 'van',
    caution: 'Een onderzoeksinstrument, geen diagnose. De schaal is gemaakt voor onderzoek naar groepen; gebruik een score niet om een persoon te labelen of te diagnosticeren.',
    cite: 'Bron',
  },
  en: {
    scale: 'Questionnaire',
    scales: { djg6: '6 questions', djg11: '11 questions' },
    language: 'Language',
    intro: 'For each statement, choose the answer that fits you best.',
    submit: 'Calculate the score',
    invalid: 'Some questions still need an answer',
    result: 'Result',
    scores: { total: 'Total score', emotional: 'Emotional loneliness', social: 'Social loneliness' },
    of: 'of',
    caution: 'A research instrument, not a diagnosis. The scale was built for survey research on groups; do not use a score to label or diagnose an individual.',
    cite: 'Source',
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

  app.replaceChildren(
    h('h1', {}, scale.name[language]),
    settings,
    h('p', {}, text.intro),
    form,
    h('section', { id: 'result', 'aria-live': 'polite' }),
    h('p', { class: 'caution', id: 'caution' }, text.caution),
    h('p', { class: 'citation' }, `${text.cite}: ${scale.citation}`),
  );
}

function submit(form, scale) {
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
  const scores = score(scale, answers);
  const line = (name, value, maximum, category) =>
    [h('dt', {}, text.scores[name]), h('dd', { id: name }, `${value} ${text.of} ${maximum}`, category ? ` — ${category.label[state.language]}` : '')];
  result.replaceChildren(
    h(
      'div',
      { class: 'result', tabindex: '-1', id: 'scores' },
      h('h2', {}, text.result),
      h(
        'dl',
        {},
        line('total', scores.total, scale.range.total, scores.category),
        line('emotional', scores.emotional, scale.range.emotional, scores.emotionalCategory),
        line('social', scores.social, scale.range.social, scores.socialCategory),
      ),
    ),
  );
  result.firstChild.focus();
}

render();
