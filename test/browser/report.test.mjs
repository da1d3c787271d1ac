// Renders the HTML summary report of the bundled Dutch survey (examples/data/enquete-nl.csv, by
// gemeente and age band) in Debian's Chromium with playwright-core: on screen at 375 px and as
// printed on A4, with axe-core. The page must load nothing from outside (it opens from an e-mail
// attachment), print without cut-off tables, and give every chart a text alternative.
// Run with `npm run test:browser` (builds first); screenshots go to test-results/
// (UPDATE_SCREENSHOT=1 also writes docs/images/report-nl.png).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = fileURLToPath(new URL('../../', import.meta.url));
const artifacts = `${root}test-results/`;
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'];

let browser;
const reports = {};

before(async () => {
  await mkdir(artifacts, { recursive: true });
  for (const language of ['nl', 'en']) {
    const file = `${artifacts}report-${language}.html`;
    // Exit code 1: the sample holds one row with an unreadable answer, reported and counted.
    try {
      execFileSync(process.execPath, [`${root}dist/cli.js`, 'summary', `${root}examples/data/enquete-nl.csv`, '--lang', language, '--by', 'gemeente,leeftijd:18-24,25-49,50-64,65-74,75+', '--format', 'html', '--out', file, '--quiet']);
    } catch (error) {
      if (error.status !== 1) throw error;
    }
    reports[language] = file;
  }
  browser = await chromium.launch({ executablePath, args });
});

after(async () => {
  await browser?.close();
});

async function open(language, viewport, media = 'screen') {
  const page = await browser.newPage({ viewport });
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (!url.startsWith('file://')) requests.push(url);
    return url.startsWith('file://') ? route.continue() : route.abort();
  });
  await page.emulateMedia({ media });
  await page.goto(`file://${reports[language]}`);
  return { page, requests };
}

async function axeViolations(page) {
  await page.addScriptTag({ path: `${root}node_modules/axe-core/axe.min.js` });
  const results = await page.evaluate(() => globalThis.axe.run(document));
  return results.violations.map((violation) => ({ id: violation.id, nodes: violation.nodes.map((node) => node.target.join(' ')) }));
}

/** Elements whose content is wider than the page: tables or charts cut off. */
async function overflowing(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    return [...document.querySelectorAll('table, svg, .cards, p, h1, h2')].filter((element) => element.getBoundingClientRect().right > width + 1).map((element) => element.tagName + (element.id ? `#${element.id}` : ''));
  });
}

describe('HTML summary report', () => {
  it('Dutch at 375 px: zero axe-core violations, no outside requests, charts with text alternatives', async () => {
    const { page, requests } = await open('nl', { width: 375, height: 800 });
    assert.equal(await page.locator('html').getAttribute('lang'), 'nl');
    assert.match(await page.locator('h1').innerText(), /Eenzaamheid/);
    const charts = page.locator('svg[role="img"]');
    assert.equal(await charts.count(), 2);
    for (let index = 0; index < 2; index++) {
      const chart = charts.nth(index);
      const name = await chart.evaluate((svg) => svg.querySelector('title')?.textContent ?? '');
      const description = await chart.evaluate((svg) => svg.querySelector('desc')?.textContent ?? '');
      assert.match(name, /naar (gemeente|leeftijd)/);
      assert.match(description, /\d+,\d%/);
    }
    assert.deepEqual(await axeViolations(page), []);
    // Wide tables scroll inside their own (focusable) box; nothing else is wider than the phone.
    assert.deepEqual((await overflowing(page)).filter((tag) => tag !== 'TABLE'), []);
    await page.screenshot({ path: `${artifacts}report-nl-375.png`, fullPage: true });
    assert.deepEqual(requests, []);
  });

  it('English on a desktop: zero axe-core violations, the caution and the citation', async () => {
    const { page } = await open('en', { width: 1100, height: 900 });
    assert.deepEqual(await axeViolations(page), []);
    const text = await page.locator('main').innerText();
    assert.match(text, /not a diagnosis of individuals/);
    assert.match(text, /Research on Aging/);
    const screenshot = `${artifacts}report-nl.png`;
    const dutch = await open('nl', { width: 1000, height: 1400 });
    await dutch.page.screenshot({ path: screenshot, fullPage: false });
    if (process.env.UPDATE_SCREENSHOT === '1') await copyFile(screenshot, `${root}docs/images/report-nl.png`);
  });

  it('printed on A4: no table or chart wider than the page, a PDF is produced', async () => {
    const { page } = await open('nl', { width: 794, height: 1123 }, 'print');
    // A4 at 96 dpi minus the 12 mm side margins.
    await page.setViewportSize({ width: 703, height: 1000 });
    assert.deepEqual(await overflowing(page), []);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.ok(pdf.length > 10_000);
    await writeFile(`${artifacts}report-nl.pdf`, pdf);
  });
});
