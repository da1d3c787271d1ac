// Drives the example form (examples/web-form/) in Debian's Chromium with playwright-core:
// the SEED's worked example in Dutch, an incomplete submission, keyboard-only answering, axe-core.
// Run with `npm run test:browser` (builds first); screenshots go to test-results/.
import assert from 'node:assert/strict';
import { copyFile, mkdir } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { djg11, djg6, score } from 'loneliness-scales';
import { scoreQuestionnaireResponse } from 'loneliness-scales/fhir';
import { serve } from '../../examples/web-form/serve.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = `${root}test-results/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

let browser;
let site;
/** Requests the page made to anything but the local server: there must be none (works offline, no CDN). */
const outside = [];

before(async () => {
  await mkdir(artifacts, { recursive: true });
  site = await serve(`${root}examples/web-form/`);
  browser = await chromium.launch({ executablePath, args });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

/** Bodies POSTed to the local `submit` endpoint (answered 201 by the test, not the static server). */
const posted = [];

async function openForm(search = '') {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.route('**/*', (route) => {
    const request = route.request();
    if (request.url() === `${site.url}submit` && request.method() === 'POST') {
      posted.push(request.postData());
      return route.fulfill({ status: 201, body: '' });
    }
    if (request.url().startsWith(site.url)) return route.continue();
    outside.push(route.request().url());
    return route.abort();
  });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error));
  await page.goto(`${site.url}${search}`);
  await page.getByRole('button').waitFor();
  return { page, errors };
}

/** Ticks the answer labelled `label` of the question whose legend starts with `number.`. */
async function answer(page, number, label) {
  const question = page.getByRole('group', { name: new RegExp(`^${number}\\. `) });
  await question.getByRole('radio', { name: label, exact: true }).check();
}

/** Runs axe-core (injected from node_modules, no network) and returns its violations. */
async function axeViolations(page) {
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  const results = await page.evaluate(() => globalThis.axe.run(document));
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

describe('example web form in Chromium', () => {
  it('scores the SEED worked example in Dutch: total 4 "matig eenzaam", emotional 3, social 1 (reference §6)', async () => {
    const { page, errors } = await openForm();
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    // SEED order: emptiness, leanOn, trust, closeTo, missPeople, rejected.
    for (const [number, label] of [[1, 'ja'], [2, 'ja'], [3, 'ja'], [4, 'min of meer'], [5, 'ja'], [6, 'ja']]) {
      await answer(page, number, label);
    }
    await page.getByRole('button', { name: 'Verstuur de antwoorden' }).click();
    // By default no category label is shown to the respondent: the scale measures groups.
    assert.equal(await page.locator('#total').textContent(), '4 van 6');
    assert.doesNotMatch(await page.locator('#result').textContent(), /(niet|matig|ernstig) eenzaam/);
    assert.equal(await page.locator('#status').textContent(), 'Uw antwoorden zijn ontvangen. Dank u wel.');
    assert.match(await page.locator('#emotional').textContent(), /^3 van 3/);
    assert.match(await page.locator('#social').textContent(), /^1 van 3/);
    assert.match(await page.locator('#caution').textContent(), /geen diagnose/);
    assert.match(await page.locator('.citation').textContent(), /de Jong Gierveld, J\., & van Tilburg, T\. \(2006\)/);
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${artifacts}web-form-nl-result.png`, fullPage: true });
    await mkdir(`${root}docs/images`, { recursive: true });
    await copyFile(`${artifacts}web-form-nl-result.png`, `${root}docs/images/web-form.png`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('names every unanswered question as the respondent sees it ("Beantwoord vraag 3: …")', async () => {
    const { page } = await openForm();
    await answer(page, 1, 'ja');
    await answer(page, 2, 'nee');
    await page.getByRole('button', { name: 'Verstuur de antwoorden' }).click();
    const alert = page.getByRole('alert');
    assert.deepEqual(await alert.getByRole('listitem').allTextContents(), [
      'Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen',
      'Beantwoord vraag 4: Er zijn voldoende mensen met wie ik me nauw verbonden voel',
      'Beantwoord vraag 5: Ik mis mensen om me heen',
      'Beantwoord vraag 6: Vaak voel ik me in de steek gelaten',
    ]);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'errors');
    // Each question carries its own message, tied to it by aria-describedby.
    const third = page.getByRole('group', { name: /^3\. / });
    assert.equal(await third.getAttribute('aria-describedby'), 'q-trust-error');
    assert.equal(await page.locator('#q-trust-error').textContent(), 'Beantwoord vraag 3: Ik heb veel mensen op wie ik volledig kan vertrouwen');
    assert.equal(await page.locator('#q-emptiness-error').textContent(), '');
    assert.equal(await page.locator('#result').textContent(), '');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${artifacts}web-form-nl-incomplete.png`, fullPage: true });
    await page.close();
  });

  it('is operable by keyboard alone: 11 items in English, answered with Tab, arrows and Space', async () => {
    const { page } = await openForm();
    const focused = () => page.evaluate(() => ({ name: document.activeElement?.getAttribute('name'), value: document.activeElement?.getAttribute('value') }));
    await page.keyboard.press('Tab');
    assert.deepEqual(await focused(), { name: 'scale', value: 'djg6' });
    await page.keyboard.press('ArrowDown'); // 11 questions
    assert.deepEqual(await focused(), { name: 'scale', value: 'djg11' });
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown'); // English
    assert.deepEqual(await focused(), { name: 'language', value: 'en' });
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    // Position of the chosen option per item: 0 yes, 1 more or less, 2 no.
    const choices = [0, 2, 1, 0, 2, 0, 1, 2, 0, 2, 1];
    for (const [index, choice] of choices.entries()) {
      await page.keyboard.press('Tab');
      assert.equal((await focused()).name, djg11.items[index]?.key);
      if (choice === 0) await page.keyboard.press('Space');
      for (let step = 0; step < choice; step++) await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Send the answers');
    await page.keyboard.press('Enter');
    const labels = ['yes', 'more or less', 'no'];
    const expected = score(djg11, Object.fromEntries(djg11.items.map((item, index) => [item.key, labels[choices[index] ?? 0]])));
    assert.equal(await page.locator('#total').textContent(), `${expected.total} of 11`);
    // No instruction in English: none was retrieved from the authors, and none is invented.
    assert.equal(await page.locator('#instruction').count(), 0);
    assert.equal(await page.locator('#emotional').textContent(), `${expected.emotional} of 6`);
    assert.equal(await page.locator('#social').textContent(), `${expected.social} of 5`);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scores');
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${artifacts}web-form-en-keyboard.png`, fullPage: true });
    await page.close();
  });

  it('shows the RIVM Dutch instruction before the items (reference §11)', async () => {
    const { page } = await openForm();
    assert.equal(
      await page.locator('#instruction').textContent(),
      'Wilt u van elk van de volgende uitspraken aangeven in hoeverre die op u, zoals u de laatste tijd bent, van toepassing is? U kunt antwoorden met nee, min of meer, ja.',
    );
    await page.close();
  });

  it('submits a QuestionnaireResponse: shown as JSON, downloadable, POSTed to a same-origin submit URL, scoring as the library does', async () => {
    const { page, errors } = await openForm('?submit=submit');
    for (const [number, label] of [[1, 'ja'], [2, 'ja'], [3, 'ja'], [4, 'min of meer'], [5, 'ja'], [6, 'ja']]) {
      await answer(page, number, label);
    }
    posted.length = 0;
    await page.getByRole('button', { name: 'Verstuur de antwoorden' }).click();
    await page.locator('#scores').waitFor();
    const shown = JSON.parse(await page.locator('#response-json').textContent());
    assert.equal(shown.resourceType, 'QuestionnaireResponse');
    assert.equal(shown.status, 'completed');
    assert.deepEqual(shown.item.map((item) => item.linkId), djg6.items.map((item) => item.key));
    assert.deepEqual(shown.item[3].answer[0].valueCoding.code, 'more or less');
    assert.equal(shown.item[3].answer[0].valueCoding.display, 'min of meer');
    const scores = scoreQuestionnaireResponse(djg6, shown);
    assert.deepEqual([scores.total, scores.emotional, scores.social], [4, 3, 1]);
    assert.equal(posted.length, 1);
    assert.deepEqual(JSON.parse(posted[0]), shown);
    const link = page.locator('#download');
    assert.equal(await link.getAttribute('download'), 'questionnaire-response.json');
    const downloaded = await page.evaluate(async () => (await fetch(document.getElementById('download').href)).text());
    assert.deepEqual(JSON.parse(downloaded), shown);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a submit URL of another origin is ignored: answers never leave the site', async () => {
    const { page } = await openForm('?submit=https://example.com/collect');
    for (const number of [1, 2, 3, 4, 5, 6]) await answer(page, number, 'nee');
    await page.getByRole('button', { name: 'Verstuur de antwoorden' }).click();
    await page.locator('#scores').waitFor();
    assert.equal(await page.locator('#status').textContent(), 'Uw antwoorden zijn ontvangen. Dank u wel.');
    await page.close();
  });

  it('shows the category label only when asked (?categories)', async () => {
    const { page } = await openForm('?categories');
    for (const [number, label] of [[1, 'ja'], [2, 'ja'], [3, 'ja'], [4, 'min of meer'], [5, 'ja'], [6, 'ja']]) {
      await answer(page, number, label);
    }
    await page.getByRole('button', { name: 'Verstuur de antwoorden' }).click();
    assert.equal(await page.locator('#total').textContent(), '4 van 6 — matig eenzaam');
    await page.close();
  });

  it('has zero axe-core violations before anything is answered', async () => {
    const { page } = await openForm();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });

  it('loads nothing but the local page, its stylesheet and its one script (works offline, no CDN)', () => {
    assert.deepEqual(outside, []);
  });
});
